import type { PortalGateRule } from './registry';

/**
 * The literal heads of the portal rules' URL patterns, computed at build time (portalGate) for the
 * portal content script, which checks a page's address against them before any pattern runs.
 */

const META = '.[]{}()*+?|^$';
/** Whether `c` is a quantifier that lets the piece before it match nothing. */
const optional = (c: string | undefined) => c === '?' || c === '*' || c === '{';
const MAX_PREFIXES = 16;

/** A literal character at `i` (escaped or plain) and where the next piece starts, else undefined. */
function literalAt(pattern: string, i: number): { text: string; next: number } | undefined {
  const c = pattern[i];
  if (c === undefined) return undefined;
  if (c === '\\') {
    const e = pattern[i + 1];
    // \d, \w, \b, \1...: a class, an assertion or a back-reference, not a character.
    if (e === undefined || /[A-Za-z0-9]/.test(e)) return undefined;
    return { text: e, next: i + 2 };
  }
  return META.includes(c) ? undefined : { text: c, next: i + 1 };
}

/** A group of plain alternatives at `i` (`(apps|essentials)`, `(?:a|b)`): its texts, else undefined. */
function plainGroup(pattern: string, i: number): { texts: string[]; next: number } | undefined {
  let j = i + 1;
  if (pattern.startsWith('?:', j)) j += 2;
  else if (pattern[j] === '?') return undefined; // lookahead or named group
  const texts = [''];
  while (j < pattern.length) {
    const c = pattern[j];
    if (c === ')') return { texts, next: j + 1 };
    if (c === '|') {
      texts.push('');
      j++;
      continue;
    }
    const lit = literalAt(pattern, j);
    if (!lit || optional(pattern[lit.next]) || pattern[lit.next] === '+') return undefined;
    texts[texts.length - 1] += lit.text;
    j = lit.next;
  }
  return undefined;
}

/** Whether `|` splits the whole pattern (outside any group or class): then nothing is anchored. */
function topLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Texts one of which starts every string a URL pattern matches: its literal head after `^`, with
 * groups of plain alternatives (`(apps|essentials)`) expanded; `['']` when nothing certain can be
 * said. The portal content script checks a page's address against these before any pattern is
 * compiled, so a portal page no rule reads costs no regular expression; where a head matches, the
 * pattern itself still decides.
 */
export function literalPrefixes(pattern: string): string[] {
  if (!pattern.startsWith('^') || topLevelAlternation(pattern)) return [''];
  let heads = [''];
  let i = 1;
  while (i < pattern.length) {
    let texts: string[];
    let next: number;
    if (pattern[i] === '(') {
      const group = plainGroup(pattern, i);
      if (!group) break;
      ({ texts, next } = group);
    } else {
      const lit = literalAt(pattern, i);
      if (!lit) break;
      texts = [lit.text];
      next = lit.next;
    }
    const after = pattern[next];
    if (optional(after) || heads.length * texts.length > MAX_PREFIXES) break;
    heads = heads.flatMap((h) => texts.map((t) => h + t));
    if (after === '+') break;
    i = next;
  }
  return heads;
}

const gatePatterns = new Map<string, RegExp>();

/**
 * Whether a rule of `gate` (portalGate) could read the page at `url`, whose detection target (origin,
 * path and hash: rules/extract detectionTarget) is `target`. The same answer as detect() gives about
 * whether some page kind matches; a pattern is compiled only for an address on the rule's host that starts with one
 * of its literal prefixes, so a page no rule reads costs string comparisons only.
 */
export function gateAllows(
  gate: readonly PortalGateRule[],
  url: { protocol: string; hostname: string },
  target: string,
): boolean {
  if (url.protocol !== 'https:') return false;
  for (const rule of gate) {
    if (!rule.hosts.includes(url.hostname) || !rule.prefixes.some((p) => target.startsWith(p))) continue;
    for (const source of rule.urlPatterns) {
      let re = gatePatterns.get(source);
      if (!re) {
        re = new RegExp(source);
        gatePatterns.set(source, re);
      }
      if (re.test(target)) return true;
    }
  }
  return false;
}
