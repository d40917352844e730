import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine } from '../../../../rules/model';
import { buildHistoryIndex } from '../../../../rules/pricing/history';
import { type PricingContext, priceClaimLines, priceClaimLinesPlain } from '../../../../rules/pricing/index';
import type { PricingMethod } from '../../../../rules/pricing/policy';
import { indexSchedule } from '../../../../rules/pricing/schedule';
import { indexUcr } from '../../../../rules/pricing/ucr';
import { claim, medicare2025 } from './fixtures';

/**
 * priceClaimLines remembers what the methods before percent-of-billed give a line, per context, method
 * list, payer, code, modifier list and setting. Whatever it has seen before, every claim must be priced
 * exactly as priceClaimLinesPlain prices it, asking every method for every line: lines that differ only
 * in charge, units, dates or place of service, payers with their own schedule rows, dated rows, service
 * dates outside the Medicare year and a context changed in place all have to come out the same.
 */
const mpfs = medicare2025();
const schedule = indexSchedule({
  id: 'practice',
  name: 'Practice 2025',
  practiceId: '',
  importedAt: '2025-01-01',
  rows: [
    { code: '99213', modifier: '', amountCents: 12_000 },
    { code: '71046', modifier: '', amountCents: 40_000 },
    { code: '71046', modifier: '26', amountCents: 3_500 },
    { code: '99214', modifier: '', amountCents: 16_000, payer: 'Acme Health' },
    { code: '99214', modifier: '', amountCents: 15_000 },
    { code: '99215', modifier: '', amountCents: 21_000, effectiveFrom: '2025-07-01' },
  ],
});
const other = indexSchedule({
  id: 'other',
  name: 'Other',
  practiceId: '',
  importedAt: '2025-01-01',
  rows: [{ code: '27447', modifier: '', amountCents: 150_000 }],
});
const ucr = indexUcr({
  name: 'FH 2025',
  percentiles: [50, 80],
  rows: ['29881', '70553', '20610'].map((code) => ({
    code,
    modifier: '',
    region: '900',
    amountsCents: [20_000, 30_000],
  })),
});
const history = buildHistoryIndex(
  [1, 2, 3, 4].map((n) =>
    claim([{ code: '99213', allowedCents: 9_000 + n * 1000, paidCents: 9_000 }], {
      claimNumber: `H-${n}`,
      payerName: n === 4 ? 'Beta Care' : 'Acme Health',
    }),
  ),
);

const METHOD_LISTS: PricingMethod[][] = [
  [{ method: 'schedule' }, { method: 'percent-of-medicare', percent: 150 }],
  [
    { method: 'schedule' },
    { method: 'ucr', percentile: 80 },
    { method: 'history', minCount: 3 },
    { method: 'percent-of-medicare', percent: 200, locality: '01182-18' },
    { method: 'percent-of-billed', percent: 60 },
  ],
  [{ method: 'history', minCount: 1 }, { method: 'percent-of-billed', percent: 40 }, { method: 'schedule' }],
  [
    { method: 'ucr', percentile: 50 },
    { method: 'percent-of-medicare', percent: 140, locality: 'MANHATTAN' },
  ],
  [{ method: 'schedule', name: 'Other' }],
];
const CODES = ['99213', '99214', '99215', '27447', '29881', '71046', '70553', '20610', '97110', 'X9999'];
const MODIFIERS = ['26', 'TC', '53', '50', '51', '62', '80', 'AS', 'RT', 'LT', '25', '59'];

const lineArb = fc.record({
  code: fc.constantFrom(...CODES),
  modifiers: fc.array(fc.constantFrom(...MODIFIERS), { maxLength: 2 }),
  units: fc.constantFrom(1, 1, 2, 3),
  billedCents: fc.constantFrom(0, 5_000, 50_000, 400_000),
  serviceDate: fc.option(fc.constantFrom('2025-03-04', '2025-08-01', '2024-12-30'), { nil: undefined }),
  placeOfService: fc.option(fc.constantFrom('11', '22', '21'), { nil: undefined }),
});
const claimArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
  payerName: fc.constantFrom('Acme Health', 'ACME HEALTH', 'Beta Care', 'Gamma'),
  serviceDateFrom: fc.option(fc.constantFrom('2025-03-04', '2025-09-09', '2026-01-05'), { nil: undefined }),
  placeOfService: fc.option(fc.constantFrom('11', '22'), { nil: undefined }),
  methods: fc.nat(METHOD_LISTS.length - 1),
  ctx: fc.nat(2),
});

describe('remembered base prices', () => {
  const contexts: PricingContext[] = [
    {
      schedules: [schedule, other],
      medicare: mpfs,
      ucr,
      history,
      region: '90012',
      defaultLocality: '01182-18',
      pcTcSplit: { professionalPercent: 40 },
    },
    { schedules: [schedule], medicare: mpfs, region: '900', defaultLocality: '1182-18' },
    { schedules: [other], ucr, history, region: '90012' },
  ];

  it('price every claim as asking every method afresh does', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 6 }), (drawn) => {
        for (const d of drawn) {
          const lines: ClaimLine[] = d.lines.map((l, i) => ({
            lineNumber: i + 1,
            code: l.code,
            modifiers: l.modifiers,
            units: l.units,
            billedCents: l.billedCents,
            paidCents: 0,
            adjustments: [],
            remarks: [],
            ...(l.serviceDate ? { serviceDate: l.serviceDate } : {}),
            ...(l.placeOfService ? { placeOfService: l.placeOfService } : {}),
          }));
          const c: Claim = {
            claimNumber: 'R-1',
            payerName: d.payerName,
            status: 'paid',
            billedCents: 0,
            paidCents: 0,
            adjustments: [],
            remarks: [],
            lines,
            ...(d.serviceDateFrom ? { serviceDateFrom: d.serviceDateFrom } : {}),
            ...(d.placeOfService ? { placeOfService: d.placeOfService } : {}),
          };
          const methods = METHOD_LISTS[d.methods]!;
          const ctx = contexts[d.ctx]!;
          expect(priceClaimLines(c, methods, ctx)).toEqual(priceClaimLinesPlain(c, methods, ctx));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('follow a context changed in place', () => {
    const ctx: PricingContext = { schedules: [schedule], medicare: mpfs, defaultLocality: '01182-18' };
    const methods = METHOD_LISTS[0]!;
    const c = claim([{ code: '99213' }, { code: '27447' }]);
    expect(priceClaimLines(c, methods, ctx)).toEqual(priceClaimLinesPlain(c, methods, ctx));
    ctx.schedules = [other];
    expect(priceClaimLines(c, methods, ctx)).toEqual(priceClaimLinesPlain(c, methods, ctx));
    ctx.schedules.push(schedule);
    expect(priceClaimLines(c, methods, ctx)).toEqual(priceClaimLinesPlain(c, methods, ctx));
    ctx.defaultLocality = 'MANHATTAN';
    expect(priceClaimLines(c, methods, ctx)).toEqual(priceClaimLinesPlain(c, methods, ctx));
    ctx.pcTcSplit = { professionalPercent: 30 };
    const split = claim([{ code: '99213', modifiers: ['TC'] }]);
    expect(priceClaimLines(split, methods, ctx)).toEqual(priceClaimLinesPlain(split, methods, ctx));
  });
});
