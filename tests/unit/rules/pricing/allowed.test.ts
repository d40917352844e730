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

describe('allowed and patient responsibility read in one pass', () => {
  it('equal lineAllowed and linePatientResponsibility', () => {
    const out: LineMoney = { allowedCents: -1, patientResponsibilityCents: -1 };
    fc.assert(
      fc.property(lines, (l) => {
        readLineMoney(l, out);
        expect(out).toEqual({
          allowedCents: lineAllowed(l).allowedCents,
          patientResponsibilityCents: linePatientResponsibility(l),
        });
        expect(lineAllowedCents(l)).toBe(out.allowedCents);
      }),
      { numRuns: 2000 },
    );
  });
});
