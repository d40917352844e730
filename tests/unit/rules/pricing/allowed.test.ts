import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimLine } from '../../../../rules/model';
import {
  type LineMoney,
  lineAllowed,
  lineAllowedCents,
  linePatientResponsibility,
  readLineMoney,
} from '../../../../rules/pricing/allowed';
import { line } from './fixtures';

/** Lines with any mix of shown amounts, cost share and adjustments a remittance carries. */
const lines = fc
  .record({
    allowedCents: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
    patientResponsibilityCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
    deductibleCents: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    coinsuranceCents: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    copayCents: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
    paidCents: fc.integer({ min: 0, max: 400_000 }),
    adjustments: fc.array(
      fc.record({
        group: fc.constantFrom('CO', 'PR', 'OA', 'PI', 'CR'),
        reason: fc.constantFrom('1', '2', '3', '45', '66', '247', '248', '253', 'B4', '23', '97', '50'),
        amountCents: fc.integer({ min: -10_000, max: 90_000 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map((parts): ClaimLine => {
    const l: ClaimLine = line({ code: '99213', paidCents: parts.paidCents }) as ClaimLine;
    l.adjustments = parts.adjustments as ClaimLine['adjustments'];
    for (const k of [
      'allowedCents',
      'patientResponsibilityCents',
      'deductibleCents',
      'coinsuranceCents',
      'copayCents',
    ] as const) {
      if (parts[k] !== undefined) l[k] = parts[k];
    }
    return l;
  });

/**
 * The rules of domain.md 6.6 written out plainly, one rule per function, as the reference the one-pass
 * reader (readLineMoney, behind lineAllowed and linePatientResponsibility) must agree with.
 */
function referenceAllowed(l: ClaimLine): number {
  if (l.allowedCents !== undefined) return l.allowedCents;
  const costShare = new Set(['1', '2', '3', '66', '247', '248']);
  const postAllowance = new Set(['253', 'B4', '23']);
  const shared = l.adjustments.filter((a) => a.group === 'PR' && costShare.has(a.reason));
  const post = l.adjustments.filter(
    (a) => !(a.group === 'PR' && costShare.has(a.reason)) && postAllowance.has(a.reason),
  );
  const shown = (l.deductibleCents ?? 0) + (l.coinsuranceCents ?? 0) + (l.copayCents ?? 0);
  const sum = (xs: { amountCents: number }[]) => xs.reduce((n, a) => n + a.amountCents, 0);
  return l.paidCents + sum(post) + (shared.length > 0 ? sum(shared) : shown);
}

function referencePatientResponsibility(l: ClaimLine): number {
  if (l.patientResponsibilityCents !== undefined) return l.patientResponsibilityCents;
  const pr = l.adjustments.filter((a) => a.group === 'PR');
  if (pr.length > 0) return pr.reduce((n, a) => n + a.amountCents, 0);
  return (l.deductibleCents ?? 0) + (l.coinsuranceCents ?? 0) + (l.copayCents ?? 0);
}

describe('allowed and patient responsibility read in one pass', () => {
  it('equal the rules written out one by one, through every entry point', () => {
    const out: LineMoney = { allowedCents: -1, patientResponsibilityCents: -1 };
    fc.assert(
      fc.property(lines, (l) => {
        readLineMoney(l, out);
        expect(out).toEqual({
          allowedCents: referenceAllowed(l),
          patientResponsibilityCents: referencePatientResponsibility(l),
        });
        expect(lineAllowed(l)).toEqual({
          allowedCents: out.allowedCents,
          derived: l.allowedCents === undefined,
        });
        expect(lineAllowedCents(l)).toBe(out.allowedCents);
        expect(linePatientResponsibility(l)).toBe(out.patientResponsibilityCents);
      }),
      { numRuns: 2000 },
    );
  });
});
