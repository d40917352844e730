import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ChargeReviewRow,
  chargeReviewCsv,
  percentileRank,
  percentileRankText,
  reviewCharges,
} from '../../../../rules/charges/index';
import type { Claim, ClaimLine } from '../../../../rules/model';
import type { FeeSchedule } from '../../../../rules/pricing/schedule';
import { indexUcr } from '../../../../rules/pricing/ucr';
import { parseFeeScheduleCsv } from '../../../../storage/imports/fee-schedule-csv';
import { parseUcrCsv } from '../../../../storage/imports/ucr-csv';
import { medicare2025, readCms } from '../pricing/fixtures';

/**
 * The charge review on the sample charge schedule (public/samples/fee-schedule.csv), the real 2025 PFS
 * for Los Angeles (01182-18) and a small UCR table for geozip 100. Every expected ratio and rank is
 * computed here from the raw files, independently of the engine.
 */

const parsed = parseFeeScheduleCsv(readFileSync('public/samples/fee-schedule.csv', 'utf8'));
const SCHEDULE: FeeSchedule = {
  id: 'sample',
  name: 'sample-fee-schedule',
  practiceId: '',
  rows: parsed.rows,
  importedAt: '2026-11-27',
};
const chargeOf = (code: string, modifier = '') =>
  SCHEDULE.rows.find((r) => r.code === code && r.modifier === modifier)!.amountCents;

const UCR_CSV = `code,modifier,geozip,p50,p80,p95
99214,,100,$180.00,$240.00,$300.00
29881,,100,"$1,500.00","$1,900.00","$2,200.00"
71046,,100,$60.00,$80.00,$100.00
99213,,100,$150.00,$170.00,$190.00
`;
const ucrParsed = parseUcrCsv(UCR_CSV);
const UCR = indexUcr({ name: 'Demo UCR 2025', percentiles: ucrParsed.percentiles, rows: ucrParsed.rows });

/** The CMS formula by hand from the raw CSV rows, non-facility: [(wRVU×wGPCI) + (PE×peGPCI) + (MP×mpGPCI)] × CF. */
function independentMedicareCents(code: string): number {
  const rvu = readCms('PPRRVU25_JAN_nodesc.csv')
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .find((c) => c[0] === code && c[1] === '')!;
  const gpci = readCms('GPCI2025.csv')
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .find((c) => c[0] === '1182' && c[2] === '18')!;
  // Codes CMS marks NA in the office (NON-FAC NA INDICATOR) are compared in the facility setting.
  const peRvu = rvu[6] === 'NA' ? rvu[7] : rvu[5];
  const [work, pe, mp, cf] = [rvu[4], peRvu, rvu[9], rvu[23]].map(Number) as [number, number, number, number];
  const [gw, gp, gm] = [gpci[4], gpci[5], gpci[6]].map(Number) as [number, number, number];
  return Math.round((work * gw + pe * gp + mp * gm) * cf * 100);
}

function nonFacilityNa(code: string): boolean {
  return readCms('PPRRVU25_JAN_nodesc.csv')
    .split(/\r?\n/)
    .some((l) => l.startsWith(`${code},,`) && l.split(',')[6] === 'NA');
}

let claimNo = 0;
function paidClaim(
  lines: (Partial<ClaimLine> & { code: string; allowedCents?: number })[],
  extra: Partial<Claim> = {},
): Claim {
  claimNo += 1;
  return {
    claimNumber: `CR-${claimNo}`,
    payerName: 'ACME HEALTH PLAN',
    status: 'paid',
    billedCents: 0,
    paidCents: 0,
    adjustments: [],
    remarks: [],
    serviceDateFrom: '2026-10-06',
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      modifiers: [],
      units: 1,
      billedCents: 10_000,
      paidCents: l.allowedCents ?? 0,
      adjustments: [],
      remarks: [],
      ...l,
    })),
    ...extra,
  };
}

const CLAIMS: Claim[] = [
  paidClaim([{ code: '29881', billedCents: 245_000, allowedCents: 180_000 }]),
  paidClaim([{ code: '70553', billedCents: 135_000, allowedCents: 60_000 }]),
  paidClaim([{ code: '99213', billedCents: 14_500, allowedCents: 16_000 }]),
  paidClaim([{ code: '99213', billedCents: 14_500, allowedCents: 16_400 }]),
  paidClaim([{ code: '97110', units: 3, billedCents: 27_000, allowedCents: 15_000 }]),
  paidClaim([{ code: '99213', billedCents: 14_500, allowedCents: 99_999 }], { status: 'reversed' }),
];

function review(options = {}) {
  return reviewCharges({
    schedule: SCHEDULE,
    claims: CLAIMS,
    medicare: medicare2025(),
    locality: '01182-18',
    ucr: UCR,
    region: '100',
    options: { maxPercentOfMedicare: 300, ...options },
  });
}
const rowOf = (rows: ChargeReviewRow[], code: string, modifier = '') =>
  rows.find((r) => r.code === code && r.modifier === modifier)!;

describe('charge review on the sample schedule', () => {
  const { rows, notes } = review();

  it('has one row per charge and one per billed code without a charge', () => {
    expect(parsed.errors).toEqual([]);
    expect(rows).toHaveLength(SCHEDULE.rows.length + 1);
    expect(notes).toEqual([]);
  });

  it.each(['99214', '29881', '70553', '73721', '20610', '99285', '71046'])(
    '%s: Medicare amount and ratio match the CMS formula by hand',
    (code) => {
      const medicare = independentMedicareCents(code);
      const row = rowOf(rows, code);
      expect(row.medicareCents).toBe(medicare);
      expect(row.percentOfMedicare).toBe(Math.round((chargeOf(code) / medicare) * 1000) / 10);
      const setting = nonFacilityNa(code) ? 'facility' : 'non-facility';
      expect(row.medicareBasis).toBe(`2025 Medicare, locality 01182-18, ${setting}`);
    },
  );

  it.each([
    // code, charge, expected rank by linear interpolation between the loaded percentiles
    ['99214', 50 + ((210 - 180) / (240 - 180)) * (80 - 50), '65th percentile'],
    ['71046', 80 + ((95 - 80) / (100 - 80)) * (95 - 80), '91st percentile'],
    ['29881', null, 'above the 95th percentile'],
    ['99213', null, 'below the 50th percentile'],
  ] as const)('%s ranks at %s among the UCR percentiles for geozip 100', (code, rank, text) => {
    const row = rowOf(rows, code);
    expect(row.ucrRank).toBe(rank === null ? null : Math.round(rank * 10) / 10);
    expect(row.ucrRankText).toBe(text);
    expect(row.ucrWhere).toBe('geozip 100');
  });

  it('flags a charge above the highest loaded percentile as not defensible, impact = excess × volume', () => {
    const row = rowOf(rows, '29881');
    expect(row.flags.map((f) => f.kind)).toEqual(['not-defensible']);
    expect(row.impactCents).toBe((245_000 - 220_000) * 1);
    expect(row.flags[0]!.message).toContain(
      'above the 95th percentile ($2,200.00) of Demo UCR 2025 for geozip 100',
    );
  });

  it('with no UCR row, flags a charge above the Medicare multiple (300% here)', () => {
    const medicare = independentMedicareCents('70553');
    const limit = Math.round(medicare * 3);
    const row = rowOf(rows, '70553');
    expect(chargeOf('70553') > limit).toBe(true);
    expect(row.flags.map((f) => f.kind)).toEqual(['not-defensible']);
    expect(row.impactCents).toBe((chargeOf('70553') - limit) * 1);
    // 20610 is under 300% of Medicare: not flagged.
    expect(chargeOf('20610') <= Math.round(independentMedicareCents('20610') * 3)).toBe(true);
    expect(rowOf(rows, '20610').flags).toEqual([]);
  });

  it('at the default 400% the same imaging charges pass', () => {
    const def = reviewCharges({
      ...{ schedule: SCHEDULE, claims: CLAIMS },
      medicare: medicare2025(),
      locality: '01182-18',
    });
    const pct = (chargeOf('70553') / independentMedicareCents('70553')) * 100;
    expect(pct).toBeGreaterThan(300);
    expect(pct).toBeLessThan(400);
    expect(rowOf(def.rows, '70553').flags).toEqual([]);
  });

  it('flags a charge below the median payers allowed, reversed claims left out', () => {
    const row = rowOf(rows, '99213');
    expect(row.medianAllowedCents).toBe((16_000 + 16_400) / 2);
    expect(row.allowedClaims).toBe(2);
    expect(row.volumeUnits).toBe(2);
    expect(row.flags.map((f) => f.kind)).toEqual(['below-allowed']);
    expect(row.impactCents).toBe((16_200 - chargeOf('99213')) * 2);
  });

  it('does not say "payers allow" from a single claim (minAllowedClaims 2)', () => {
    expect(rowOf(rows, '29881').medianAllowedCents).toBeNull();
  });

  it('lists a billed code with no charge, impact = what was billed', () => {
    const row = rowOf(rows, '97110');
    expect(row.chargeCents).toBeNull();
    expect(row.flags.map((f) => f.kind)).toEqual(['no-charge']);
    expect(row.flags[0]!.message).toBe(
      '97110 was billed on 1 stored claim (3 units) but has no charge on sample-fee-schedule: add one',
    );
    expect(row.impactCents).toBe(27_000);
  });

  it('sorts by impact, highest first', () => {
    const impacts = rows.map((r) => r.impactCents);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    // 97110: $270.00 billed with no charge; 70553: $1,350.00 over 300% of Medicare; 29881: $250.00 over p95.
    expect(rows.slice(0, 3).map((r) => r.code)).toEqual(['97110', '70553', '29881']);
  });

  it('writes evidence an appeal can quote', () => {
    const m = independentMedicareCents('99214');
    const pct = Math.round((21_000 / m) * 1000) / 10;
    expect(rowOf(rows, '99214').evidence).toBe(
      `99214 charge $210.00 is at the 65th percentile of Demo UCR 2025 for geozip 100 and ${pct}% of 2025 Medicare, locality 01182-18, non-facility ($${(m / 100).toFixed(2)})`,
    );
  });

  it('uses the 26 and TC rows of the PFS for component charges', () => {
    expect(rowOf(rows, '71046', '26').medicareCents).toBeGreaterThan(0);
    expect(
      rowOf(rows, '71046', '26').medicareCents! + rowOf(rows, '71046', 'TC').medicareCents!,
    ).toBeGreaterThanOrEqual(rowOf(rows, '71046').medicareCents! - 1);
  });

  it('applies a configurable UCR margin', () => {
    const loose = review({ ucrMarginPercent: 20 });
    expect(rowOf(loose.rows, '29881').flags).toEqual([]); // 2450 ≤ 2200 × 1.2
  });
});

describe('what is missing is said, not guessed', () => {
  it('notes missing benchmarks and payer rows it left out', () => {
    const withPayer: FeeSchedule = {
      ...SCHEDULE,
      rows: [...SCHEDULE.rows, { code: '99214', modifier: '', amountCents: 1, payer: 'ACME HEALTH PLAN' }],
    };
    const r = reviewCharges({ schedule: withPayer, claims: [] });
    expect(r.notes).toEqual([
      '1 payer-specific row left out: they are contract rates, not charges.',
      'No Medicare fee schedule loaded: the ratio to Medicare is left blank.',
      'No UCR table loaded: percentile ranks are left blank.',
    ]);
    expect(rowOf(r.rows, '99214').chargeCents).toBe(21_000);
    expect(rowOf(r.rows, '99214').evidence).toBe(
      '99214 charge is $210.00; no benchmark loaded to compare it with',
    );
  });
});

describe('percentileRank', () => {
  const points = [
    { percentile: 50, cents: 100 },
    { percentile: 80, cents: 200 },
    { percentile: 90, cents: 200 },
    { percentile: 95, cents: 300 },
  ];
  it.each([
    [99, 'below the 50th percentile'],
    [100, '50th percentile'],
    [150, '65th percentile'],
    [200, '90th percentile'],
    [250, '93rd percentile'],
    [300, '95th percentile'],
    [301, 'above the 95th percentile'],
  ])('%s cents is %s', (cents, text) => {
    expect(percentileRankText(percentileRank(points, cents)!)).toBe(text);
  });
  it('has nothing to say with no points', () => {
    expect(percentileRank([], 100)).toBeUndefined();
  });
});

describe('chargeReviewCsv', () => {
  it('writes a header, money in dollars, quoted text and formula-safe fields', () => {
    const { rows } = review();
    const csv = chargeReviewCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'code,modifier,description,charge,medicare,percent_of_medicare,ucr_percentile,ucr_where,median_allowed,allowed_claims,volume_units,flags,impact,evidence,why',
    );
    expect(lines).toHaveLength(rows.length + 2);
    const line99213 = lines.find((l) => l.startsWith('99213,'))!;
    expect(line99213).toContain(',145.00,');
    expect(line99213).toContain(',162.00,2,2,below-allowed,34.00,');
    const weird = chargeReviewCsv([{ ...rows[0]!, description: '=HYPERLINK("x")' }]);
    expect(weird.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
