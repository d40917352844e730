import { describe, expect, it } from 'vitest';
import type { Adjustment, Claim, ClaimLine } from '../../../../rules/model';
import { findDenialPatterns } from '../../../../rules/patterns/index';

let n = 0;
function claim(
  payerName: string,
  lines: (Partial<ClaimLine> & { code: string })[],
  extra: Partial<Claim> = {},
): Claim {
  n += 1;
  return {
    claimNumber: `P-${String(n).padStart(3, '0')}`,
    payerName,
    status: 'denied',
    billedCents: 0,
    paidCents: 0,
    adjustments: [],
    remarks: [],
    serviceDateFrom: `2026-10-${String(n).padStart(2, '0')}`,
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      modifiers: [],
      units: 1,
      billedCents: 145_000,
      paidCents: 0,
      allowedCents: 0,
      adjustments: [],
      remarks: [],
      ...l,
    })),
    ...extra,
  };
}
const co = (reason: string, amountCents = 145_000): Adjustment => ({ group: 'CO', reason, amountCents });
const auth = { adjustments: [co('197')], remarks: ['N130'] };
const paid = { paidCents: 60_000, allowedCents: 70_000, adjustments: [co('45', 75_000)] };

describe('findDenialPatterns', () => {
  const claims = [
    claim('ACME HEALTH PLAN', [{ code: '73721', ...auth }]),
    claim('ACME HEALTH PLAN', [{ code: '73721', ...auth }]),
    claim('ACME HEALTH PLAN', [{ code: '70553', ...auth, billedCents: 200_000 }]),
    claim('Acme Health Plan ', [{ code: '73721', ...auth }]),
    // One timely filing denial is not a pattern.
    claim('ACME HEALTH PLAN', [{ code: '99214', adjustments: [co('29', 25_000)], billedCents: 25_000 }]),
    // Another payer: 73721 paid twice, denied for medical necessity twice.
    claim('OTHER PLAN', [{ code: '73721', ...paid }], { status: 'paid' }),
    claim('OTHER PLAN', [{ code: '73721', ...paid }], { status: 'paid' }),
    claim('OTHER PLAN', [{ code: '73721', adjustments: [co('50')] }]),
    claim('OTHER PLAN', [{ code: '73721', adjustments: [co('50')] }]),
    // A reversed claim counts for nothing.
    claim('OTHER PLAN', [{ code: '73721', adjustments: [co('50')] }], { status: 'reversed' }),
  ];
  const patterns = findDenialPatterns(claims);

  it('groups by payer (case and spaces ignored) and category, most denied money first', () => {
    expect(patterns.map((p) => [p.payerName, p.category, p.claimCount])).toEqual([
      ['ACME HEALTH PLAN', 'authorization', 4],
      ['OTHER PLAN', 'medical-necessity', 2],
    ]);
  });

  it('says when every line of a code from the payer was denied, and names the upstream fix', () => {
    const [authorization, necessity] = patterns;
    expect(authorization!.codes).toEqual([
      { code: '73721', deniedLines: 3, totalLines: 3 },
      { code: '70553', deniedLines: 1, totalLines: 1 },
    ]);
    expect(authorization!.summary).toBe(
      'ACME HEALTH PLAN denied every 73721 line, every 70553 line for authorization, on 4 claims',
    );
    expect(authorization!.rootCause).toMatch(/^Get prior authorization for these codes from this payer/);
    expect(authorization!.deniedCents).toBe(3 * 145_000 + 200_000);
    expect(authorization!.reasons).toEqual(['CO-197', 'N130']);
    expect(authorization!.firstServiceDate).toBe('2026-10-01');
    expect(authorization!.lastServiceDate).toBe('2026-10-04');
    expect(necessity!.summary).toBe(
      'OTHER PLAN denied 2 of 4 73721 lines for medical necessity, on 2 claims',
    );
  });

  it('needs minClaims denied claims', () => {
    expect(findDenialPatterns(claims, { minClaims: 1 }).map((p) => p.category)).toContain('timely-filing');
    expect(findDenialPatterns(claims, { minClaims: 5 })).toEqual([]);
  });

  it('ignores paid lines and lines with no denial', () => {
    expect(
      findDenialPatterns([claim('X', [{ code: '99213', ...paid }], { status: 'paid' })], { minClaims: 1 }),
    ).toEqual([]);
  });
});
