import { describe, expect, it } from 'vitest';
import type { ClaimLine } from '../../../../rules/model';
import { type PricingContext, priceClaimLines } from '../../../../rules/pricing/index';
import { medicareAmount, type PfsModifier } from '../../../../rules/pricing/medicare-pfs';
import type { PricingMethod } from '../../../../rules/pricing/policy';
import { indexSchedule } from '../../../../rules/pricing/schedule';
import { claim, medicare2025 } from './fixtures';

const mpfs = medicare2025();
const LA = '01182-18';
const medicareCtx: PricingContext = { schedules: [], medicare: mpfs, defaultLocality: LA };
const at100: PricingMethod[] = [{ method: 'percent-of-medicare', percent: 100 }];

/** One unit's 2025 LA amount in cents (non-facility unless `facility`). */
function fee(code: string, modifier: PfsModifier = '', facility = false): number {
  const a = medicareAmount(mpfs, { code, modifier, locality: LA, facility });
  if (!a.ok) throw new Error(a.reason);
  return a.cents;
}

type LineSpec = Partial<ClaimLine> & { code: string };

function price(lines: LineSpec[], methods = at100, ctx = medicareCtx) {
  return priceClaimLines(claim(lines, { placeOfService: '22' }), methods, ctx);
}

const half = (c: number) => Math.floor(c * 0.5 + 0.5);
const pct = (c: number, p: number) => Math.floor((c * p) / 100 + 0.5);

describe('payment-policy modifiers on Medicare amounts (domain.md 1.4)', () => {
  it.each<[string, LineSpec[], () => number[], string[]]>([
    [
      'multiple procedures rank by amount: 27447 100%, 11042 50%',
      [{ code: '11042', modifiers: ['51'] }, { code: '27447' }],
      () => [half(fee('11042', '', true)), fee('27447', '', true)],
      ['multiple procedure rank 2 at 50%', 'multiple procedure rank 1 at 100%'],
    ],
    [
      'bilateral 27447-50 at 150%',
      [{ code: '27447', modifiers: ['50'] }],
      () => [pct(fee('27447', '', true), 150)],
      ['bilateral (modifier 50) at 150%'],
    ],
    [
      'RT+LT on separate lines at 150% split between them',
      [
        { code: '27447', modifiers: ['RT'] },
        { code: '27447', modifiers: ['LT'] },
      ],
      () => [pct(fee('27447', '', true), 75), pct(fee('27447', '', true), 75)],
      ['bilateral (RT+LT, lines 1 and 2) at 150%', 'split evenly'],
    ],
    [
      '2 units of a bilateral-indicator-1 code at 150%',
      [{ code: '27447', units: 2 }],
      () => [pct(fee('27447', '', true), 150)],
      ['bilateral (2 units) at 150%'],
    ],
    [
      'bilateral first, then ranking: 27447-50 outranks 11042',
      [{ code: '11042' }, { code: '27447', modifiers: ['50'] }],
      () => [half(fee('11042', '', true)), pct(fee('27447', '', true), 150)],
      ['rank 2 at 50%', 'bilateral (modifier 50) at 150%; multiple procedure rank 1 at 100%'],
    ],
    [
      'assistant at surgery 80 at 16%',
      [{ code: '27447', modifiers: ['80'] }],
      () => [pct(fee('27447', '', true), 16)],
      ['assistant at surgery (80) at 16%'],
    ],
    [
      'non-physician assistant AS at 13.6%',
      [{ code: '27447', modifiers: ['AS'] }],
      () => [pct(fee('27447', '', true), 13.6)],
      ['assistant at surgery (AS) at 13.6%'],
    ],
    [
      'assistant on 11042 is never paid (indicator 1)',
      [{ code: '11042', modifiers: ['80'] }],
      () => [0],
      ['indicator 1: statutory restriction, never paid'],
    ],
    [
      'co-surgeon 62 at 62.5%',
      [{ code: '27447', modifiers: ['62'] }],
      () => [pct(fee('27447', '', true), 62.5)],
      ['co-surgeon (62) at 62.5% (documentation required)'],
    ],
    [
      'co-surgery on 11042 is not permitted (indicator 0)',
      [{ code: '11042', modifiers: ['62'] }],
      () => [0],
      ['co-surgeon (62) not permitted for 11042 (indicator 0)'],
    ],
    [
      'assistant on a second procedure: ranking then 16%',
      [{ code: '27447' }, { code: '27447', modifiers: ['80', '51'] }],
      () => [fee('27447', '', true), pct(fee('27447', '', true) * 0.5, 16)],
      ['rank 1 at 100%', 'rank 2 at 50%; assistant at surgery (80) at 16%'],
    ],
    [
      'units multiply for E/M',
      [{ code: '99214', units: 3 }],
      () => [fee('99214', '', true) * 3],
      ['x 3 units'],
    ],
    [
      'imaging 26 and TC come from their own PFS rows',
      [
        { code: '70553', modifiers: ['26'] },
        { code: '70553', modifiers: ['TC'] },
      ],
      () => [fee('70553', '26', true), fee('70553', 'TC', true)],
      ['2025 Medicare', '2025 Medicare'],
    ],
    [
      'separate dates are ranked separately',
      [
        { code: '27447', serviceDate: '2025-03-04' },
        { code: '11042', serviceDate: '2025-03-05' },
      ],
      () => [fee('27447', '', true), fee('11042', '', true)],
      ['2025 Medicare', '2025 Medicare'],
    ],
  ])('%s', (_what, lines, expected, basisParts) => {
    const prices = price(lines);
    const want = expected();
    prices.forEach((p, i) => {
      expect(p, `line ${i + 1}`).toMatchObject({ ok: true, expectedCents: want[i] });
      if (p.ok) expect(p.basis).toContain(basisParts[i]);
    });
  });

  it('ranks six procedures 100/50/50/50/50 and says rank 6 is by report', () => {
    const prices = price(Array.from({ length: 6 }, () => ({ code: '11042' })));
    const one = fee('11042', '', true);
    expect(prices.map((p) => (p.ok ? p.expectedCents : -1))).toEqual([one, ...Array(5).fill(half(one))]);
    expect(prices[5]).toMatchObject({ ok: true });
    if (prices[5]!.ok) expect(prices[5]!.basis).toContain('rank 6 at 50% (ranks above 5 are by report');
  });

  it('refuses team surgery (66) as priced by report', () => {
    const [p] = price([{ code: '27447', modifiers: ['66'] }]);
    expect(p).toEqual({
      ok: false,
      reasons: ['27447-66: team surgery is paid by report, so no benchmark gives an amount'],
    });
  });

  it('writes the whole basis', () => {
    const prices = price(
      [{ code: '27447' }, { code: '11042', modifiers: ['51'] }],
      [{ method: 'percent-of-medicare', percent: 200 }],
    );
    expect(prices[1]).toMatchObject({
      ok: true,
      basis: '200% of 2025 Medicare, locality 01182-18, facility; multiple procedure rank 2 at 50%',
    });
  });

  it('takes the lower of the fee and the billed charge', () => {
    const [p] = price([{ code: '27447', billedCents: 50_000 }]);
    expect(p).toMatchObject({ ok: true, expectedCents: 50_000 });
    if (p!.ok) expect(p!.basis).toContain('capped at the billed charge $500.00');
  });
});

describe('payment-policy modifiers on a practice schedule', () => {
  const schedule = indexSchedule({
    id: 'practice',
    name: 'Practice 2025',
    practiceId: '',
    importedAt: '2025-01-01',
    rows: [
      { code: '27447', modifier: '', amountCents: 300_000 },
      { code: '11042', modifier: '', amountCents: 40_000 },
      { code: '71046', modifier: '', amountCents: 10_000 },
    ],
  });
  const scheduleMethod: PricingMethod[] = [{ method: 'schedule' }];

  it.each<[string, PricingContext, LineSpec[], (number | string)[]]>([
    [
      'indicators from the loaded PFS rank 11042 second',
      { schedules: [schedule], medicare: mpfs },
      [{ code: '11042' }, { code: '27447' }],
      [20_000, 300_000],
    ],
    [
      'without a PFS, modifier 51 is what ranks',
      { schedules: [schedule] },
      [{ code: '27447' }, { code: '11042', modifiers: ['51'] }],
      [300_000, 40_000],
    ],
    [
      'without a PFS, modifier 51 on both lines ranks both',
      { schedules: [schedule] },
      [
        { code: '27447', modifiers: ['51'] },
        { code: '11042', modifiers: ['51'] },
      ],
      [300_000, 20_000],
    ],
    [
      '26 without a 26 row uses the professional/technical split',
      { schedules: [schedule], pcTcSplit: { professionalPercent: 30 } },
      [
        { code: '71046', modifiers: ['26'] },
        { code: '71046', modifiers: ['TC'] },
      ],
      [3_000, 7_000],
    ],
    [
      '26 without a 26 row and no split is a miss that says so',
      { schedules: [schedule] },
      [{ code: '71046', modifiers: ['26'] }],
      ['71046-26 has no row on Practice 2025 and no professional/technical split is set'],
    ],
    [
      'a bilateral 50 without a PFS assumes 150% and says so',
      { schedules: [schedule] },
      [{ code: '27447', modifiers: ['50'] }],
      [450_000],
    ],
  ])('%s', (_what, ctx, lines, want) => {
    const prices = price(lines, scheduleMethod, ctx);
    prices.forEach((p, i) => {
      const w = want[i]!;
      if (typeof w === 'number') expect(p).toMatchObject({ ok: true, expectedCents: w });
      else expect(p).toEqual({ ok: false, reasons: [w] });
    });
  });
});
