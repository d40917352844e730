import type { PageKindRule, PortalRule } from '../portals/schema';

const patternCache = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let re = patternCache.get(source);
  if (!re) {
    re = new RegExp(source);
    patternCache.set(source, re);
  }
  return re;
}

/**
 * A Chrome match pattern (`https://*.example.com/*`) as a test on a URL (or on `location`, which has
 * the same fields). Split with string operations: the portal content script runs this on every
 * portal frame, where compiling a regular expression costs more than the rest of the test.
 */
export function matchPatternMatches(
  pattern: string,
  url: Pick<URL, 'protocol' | 'hostname' | 'pathname'>,
): boolean {
  const sep = pattern.indexOf('://');
  if (sep === -1) return false;
  const scheme = pattern.slice(0, sep);
  if (scheme !== 'http' && scheme !== 'https' && scheme !== '*') return false;
  const slash = pattern.indexOf('/', sep + 3);
  if (slash === -1 || slash === sep + 3) return false;
  const host = pattern.slice(sep + 3, slash);
  const path = pattern.slice(slash + 1);
  // The pattern's `.*` never crossed a line break.
  for (const brk of ['\n', '\r', '\u2028', '\u2029']) if (path.includes(brk)) return false;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  return (
    path === '*' ||
    compiled(`^/${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url.pathname)
  );
}

/** What page detection tests: origin, path and hash, never the query string (it can carry patient data). */
export function detectionTarget(url: URL): string {
  return `${url.origin}${url.pathname}${url.hash}`;
}

export interface DetectedPage {
  rule: PortalRule;
  kind: PageKindRule;
}

/** The rule and page kind for a URL, or undefined. Rules are tried in registry order. */
export function detect(href: string, rules: readonly PortalRule[]): DetectedPage | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const target = detectionTarget(url);
  for (const rule of rules) {
    if (!rule.matches.some((p) => matchPatternMatches(p, url))) continue;
    for (const kind of rule.pageKinds) {
      if (kind.urlPatterns.some((p) => compiled(p).test(target))) return { rule, kind };
    }
  }
  return undefined;
}
