import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, oon, parseReport, SAMPLE_SCHEDULE } from './helpers';

const PORTALS = path.resolve(process.cwd(), 'tests/fixtures/portals');

/** Every saved claim or remittance page of every portal whose expected reading is a claim. */
const CLAIM_FIXTURES = readdirSync(PORTALS).flatMap((portal) =>
  readdirSync(path.join(PORTALS, portal))
    .filter((f) => f.endsWith('.expected.json'))
    .flatMap((f) => {
      const expected = JSON.parse(readFileSync(path.join(PORTALS, portal, f), 'utf8')) as {
        ok: boolean;
        kind?: string;
        claim?: { claimNumber: string; billedCents: number; paidCents: number };
      };
      if (!expected.ok || expected.kind !== 'claim' || !expected.claim) return [];
      return [
        [portal, path.join(PORTALS, portal, f.replace('.expected.json', '.html')), expected.claim] as const,
      ];
    }),
);

describe('oon score reads the saved pages of every supported portal', () => {
  it('has a claim page for each of the five portals', () => {
    expect(new Set(CLAIM_FIXTURES.map(([p]) => p))).toEqual(
      new Set(['aetna', 'availity', 'cigna', 'humana', 'uhc']),
    );
  });

  it.each(CLAIM_FIXTURES)('%s: %s', async (portal, file, claim) => {
    const r = await oon(['score', '--json', '--schedule', SAMPLE_SCHEDULE, '--as-of', AS_OF, file]);
    expect(r.code).toBe(0);
    const report = parseReport(r.stdout);
    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]).toMatchObject({
      portal,
      claimNumber: claim.claimNumber,
      totals: { billed: claim.billedCents / 100, paid: claim.paidCents / 100 },
    });
  });
});
