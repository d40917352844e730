import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceBillingGround,
  balanceBillingGroundOfRemarks,
  type NsaUserMark,
  nsaStatus,
  nsaStatusOfRemarks,
  remarkBits,
} from '../../../../rules/deadlines/index';
import type { Claim } from '../../../../rules/model';

/**
 * scoreClaim reads every remark once (remarkBits) and answers both the NSA status and the balance-billing
 * ground from those bits. Both must equal the answers of nsaStatus and balanceBillingGround, which walk
 * the remarks themselves, for remarks in any case and for near misses.
 */
const REMARKS = [
  'N864',
  'n865',
  'N866',
  'N876',
  'n877',
  'N878',
  'n879',
  'N130',
  'M15',
  'MA01',
  'N8640',
  'N86',
  'X864',
  'Ｎ864',
  'ŉ864',
  'N８64',
  '',
];
const remarks = fc.array(fc.constantFrom(...REMARKS), { maxLength: 3 });
const claims = fc.record({ remarks, lines: fc.array(fc.record({ remarks }), { maxLength: 4 }) }).map(
  (c): Pick<Claim, 'remarks' | 'lines'> => ({
    remarks: c.remarks,
    lines: c.lines.map((l, i) => ({
      lineNumber: i + 1,
      code: '99213',
      modifiers: [],
      units: 1,
      billedCents: 100,
      paidCents: 0,
      adjustments: [],
      remarks: l.remarks,
    })),
  }),
);
const marks = fc.constantFrom<NsaUserMark | undefined>(undefined, 'emergency', 'facility', 'air-ambulance');

describe('remarkBits', () => {
  it('gives the NSA status and balance-billing ground the remark walks give', () => {
    fc.assert(
      fc.property(claims, marks, (claim, mark) => {
        const bits = remarkBits(claim);
        const nsa = nsaStatus(claim, mark);
        expect(nsaStatusOfRemarks(bits, mark)).toEqual(nsa);
        expect(balanceBillingGroundOfRemarks(bits, nsa)).toBe(balanceBillingGround(claim, nsa));
        expect(balanceBillingGroundOfRemarks(bits, false)).toBe(balanceBillingGround(claim, false));
      }),
      { numRuns: 500 },
    );
  });
});
