import { describe, expect, it } from 'vitest';
import type { ClaimLine } from '../../../../rules/model';
import { buildHistoryIndex, historyAmount } from '../../../../rules/pricing/history';
import { indexUcr, ucrAmount, ucrFound } from '../../../../rules/pricing/ucr';
import { claim } from './fixtures';

type LineSpec = Partial<ClaimLine> & { code: string };

function stored(
  n: number,
  lines: LineSpec[],
  extra: { payerName?: string; status?: 'paid' | 'reversed' } = {},
) {
  return claim(lines, { claimNumber: `H-${n}`, ...extra });
}

describe('history: median allowed per payer, code and modifier', () => {
  it.each<
    [string, ReturnType<typeof stored>[], string, string, { medianCents: number; count: number } | undefined]
  >([
    [
      'odd count: the middle value',
      [1, 2, 3].map((n) => stored(n, [{ code: '99214', allowedCents: n * 10_000 }])),
      '99214',
      '',
      { medianCents: 20_000, count: 3 },
    ],
    [
      'even count: the mean of the middle two, half-up',
      [1, 2].map((n) => stored(n, [{ code: '99214', allowedCents: 10_000 + n }])),
      '99214',
      '',
      { medianCents: 10_002, count: 2 },
    ],
    [
      'allowed derived from paid + cost share (domain.md 6.6)',
      [stored(1, [{ code: '99214', paidCents: 8_000, deductibleCents: 2_000 }])],
      '99214',
      '',
      { medianCents: 10_000, count: 1 },
    ],
    [
      'per unit',
      [stored(1, [{ code: '97110', units: 4, allowedCents: 12_000 }])],
      '97110',
      '',
      { medianCents: 3_000, count: 1 },
    ],
    [
      '26 is its own key',
      [stored(1, [{ code: '71046', modifiers: ['26'], allowedCents: 1_500 }])],
      '71046',
      '26',
      { medianCents: 1_500, count: 1 },
    ],
    [
      'reduced (51), denied and reversed lines are left out',
      [
        stored(1, [{ code: '27447', modifiers: ['51'], allowedCents: 50_000 }]),
        stored(2, [{ code: '27447', allowedCents: 0 }]),
        stored(3, [{ code: '27447', allowedCents: 90_000 }], { status: 'reversed' }),
      ],
      '27447',
      '',
      undefined,
    ],
  ])('%s', (_what, claims, code, modifier, want) => {
    expect(historyAmount(buildHistoryIndex(claims), 'ACME health', code, modifier)).toEqual(want);
  });

  it('keeps payers apart, matching names case-insensitively', () => {
    const index = buildHistoryIndex([
      stored(1, [{ code: '99213', allowedCents: 9_000 }], { payerName: 'Acme Health' }),
      stored(2, [{ code: '99213', allowedCents: 7_000 }], { payerName: 'Beta Care' }),
    ]);
    expect(historyAmount(index, ' acme HEALTH ', '99213', '')).toEqual({ medianCents: 9_000, count: 1 });
    expect(historyAmount(index, 'Beta Care', '99213', '')).toEqual({ medianCents: 7_000, count: 1 });
  });
});

describe('UCR lookup', () => {
  const index = indexUcr({
    name: 'FH 2025',
    percentiles: [50, 80, 90],
    rows: [
      { code: '99214', modifier: '', region: '900', amountsCents: [18_000, 25_000, undefined] },
      { code: '71046', modifier: '26', region: 'LOS ANGELES', amountsCents: [3_000, 4_000, 5_000] },
    ],
  });

  it.each([
    [
      'exact region',
      '99214',
      '',
      '900',
      80,
      { ok: true, cents: 25_000, basis: '80th percentile of FH 2025, region 900' },
    ],
    ['ZIP to geozip', '99214', '', '90012', 50, { ok: true, cents: 18_000 }],
    ['region names ignore case', '71046', '26', 'los angeles', 90, { ok: true, cents: 5_000 }],
    [
      'percentile missing',
      '99214',
      '',
      '900',
      75,
      { ok: false, reason: 'UCR table "FH 2025" has no 75th percentile (it has 50th, 80th, 90th)' },
    ],
    [
      'blank cell',
      '99214',
      '',
      '900',
      90,
      { ok: false, reason: 'UCR table "FH 2025" has no 90th percentile amount for 99214 in 900' },
    ],
    [
      'unknown code',
      '99215',
      '',
      '900',
      80,
      { ok: false, reason: '99215 is not in UCR table "FH 2025" for region 900' },
    ],
  ])('%s', (_what, code, modifier, region, percentile, want) => {
    const amount = ucrAmount(index, { code, modifier, region, percentile });
    expect(amount).toMatchObject(want);
    // The pricing path's lookup finds the same amount, or nothing where ucrAmount gives a reason.
    expect(ucrFound(index, code, modifier, region, percentile)).toBe(amount.ok ? amount : undefined);
  });
});
