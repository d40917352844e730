import { detect } from '../../rules/extract/detect';
import { type ExtractResult, extract, isReady } from '../../rules/extract/extract';
import type { Claim } from '../../rules/model';
import { PORTAL_RULES } from '../../rules/portals/registry';
import type { PageKindRule, PortalRule } from '../../rules/portals/schema';
import { parseHtml } from '../lib/dom';
import type { GenericReader } from './generic';

/** A saved portal page read into a claim, or why not. */
export type PageRead =
  | {
      ok: true;
      claim: Claim;
      portal: string;
      pageKind: string;
      /** The generic reader's confidence (0..1) and its notes; absent for a portal rule's read. */
      generic?: { confidence: number; notes: string[] };
    }
  | { ok: false; message: string };

const SAVED_FROM = /<!--\s*saved from url=\((\d+)\)(\S+)/i;

function absoluteUrl(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the page was saved from, when the file says: our own `<meta name="oon:url">`, a canonical link,
 * or the comment Chrome writes on "Save page as" (`(NNNN)` is the URL's length).
 */
export function savedPageUrl(html: string, doc: Document): string | undefined {
  const meta = absoluteUrl(doc.querySelector('meta[name="oon:url"]')?.getAttribute('content'));
  if (meta) return meta;
  const canonical = absoluteUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'));
  if (canonical) return canonical;
  const m = SAVED_FROM.exec(html.slice(0, 4096));
  if (!m) return undefined;
  const length = Number(m[1]);
  return absoluteUrl(length > 0 ? m[2]!.slice(0, length) : m[2]);
}

interface Candidate {
  rule: PortalRule;
  kind: PageKindRule;
}

/** The URL's page kind first, then every page kind whose readiness check matches, in registry order. */
function candidates(doc: Document, url: string | undefined, rules: readonly PortalRule[]): Candidate[] {
  const out: Candidate[] = [];
  const byUrl = url === undefined ? undefined : detect(url, rules);
  if (byUrl) out.push(byUrl);
  for (const rule of rules) {
    for (const kind of rule.pageKinds) {
      if (byUrl && byUrl.rule === rule && byUrl.kind === kind) continue;
      if (isReady(doc, kind)) out.push({ rule, kind });
    }
  }
  return out;
}

function notAClaim(c: Candidate, result: ExtractResult): string {
  if (result.ok && result.kind === 'list') {
    return `${c.rule.name} ${c.kind.kind} page with ${result.claims.length} claim rows, not a claim: save each claim's detail page`;
  }
  if (result.ok) return `${c.rule.name} ${c.kind.kind} page, not a claim: save the claim's detail page`;
  return `${c.rule.name} ${c.kind.kind} page, but these could not be read: ${result.missing.join('; ')}`;
}

/**
 * Reads a saved portal page. A page is only scored when a rule read every required field; a page
 * that no rule recognises goes to the generic reader when there is one.
 */
export function readSavedPage(
  html: string,
  generic: GenericReader | undefined,
  rules: readonly PortalRule[] = PORTAL_RULES,
): PageRead {
  const doc = parseHtml(html);
  try {
    const url = savedPageUrl(html, doc);
    const tried = candidates(doc, url, rules);
    const problems: string[] = [];
    for (const c of tried) {
      const result = extract(c.rule, c.kind, doc);
      if (result.ok && result.kind === 'claim') {
        return { ok: true, claim: result.claim, portal: c.rule.id, pageKind: c.kind.kind };
      }
      problems.push(notAClaim(c, result));
    }
    if (tried.length > 0) return { ok: false, message: problems.join(' | ') };
    if (!generic) {
      return {
        ok: false,
        message: `no portal rule recognises this page${url ? ` (saved from ${url})` : ''} and the generic reader is not available`,
      };
    }
    const read = generic(doc);
    if (!read.ok)
      return { ok: false, message: `no portal rule recognises this page; generic reader: ${read.message}` };
    return {
      ok: true,
      claim: read.claim,
      portal: 'generic',
      pageKind: 'generic',
      generic: { confidence: read.confidence, notes: read.notes },
    };
  } finally {
    doc.defaultView?.close();
  }
}
