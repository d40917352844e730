import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PORTAL_RULES } from '../../../../rules/portals/registry';
import type { PageKindName, PageKindRule, PortalRule } from '../../../../rules/portals/schema';
import { parseHtml } from '../../../../scripts/lib/dom';

export const FIXTURE_ROOT = path.resolve(import.meta.dirname, '../../../fixtures/portals');

/** claimDetail → claim-detail: the page-kind part of a fixture's file name. */
export function kindFileName(kind: PageKindName): string {
  return kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export interface PortalFixture {
  /** `uhc/claim-detail--underpaid` */
  name: string;
  rule: PortalRule;
  kind: PageKindRule;
  htmlPath: string;
  expectedPath: string;
  html: string;
  expected: unknown;
}

/** Every fixture under tests/fixtures/portals/<rule id>/<page-kind>--<case>.html. */
export function portalFixtures(): PortalFixture[] {
  const out: PortalFixture[] = [];
  for (const id of readdirSync(FIXTURE_ROOT).sort()) {
    const rule = PORTAL_RULES.find((r) => r.id === id);
    if (!rule)
      throw new Error(`tests/fixtures/portals/${id} has no rule with that id in rules/portals/registry.ts`);
    for (const file of readdirSync(path.join(FIXTURE_ROOT, id)).sort()) {
      if (!file.endsWith('.html')) continue;
      const kindPart = file.split('--')[0];
      const kind = rule.pageKinds.find((k) => kindFileName(k.kind) === kindPart);
      if (!kind) throw new Error(`${id}/${file}: "${kindPart}" is not a page kind of rule ${id}`);
      const htmlPath = path.join(FIXTURE_ROOT, id, file);
      const expectedPath = htmlPath.replace(/\.html$/, '.expected.json');
      out.push({
        name: `${id}/${file.replace(/\.html$/, '')}`,
        rule,
        kind,
        htmlPath,
        expectedPath,
        html: readFileSync(htmlPath, 'utf8'),
        expected: existsSync(expectedPath)
          ? JSON.parse(readFileSync(expectedPath, 'utf8'))
          : { ok: true, kind: 'form' },
      });
    }
  }
  return out;
}

export const fixtureDocument = (f: PortalFixture): Document => parseHtml(f.html);

/** Closes a parsed page's happy-dom window: property tests parse thousands and would run out of memory. */
export function closeDocument(doc: Document): void {
  const view = doc.defaultView as unknown as { happyDOM?: { close?: () => Promise<void> } } | null;
  void view?.happyDOM?.close?.().catch(() => undefined);
}
