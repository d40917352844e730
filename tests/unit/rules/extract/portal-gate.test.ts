import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, detectionTarget, matchPatternMatches } from '../../../../rules/extract/detect';
import { PORTAL_RULES, portalGate } from '../../../../rules/portals/registry';
import { gateAllows, literalPrefixes } from '../../../../rules/portals/url-prefixes';

/**
 * The portal content script decides from the rules' addresses alone (portalGate, built into it)
 * whether to load the reader: it must agree with detect() on every URL, or a readable page is missed.
 */
const examples = PORTAL_RULES.flatMap((r) => r.pageKinds.flatMap((k) => k.examples));
const variants = examples.flatMap((u) => {
  const url = new URL(u);
  return [
    u,
    `${u}/`,
    `${u}?claim=1#top`,
    `${url.origin}/`,
    `${url.origin}${url.pathname.replace(/\/[^/]*$/, '')}`,
    `${url.origin}/coverage-claims/overview`,
    u.replace('https://', 'http://'),
    u.replace(url.hostname, `evil-${url.hostname}`),
    u.replace(url.hostname, `${url.hostname}.evil.example`),
  ];
});

/** The content script's test of an address (entrypoints/portal.ts): the gate built into it. */
function gateSays(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return gateAllows(portalGate(), url, detectionTarget(url));
}

describe("the content script's gate agrees with detect", () => {
  it.each(
    [
      ...new Set([
        ...variants,
        'https://portal.example-payer.com/claims/1',
        'https://provider.uhc.com/claimsX',
      ]),
    ].map((u) => [u]),
  )('%s', (href) => {
    expect(gateSays(href)).toBe(detect(href, PORTAL_RULES) !== undefined);
  });

  it('every example URL could be read, and a portal home page could not', () => {
    for (const u of examples) expect(gateSays(u)).toBe(true);
    expect(gateSays('https://provider.humana.com/coverage-claims/overview')).toBe(false);
  });

  it('is plain data (it is built into the content script as JSON) and holds no redundant prefix', () => {
    const gate = portalGate();
    expect(JSON.parse(JSON.stringify(gate))).toEqual(gate);
    for (const r of gate)
      for (const p of r.prefixes) expect(r.prefixes.filter((q) => p.startsWith(q))).toEqual([p]);
  });

  it('refuses to build from a match pattern a host comparison cannot decide', () => {
    const wild = { ...PORTAL_RULES[0]!, matches: ['https://*.example.com/*'] };
    expect(() => portalGate([wild])).toThrow(/is not https:\/\/<host>\/\*/);
  });
});

describe('literal prefixes of URL patterns', () => {
  it.each([
    [
      '^https://provider\\.humana\\.com/claims/inquiry/[A-Za-z0-9]+/?$',
      ['https://provider.humana.com/claims/inquiry/'],
    ],
    [
      '^https://(apps|essentials)\\.availity\\.com/x/',
      ['https://apps.availity.com/x/', 'https://essentials.availity.com/x/'],
    ],
    ['^https://(?:a|b)\\.example\\.com/', ['https://a.example.com/', 'https://b.example.com/']],
    ['^https://x\\.com/a?b', ['https://x.com/']],
    ['^https://x\\.com/ab*', ['https://x.com/a']],
    ['^https://x\\.com/ab{2}', ['https://x.com/a']],
    ['^https://x\\.com/ab+c', ['https://x.com/ab']],
    ['^https://x\\.com/(a|b)?c', ['https://x.com/']],
    ['^https://x\\.com/\\d+', ['https://x.com/']],
    ['^https://x\\.com/(?!search)[a-z]+', ['https://x.com/']],
    ['^https://x\\.com/(a(b)|c)', ['https://x.com/']],
    ['^https://x\\.com/.*', ['https://x.com/']],
    // Not anchored, or split at the top: nothing certain.
    ['https://x\\.com/', ['']],
    ['^https://x\\.com/a|^https://y\\.com/', ['']],
  ])('%s', (pattern, prefixes) => {
    expect(literalPrefixes(pattern)).toEqual(prefixes);
  });

  it('every string a pattern matches starts with one of its prefixes (random patterns and strings)', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', 'b', '/', '\\.', '\\/', '-', '[a-z]+', '\\d', '.*', '(a|b)', '(?:ab|b)', '(?!a)'),
      fc.constantFrom('?', '*', '+', '{1,2}').map((q) => `a${q}`),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '-', '1', 'z') }),
        (pieces, text) => {
          const pattern = `^${pieces.join('')}`;
          const re = new RegExp(pattern);
          for (const candidate of [text, `ab${text}`, `a/${text}`, `b.${text}`])
            if (re.test(candidate))
              expect(literalPrefixes(pattern).some((p) => candidate.startsWith(p))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('match patterns', () => {
  /** The regular-expression form matchPatternMatches replaced, kept here as the reference. */
  function reference(pattern: string, url: URL): boolean {
    const m = /^(https?|\*):\/\/([^/]+)\/(.*)$/.exec(pattern);
    if (!m) return false;
    const [, scheme, host, path] = m;
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (host !== '*') {
      if (host!.startsWith('*.')) {
        const base = host!.slice(2);
        if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
      } else if (url.hostname !== host) return false;
    }
    return (
      path === '*' ||
      new RegExp(`^/${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url.pathname)
    );
  }

  it('agree with the regular-expression form on random patterns and URLs', () => {
    const scheme = fc.constantFrom('https', 'http', '*', 'ftp', '', 'https:');
    const host = fc.constantFrom('*', '*.uhc.com', 'provider.uhc.com', 'uhc.com', '', 'a/b', 'x\ny');
    const path = fc.constantFrom('*', 'claims/*', 'claims', '', 'a.b/*', 'x\ny', '(a)');
    const sep = fc.constantFrom('://', ':/', '//');
    const url = fc.constantFrom(
      'https://provider.uhc.com/claims/1',
      'http://provider.uhc.com/claims',
      'https://www.uhc.com/',
      'https://uhc.com/a.b/c',
      'https://evil.example/claims/1',
    );
    fc.assert(
      fc.property(scheme, sep, host, path, url, (s, sp, h, p, u) => {
        const pattern = `${s}${sp}${h}/${p}`;
        expect(matchPatternMatches(pattern, new URL(u))).toBe(reference(pattern, new URL(u)));
      }),
      { numRuns: 3000 },
    );
  });
});
