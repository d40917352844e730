import { describe, expect, it } from 'vitest';
import {
  balanceBillingFindings,
  idrInitiationWindow,
  type NsaKind,
  type NsaUserMark,
  nsaStatus,
  openNegotiationDeadline,
} from '../../../../rules/deadlines/nsa';
import { type Adjustment, type Claim, ClaimSchema } from '../../../../rules/model';

/** A synthetic, de-identified claim with one line; only what these rules read varies. */
function claim(parts: {
  remarks?: string[];
  lineRemarks?: string[];
  adjustments?: Adjustment[];
  lineAdjustments?: Adjustment[];
}): Claim {
  return ClaimSchema.parse({
    claimNumber: 'TEST-0001',
    payerName: 'Acme Health Plan',
    status: 'paid',
    billedCents: 100_000,
    paidCents: 40_000,
    adjustments: parts.adjustments ?? [],
    remarks: parts.remarks ?? [],
    lines: [
      {
        lineNumber: 1,
        code: '99285',
        modifiers: [],
        units: 1,
        billedCents: 100_000,
        paidCents: 40_000,
        adjustments: parts.lineAdjustments ?? [],
        remarks: parts.lineRemarks ?? [],
      },
    ],
  });
}

describe('nsaStatus', () => {
  it.each<[string, string[], string[], NsaKind | undefined]>([
    ['claim remark N864', ['N864'], [], 'emergency'],
    ['line remark N865', [], ['N865'], 'facility'],
    ['claim remark N866', ['N866'], [], 'air-ambulance'],
    ['line remark N876', [], ['N876'], 'notice-of-denial'],
    ['claim remark N877', ['N877'], [], 'initial-payment'],
    ['the service wins over the payment notice', ['N877'], ['N864'], 'emergency'],
    ['N859 alone is not in the issue list', ['N859'], [], undefined],
    ['N885: payer says NSA does not apply', ['N885'], [], undefined],
    ['no remarks', [], [], undefined],
  ])('%s', (_, remarks, lineRemarks, kind) => {
    const status = nsaStatus(claim({ remarks, lineRemarks }));
    expect(status.nsa).toBe(kind !== undefined);
    expect(status.kind).toBe(kind);
  });

  it('names the remarks in its reason', () => {
    expect(nsaStatus(claim({ remarks: ['N877'], lineRemarks: ['N864'] })).reason).toBe(
      'Remarks N864, N877 on the remittance: emergency services; an initial payment under the Act (No Surprises Act)',
    );
  });

  it.each<[NsaUserMark, RegExp]>([
    ['emergency', /emergency services \(45 CFR 149\.110/],
    ['facility', /in-network facility \(45 CFR 149\.120/],
    ['air-ambulance', /air ambulance services \(45 CFR 149\.130/],
  ])('a biller mark of %s makes the claim NSA', (mark, reason) => {
    const status = nsaStatus(claim({}), mark);
    expect(status).toMatchObject({ nsa: true, kind: mark });
    expect(status.reason).toMatch(reason);
  });

  it('answers each set of remarks, and each mark, for itself when asked again', () => {
    const alone = nsaStatus(claim({ remarks: ['N864'] }));
    const both = nsaStatus(claim({ remarks: ['N877'], lineRemarks: ['N864'] }));
    expect(nsaStatus(claim({ lineRemarks: ['N864'] }))).toEqual(alone);
    expect(both.reason).toMatch(/^Remarks N864, N877 /);
    expect(nsaStatus(claim({ remarks: ['N864'] })).reason).toMatch(/^Remark N864 /);
    expect(nsaStatus(claim({}), 'facility').kind).toBe('facility');
    expect(nsaStatus(claim({}), 'emergency').kind).toBe('emergency');
    expect(nsaStatus(claim({ remarks: ['N130'] }))).toEqual({ nsa: false });
  });

  it('prefers the remark over the mark for kind', () => {
    expect(nsaStatus(claim({ remarks: ['N866'] }), 'emergency').kind).toBe('air-ambulance');
  });
});

describe('openNegotiationDeadline (business day 30, the paid date being day 1)', () => {
  it.each<[string, string, string]>([
    [
      '2026-11-02',
      '2026-12-15',
      'Mon day 1: Nov 2-6 = 5, 9-10 = 7, (11 Veterans), 12-13 = 9, 16-20 = 14, 23-25 = 17, (26 Thanksgiving), 27 = 18, 30 = 19, Dec 1-4 = 23, 7-11 = 28, 14 = 29, 15 = 30',
    ],
    [
      '2026-11-21',
      '2027-01-06',
      'Sat rolls to Mon Nov 23 = 1: 23-25 = 3, 27 = 4, 30 = 5, Dec 1-4 = 9, 7-11 = 14, 14-18 = 19, 21-24 = 23, (25 Christmas), 28-31 = 27, (Jan 1), Jan 4-6 = 30',
    ],
    [
      '2026-11-26',
      '2027-01-11',
      'Thanksgiving rolls to Fri Nov 27 = 1: 30 = 2, Dec 1-4 = 6, 7-11 = 11, 14-18 = 16, 21-24 = 20, 28-31 = 24, Jan 4-8 = 29, Jan 11 = 30',
    ],
    [
      '2021-12-01',
      '2022-01-13',
      'Wed day 1: Dec 1-3 = 3, 6-10 = 8, 13-17 = 13, 20-23 = 17, (24 Christmas obs.), 27-30 = 21, (31 New Year obs.), Jan 3-7 = 26, 10-13 = 30',
    ],
    [
      '2026-06-01',
      '2026-07-14',
      'Mon day 1: Jun 1-5 = 5, 8-12 = 10, 15-18 = 14, (19 Juneteenth), 22-26 = 19, 29-30 = 21, Jul 1-2 = 23, (3 July 4th obs.), 6-10 = 28, 13-14 = 30',
    ],
  ])('paid %s: notice by %s (%s)', (paidDate, expected) => {
    expect(openNegotiationDeadline(paidDate)).toBe(expected);
  });
});

describe('idrInitiationWindow (business days 31-34, the notice date being day 1)', () => {
  it.each<[string, string, string, string, string]>([
    [
      '2026-03-02',
      '2026-04-10',
      '2026-04-13',
      '2026-04-16',
      'no holidays Mar-Apr 2026: six full weeks end Fri Apr 10 = 30; Apr 13 = 31 .. Apr 16 = 34',
    ],
    [
      '2026-05-18',
      '2026-06-30',
      '2026-07-01',
      '2026-07-07',
      'May 18-22 = 5, (25 Memorial), 26-29 = 9, Jun 1-5 = 14, 8-12 = 19, 15-18 = 23, (19), 22-26 = 28, 29-30 = 30; Jul 1 = 31, 2 = 32, (3 obs.), 6 = 33, 7 = 34',
    ],
    [
      '2026-11-21',
      '2027-01-06',
      '2027-01-07',
      '2027-01-12',
      'Sat notice rolls to Mon Nov 23 = 1; day 30 as in the open negotiation row; Jan 7 = 31, 8 = 32, 11 = 33, 12 = 34',
    ],
  ])('notice sent %s: negotiation ends %s, IDR %s to %s (%s)', (sent, ends, from, to) => {
    expect(idrInitiationWindow(sent)).toEqual({ negotiationEnds: ends, from, to });
  });
});

describe('balanceBillingFindings', () => {
  const pr45: Adjustment = { group: 'PR', reason: '45', amountCents: 123_456 };
  const costShare: Adjustment[] = [
    { group: 'PR', reason: '1', amountCents: 50_000 },
    { group: 'PR', reason: '2', amountCents: 10_000 },
    { group: 'PR', reason: '3', amountCents: 2_500 },
  ];

  it.each<[string, Claim, boolean, string[]]>([
    [
      'PR-45 on an NSA line',
      claim({ remarks: ['N864'], lineAdjustments: [pr45] }),
      true,
      [
        'Line 1: PR-45 $1,234.56 is balance billing on a No Surprises Act claim; ask the payer to reprocess it as CO-45, and do not bill the patient for it.',
      ],
    ],
    [
      'PR-96 at claim level on an NSA claim',
      claim({ adjustments: [{ group: 'PR', reason: '96', amountCents: 5_000 }] }),
      true,
      [
        'Claim: PR-96 $50.00 is balance billing on a No Surprises Act claim; do not bill the patient beyond in-network cost sharing.',
      ],
    ],
    [
      'only deductible, coinsurance and copay on an NSA claim',
      claim({ lineAdjustments: costShare }),
      true,
      [],
    ],
    [
      'CO-45 on an NSA claim is the payer writing it off',
      claim({ lineAdjustments: [{ ...pr45, group: 'CO' }] }),
      true,
      [],
    ],
    ['PR-45 on a non-NSA claim may be billed', claim({ lineAdjustments: [pr45] }), false, []],
    [
      'PR-45 with N879 even when not marked NSA',
      claim({ lineRemarks: ['N879'], lineAdjustments: [pr45] }),
      false,
      [
        'Line 1: PR-45 $1,234.56 is balance billing on a claim with remark N879; ask the payer to reprocess it as CO-45, and do not bill the patient for it.',
      ],
    ],
    [
      'a reversed (negative) PR-45 is not a charge to the patient',
      claim({ lineAdjustments: [{ ...pr45, amountCents: -123_456 }] }),
      true,
      [],
    ],
  ])('%s', (_, c, nsa, messages) => {
    expect(balanceBillingFindings(c, nsa).map((f) => f.message)).toEqual(messages);
  });

  it('takes an NsaStatus and reports line, code and amount', () => {
    const c = claim({ remarks: ['N865'], lineAdjustments: [...costShare, pr45] });
    expect(balanceBillingFindings(c, nsaStatus(c))).toEqual([
      {
        kind: 'balance-billing',
        lineNumber: 1,
        adjustment: { group: 'PR', reason: '45', amountCents: 123_456 },
        amountCents: 123_456,
        message: expect.stringMatching(/^Line 1: PR-45 \$1,234\.56/),
      },
    ]);
  });
});
