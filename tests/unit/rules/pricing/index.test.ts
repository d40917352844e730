import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../rules/model';
import { buildHistoryIndex } from '../../../../rules/pricing/history';
import { type PricingContext, priceClaimLines } from '../../../../rules/pricing/index';
import { medicareAmount } from '../../../../rules/pricing/medicare-pfs';
import type { PricingMethod } from '../../../../rules/pricing/policy';
import { indexSchedule } from '../../../../rules/pricing/schedule';
import { indexUcr } from '../../../../rules/pricing/ucr';
import { claim, medicare2025 } from './fixtures';

const mpfs = medicare2025();

const schedule = indexSchedule({
  id: 'practice',
  name: 'Practice 2025',
  practiceId: '',
  importedAt: '2025-01-01',
  rows: [{ code: '99213', modifier: '', amountCents: 12_000 }],
});

const ucr = indexUcr({
  name: 'FH 2025',
  percentiles: [50, 80],
  rows: [{ code: '99214', modifier: '', region: '900', amountsCents: [18_000, 25_000] }],
});

function pastClaim(n: number, payerName: string, allowedCents: number): Claim {
  return claim([{ code: '99215', allowedCents, paidCents: allowedCents }], {
    claimNumber: `H-${n}`,
    payerName,
  });
}

const history = buildHistoryIndex([
  pastClaim(1, 'ACME HEALTH', 20_000),
  pastClaim(2, 'acme health', 22_000),
  pastClaim(3, 'Acme Health', 30_000),
  pastClaim(4, 'Other Payer', 99_000),
]);

const full: PricingContext = {
  schedules: [schedule],
  medicare: mpfs,
  ucr,
  history,
  region: '90012',
  defaultLocality: '01182-18',
};

const ALL_METHODS: PricingMethod[] = [
  { method: 'schedule' },
  { method: 'ucr', percentile: 80 },
  { method: 'history', minCount: 3 },
  { method: 'percent-of-medicare', percent: 200 },
  { method: 'percent-of-billed', percent: 50 },
];

function la99204(): number {
  const a = medicareAmount(mpfs, { code: '99204', modifier: '', locality: '01182-18', facility: false });
  if (!a.ok) throw new Error(a.reason);
  return a.cents * 2;
}

describe('priceClaimLines: the first method that prices a line wins', () => {
  it.each<[string, string, number | (() => number), string]>([
    ['schedule first', '99213', 12_000, 'Practice 2025: 99213 at $120.00'],
    [
      'then UCR (5-digit ZIP falls back to geozip 900)',
      '99214',
      25_000,
      '80th percentile of FH 2025, region 900: $250.00',
    ],
    ['then history', '99215', 22_000, 'median allowed by Acme Health for 99215 over 3 claims: $220.00'],
    ['then Medicare', '99204', la99204, '200% of 2025 Medicare, locality 01182-18, non-facility'],
    ['then percent of billed', 'X9999', 5_000, '50% of billed charge $100.00'],
  ])('%s', (_what, code, cents, basis) => {
    const billedCents = code === 'X9999' ? 10_000 : 1_000_000;
    const [p] = priceClaimLines(claim([{ code, billedCents }]), ALL_METHODS, full);
    expect(p).toEqual({ ok: true, expectedCents: typeof cents === 'number' ? cents : cents(), basis });
  });

  it('collects every reason when nothing prices a line', () => {
    const [p] = priceClaimLines(claim([{ code: 'X9999', billedCents: 0 }]), ALL_METHODS, full);
    expect(p).toEqual({
      ok: false,
      reasons: [
        'X9999 is not on the fee schedule',
        'X9999 is not in UCR table "FH 2025" for region 90012 or geozip 900',
        'no allowed history for X9999 from Acme Health',
        'X9999 is not in the 2025 Medicare fee schedule',
        'no billed charge to take a percentage of',
      ],
    });
  });
});

describe('every miss names what is missing', () => {
  it.each<[string, PricingMethod, PricingContext, string, string]>([
    [
      'no PFS',
      { method: 'percent-of-medicare', percent: 150 },
      { schedules: [] },
      '99214',
      'no Medicare fee schedule loaded',
    ],
    [
      'no locality',
      { method: 'percent-of-medicare', percent: 150 },
      { schedules: [], medicare: mpfs },
      '99214',
      'no Medicare locality: set one on the payer policy or as the practice default',
    ],
    [
      'unknown locality',
      { method: 'percent-of-medicare', percent: 150, locality: '99999-99' },
      full,
      '99214',
      'locality 99999-99 not found in the 2025 GPCI file',
    ],
    [
      'unpriced status',
      { method: 'percent-of-medicare', percent: 150 },
      full,
      '99499',
      '99499: status C, carrier-priced',
    ],
    ['no UCR table', { method: 'ucr', percentile: 80 }, { schedules: [] }, '99214', 'no UCR table loaded'],
    [
      'no region',
      { method: 'ucr', percentile: 80 },
      { schedules: [], ucr },
      '99214',
      'no UCR region (geozip) set',
    ],
    [
      'percentile not in the table',
      { method: 'ucr', percentile: 75 },
      full,
      '99214',
      'UCR table "FH 2025" has no 75th percentile (it has 50th, 80th)',
    ],
    ['no history', { method: 'history', minCount: 3 }, { schedules: [] }, '99215', 'no claim history loaded'],
    [
      'too little history',
      { method: 'history', minCount: 4 },
      full,
      '99215',
      'only 3 past claims for 99215 from Acme Health, 4 needed',
    ],
    ['no schedule', { method: 'schedule' }, { schedules: [] }, '99213', 'no fee schedule loaded'],
    [
      'unknown schedule name',
      { method: 'schedule', name: 'Contract B' },
      full,
      '99213',
      'no fee schedule named "Contract B"',
    ],
  ])('%s', (_what, method, ctx, code, reason) => {
    const [p] = priceClaimLines(claim([{ code }]), [method], ctx);
    expect(p).toMatchObject({ ok: false });
    if (p && !p.ok) expect(p.reasons.join(' | ')).toContain(reason);
  });
});

describe('percent of Medicare', () => {
  it.each([
    ['the method locality beats the default', '13202-01', undefined, '13202-01'],
    ['a locality name works', 'manhattan', undefined, '13202-01'],
    ['the claim place of service picks the facility rate', undefined, '22', '01182-18, facility'],
  ])('%s', (_what, locality, placeOfService, text) => {
    const method: PricingMethod = {
      method: 'percent-of-medicare',
      percent: 100,
      ...(locality ? { locality } : {}),
    };
    const [p] = priceClaimLines(
      claim([{ code: '99214', ...(placeOfService ? { placeOfService } : {}) }]),
      [method],
      full,
    );
    expect(p).toMatchObject({ ok: true });
    if (p?.ok) expect(p.basis).toContain(text);
  });

  it('notes a service date outside the PFS year', () => {
    const [p] = priceClaimLines(
      claim([{ code: '99214', serviceDate: '2024-06-01' }]),
      [{ method: 'percent-of-medicare', percent: 100 }],
      full,
    );
    expect(p).toMatchObject({ ok: true });
    if (p?.ok) expect(p.basis).toContain('service date 2024-06-01 priced with 2025 rates');
  });
});
