import { aetna } from './aetna';
import { availity } from './availity';
import { cigna } from './cigna';
import { humana } from './humana';
import type { PortalRule } from './schema';
import { uhc } from './uhc';
import { literalPrefixes } from './url-prefixes';

/** Every built-in portal rule, sorted by id. tests/meta refuses a rule file that is not listed here. */
export const PORTAL_RULES: readonly PortalRule[] = [aetna, availity, cigna, humana, uhc];

/** The union of the rules' match patterns: the content script's matches and the host permissions. */
export function portalMatches(): string[] {
  return [...new Set(PORTAL_RULES.flatMap((r) => r.matches))].sort();
}

/** The URL side of a rule: where it applies and which pages it reads (no fields, no selectors). */
export interface PortalUrlRule {
  matches: string[];
  urlPatterns: string[];
  /** literalPrefixes of every URL pattern: an address that starts with none of them is never read. */
  prefixes: string[];
}

/**
 * What the portal content script needs to decide whether a page could be read: built into it at
 * build time (wxt.config.ts), so the rules' fields and selectors load only with the reader.
 */
export function portalUrlRules(rules: readonly PortalRule[] = PORTAL_RULES): PortalUrlRule[] {
  return rules.map((r) => {
    const urlPatterns = r.pageKinds.flatMap((k) => k.urlPatterns);
    return { matches: r.matches, urlPatterns, prefixes: [...new Set(urlPatterns.flatMap(literalPrefixes))] };
  });
}
