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

/**
 * One rule as the portal content script tests an address: the https hosts it applies to, the literal
 * prefixes one of which starts every address it reads (rules/portals/url-prefixes.ts), then its URL
 * patterns, compiled only for an address that passed the first two.
 */
export interface PortalGateRule {
  hosts: string[];
  prefixes: string[];
  urlPatterns: string[];
}

/**
 * What the portal content script needs to decide whether a page could be read, built into it at
 * build time (wxt.config.ts): the rules' fields and selectors load only with the reader. Every
 * built-in match pattern must be `https://<host>/*`, so that a host comparison decides where a rule
 * applies; any other form stops the build here, by name.
 */
export function portalGate(rules: readonly PortalRule[] = PORTAL_RULES): PortalGateRule[] {
  return rules.map((r) => {
    const hosts = r.matches.map((m) => {
      const host = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(m)?.[1];
      if (!host) throw new Error(`rules/portals/${r.id}.ts: match pattern ${m} is not https://<host>/*`);
      return host;
    });
    const urlPatterns = r.pageKinds.flatMap((k) => k.urlPatterns);
    const all = [...new Set(urlPatterns.flatMap(literalPrefixes))];
    // A prefix that starts with another one adds nothing.
    const prefixes = all.filter((p) => !all.some((q) => q !== p && p.startsWith(q)));
    return { hosts, prefixes, urlPatterns };
  });
}

/**
 * What the portal content script itself carries (wxt.config.ts puts it in at build time): the built-in
 * hosts as one string, each between spaces, and every rule's literal prefixes in one list. A page on
 * one of the hosts whose address starts with none of the prefixes has nothing a rule reads; for the
 * few that pass, the background checks the rules' URL patterns (gateAllows) before it injects the
 * reader. Strings rather than the rules' objects: a page with nothing to read compiles and runs as
 * little as can be.
 */
export interface ContentScriptGate {
  hosts: string;
  prefixes: string[];
}

/** Every host a built-in rule applies to, once each, sorted. */
export function portalHosts(gate: readonly PortalGateRule[] = portalGate()): string[] {
  return [...new Set(gate.flatMap((r) => r.hosts))].sort();
}

export function contentScriptGate(gate: readonly PortalGateRule[] = portalGate()): ContentScriptGate {
  const hosts = portalHosts(gate);
  const prefixes = [...new Set(gate.flatMap((r) => r.prefixes))].sort();
  return { hosts: ` ${hosts.join(' ')} `, prefixes };
}
