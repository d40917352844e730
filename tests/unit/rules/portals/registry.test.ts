import { describe, expect, it } from 'vitest';
import { matchPatternMatches } from '../../../../rules/extract/detect';
import { PORTAL_RULES, portalMatches } from '../../../../rules/portals/registry';
import { DEMO_PORTALS } from '../../../../scripts/demo-portal/index';
import { UNKNOWN_ORIGIN } from '../../../../scripts/demo-portal/unknown';

describe('portalMatches', () => {
  it('is the sorted union of every rule match pattern (it becomes the content script matches)', () => {
    const union = [...new Set(PORTAL_RULES.flatMap((r) => r.matches))].sort();
    expect(portalMatches()).toEqual(union);
    expect(portalMatches()).toEqual(
      expect.arrayContaining([
        'https://provider.uhc.com/*',
        'https://navinet.navimedix.com/*',
        'https://cignaforhcp.cigna.com/*',
        'https://provider.humana.com/*',
      ]),
    );
  });

  // The teach-mode demo portal is the one no rule knows, on purpose.
  it.each(DEMO_PORTALS.filter((p) => p.origin !== UNKNOWN_ORIGIN).map((p) => [p.origin] as const))(
    'the demo origin %s is covered by a rule',
    (origin) => {
      const url = new URL(`${origin}/any/page`);
      expect(portalMatches().some((p) => matchPatternMatches(p, url))).toBe(true);
    },
  );
});

describe('demo portals serve every page kind example of their rule', () => {
  const cases = PORTAL_RULES.flatMap((rule) =>
    rule.pageKinds.flatMap((kind) =>
      kind.examples
        .filter((ex) => DEMO_PORTALS.some((p) => p.origin === new URL(ex).origin))
        .filter((ex) => /[A-Z]2611040001[7-9]|results|claims$|\/claims\/search$/.test(ex))
        .map((ex) => [rule.id, kind.kind, ex] as const),
    ),
  );
  it.each(cases)('%s %s: %s renders', (_id, _kind, url) => {
    const u = new URL(url);
    const portal = DEMO_PORTALS.find((p) => p.origin === u.origin)!;
    expect(portal.render(u.pathname)).toContain('<main');
  });
});
