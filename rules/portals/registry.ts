import { aetna } from './aetna';
import { availity } from './availity';
import { cigna } from './cigna';
import { humana } from './humana';
import type { PortalRule } from './schema';
import { uhc } from './uhc';

/** Every built-in portal rule, sorted by id. tests/meta refuses a rule file that is not listed here. */
export const PORTAL_RULES: readonly PortalRule[] = [aetna, availity, cigna, humana, uhc];

/** The union of the rules' match patterns: the content script's matches and the host permissions. */
export function portalMatches(): string[] {
  return [...new Set(PORTAL_RULES.flatMap((r) => r.matches))].sort();
}
