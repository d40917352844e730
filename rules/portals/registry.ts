import { availity } from './availity';
import type { PortalRule } from './schema';

/** Every built-in portal rule, sorted by id. tests/meta refuses a rule file that is not listed here. */
export const PORTAL_RULES: readonly PortalRule[] = [availity];

/** The union of the rules' match patterns: the content script's matches and the host permissions. */
export function portalMatches(): string[] {
  return [...new Set(PORTAL_RULES.flatMap((r) => r.matches))].sort();
}
