import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine } from '../../../rules/model';
import { DEFAULT_POLICY_SET, type PolicySet } from '../../../rules/pricing/policy';
import { type FeeSchedule, indexSchedule } from '../../../rules/pricing/schedule';
import { type ScoringContext, scoreClaim } from '../../../rules/score';

const schedule: FeeSchedule = {
  id: 'office',
  name: 'Office fees',
  practiceId: '',
  importedAt: '2026-11-01T00:00:00.000Z',
  rows: [
    { code: '99214', modifier: '', amountCents: 21000 },
    { code: '29881', modifier: '', amountCents: 245000 },
    { code: '36415', modifier: '', amountCents: 1800 },
    { code: '71046', modifier: '', amountCents: 9500 },
    { code: '71046', modifier: '26', amountCents: 3800 },
    { code: '97110', modifier: '', amountCents: 4550 },
  ],
};

function ctx(policies: PolicySet = DEFAULT_POLICY_SET): ScoringContext {
  return { asOf: '2026-11-27', policies, pricing: { schedules: [indexSchedule(schedule)] } };
}

function line(
  n: number,
  code: string,
  allowed: number | undefined,
  extra: Partial<ClaimLine> = {},
): ClaimLine {
  return {
    lineNumber: n,
    code,
    modifiers: [],
    units: 1,
    billedCents: 300000,
    paidCents: allowed ?? 0,
    adjustments: [],
    remarks: [],
    ...(allowed === undefined ? {} : { allowedCents: allowed }),
    ...extra,
  };
}

function claim(lines: ClaimLine[], extra: Partial<Claim> = {}): Claim {
  return {
    claimNumber: 'T-1',
    payerName: 'ACME HEALTH PLAN',
    status: 'paid',
    billedCents: 0,
    paidCents: 0,
    adjustments: [],
    remarks: [],
    lines,
    paidDate: '2026-11-04',
    ...extra,
  };
}

describe('scoreClaim: expected = schedule amount x units; underpaid beyond max($1.00, 1%)', () => {
  it.each([
    // code,     units, allowed, expected, shortfall, underpaid
    ['99214', 1, 12840, 21000, 8160, true],
    ['99214', 1, 20790, 21000, 0, false], // $2.10 short of $210.00: within 1% ($2.10)
    ['99214', 1, 20789, 21000, 211, true], // one cent past 1%
    ['36415', 1, 1701, 1800, 0, false], // $0.99 short of $18.00: within the $1.00 floor
    ['36415', 1, 1699, 1800, 101, true],
    ['97110', 3, 12000, 13650, 1650, true], // 3 units x $45.50
    ['71046', 1, 9500, 9500, 0, false],
    ['99214', 1, 25000, 21000, 0, false], // paid above expected is not a shortfall
  ] as const)(
    '%s x%d allowed %d → expected %d, shortfall %d',
    (code, units, allowed, expected, shortfall, underpaid) => {
      const s = scoreClaim(claim([line(1, code, allowed, { units })]), ctx());
      const l = s.lines[0]!;
      expect(l.expectedCents).toBe(expected);
      expect(l.shortfallCents).toBe(shortfall);
      expect(l.flags.some((f) => f.kind === 'underpaid')).toBe(underpaid);
      expect(s.flaggedLineCount).toBe(underpaid ? 1 : 0);
    },
  );

  it('prices a 26 line from the schedule row for that modifier, and other modifiers from the global row', () => {
    const s = scoreClaim(
      claim([line(1, '71046', 3000, { modifiers: ['26'] }), line(2, '29881', 234920, { modifiers: ['RT'] })]),
      ctx(),
    );
    expect(s.lines.map((l) => l.expectedCents)).toEqual([3800, 245000]);
    expect(s.lines.map((l) => l.shortfallCents)).toEqual([800, 10080]);
  });

  it('adds the lines up into the claim totals and names the underpayment', () => {
    const s = scoreClaim(
      claim([line(1, '99214', 12840), line(2, '29881', 234920), line(3, '36415', 1790)]),
      ctx(),
    );
    expect(s.totals.expectedCents).toBe(21000 + 245000 + 1800);
    expect(s.totals.allowedCents).toBe(12840 + 234920 + 1790);
    expect(s.totals.shortfallCents).toBe(8160 + 10080);
    expect(s.flags).toContainEqual({ kind: 'underpaid', message: 'Underpaid $182.40 on 2 lines' });
  });

  it('derives allowed from paid + patient cost share when the page does not show it, never counting PR-45', () => {
    const l = line(1, '99214', undefined, {
      paidCents: 10000,
      adjustments: [
        { group: 'PR', reason: '2', amountCents: 2500 },
        { group: 'PR', reason: '45', amountCents: 9000 },
        { group: 'CO', reason: '45', amountCents: 3500 },
      ],
    });
    const s = scoreClaim(claim([l]), ctx());
    expect(s.lines[0]).toMatchObject({ allowedCents: 12500, allowedDerived: true, shortfallCents: 8500 });
  });

  it('flags a denied line with its category and counts the whole expected amount as shortfall', () => {
    const l = line(1, '99214', 0, { adjustments: [{ group: 'CO', reason: '197', amountCents: 50000 }] });
    const s = scoreClaim(claim([l], { status: 'denied' }), ctx());
    expect(s.lines[0]!.flags).toContainEqual({ kind: 'denied', message: 'Denied: authorization' });
    expect(s.lines[0]!.shortfallCents).toBe(21000);
    expect(s.lines[0]!.categories).toContain('authorization');
  });

  it('tells denied money apart from underpaid money at claim level', () => {
    const deniedLine = line(2, '29881', 0, {
      adjustments: [{ group: 'CO', reason: '197', amountCents: 300000 }],
    });
    const s = scoreClaim(claim([line(1, '99214', 12840), deniedLine]), ctx());
    expect(s.flags).toContainEqual({ kind: 'underpaid', message: 'Underpaid $81.60 on 1 line' });
    expect(s.flags).toContainEqual({
      kind: 'denied',
      message: 'Denied: authorization on 1 line, $2,450.00 expected',
    });
    expect(s.totals.shortfallCents).toBe(8160 + 245000);
    const onlyDenied = scoreClaim(claim([deniedLine], { status: 'denied' }), ctx());
    expect(onlyDenied.flags.map((f) => f.kind)).not.toContain('underpaid');
  });

  it('says when no benchmark prices a line, instead of inventing one', () => {
    const s = scoreClaim(claim([line(1, '27447', 100000)]), ctx());
    expect(s.lines[0]).toMatchObject({ expectedCents: null, shortfallCents: 0 });
    expect(s.lines[0]!.flags[0]).toMatchObject({ kind: 'no-benchmark' });
    expect(s.lines[0]!.flags[0]!.message).toContain('27447 is not on the fee schedule');
  });

  it('applies a payer tolerance from the policy', () => {
    const policies: PolicySet = {
      default: { methods: [{ method: 'schedule' }] },
      payers: [
        {
          match: 'acme health plan',
          methods: [{ method: 'schedule' }],
          tolerance: { dollars: 5, percent: 0 },
        },
      ],
    };
    const s = scoreClaim(claim([line(1, '99214', 20600)]), ctx(policies));
    expect(s.lines[0]!.shortfallCents).toBe(0);
  });

  it('marks a No Surprises Act claim, gives its open negotiation deadline and flags PR-45 as balance billing', () => {
    const l = line(1, '99214', 15000, {
      paidCents: 12000,
      remarks: ['N864'],
      adjustments: [
        { group: 'PR', reason: '2', amountCents: 3000 },
        { group: 'PR', reason: '45', amountCents: 35000 },
      ],
    });
    const s = scoreClaim(claim([l], { paidDate: '2026-11-04' }), ctx());
    expect(s.nsa).toBe(true);
    // Day 1 = Wed Nov 4; Nov 11 (Veterans Day) and Nov 26 (Thanksgiving) are not business days → day 30 = Dec 17.
    expect(s.deadlines.openNegotiationNoticeBy).toBe('2026-12-17');
    expect(s.flags.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['nsa', 'balance-billing', 'underpaid']),
    );
  });

  it('ranks a claim whose deadline is near above an equal shortfall with time to spare', () => {
    const l = [line(1, '99214', 12840)];
    const soon = scoreClaim(claim(l, { payerName: 'Aetna', paidDate: '2026-06-10' }), ctx());
    const later = scoreClaim(claim(l, { payerName: 'Aetna', paidDate: '2026-11-20' }), ctx());
    expect(soon.deadlines.appealBy! < later.deadlines.appealBy!).toBe(true);
    expect(soon.priority).toBeGreaterThan(later.priority);
  });
});

describe('scoreClaim: the expected amount never exceeds the billed charge', () => {
  it('takes the lower of the billed charge and the schedule amount', () => {
    const s = scoreClaim(claim([line(1, '29881', 40000, { billedCents: 50000 })]), ctx());
    expect(s.lines[0]!.expectedCents).toBe(50000);
    expect(s.lines[0]!.shortfallCents).toBe(10000);
  });
});
