import type { Claim } from '../model';
import { lineAllowed } from '../pricing/allowed';
import { pricingModifier } from '../pricing/history';
import {
  findLocality,
  type MedicareFeeSchedule,
  medicareAmount,
  type PfsModifier,
} from '../pricing/medicare-pfs';
import { PAYMENT_MODIFIERS } from '../pricing/modifiers';
import type { FeeSchedule, ScheduleRow } from '../pricing/schedule';
import { normaliseRegion, type UcrIndex, type UcrRow } from '../pricing/ucr';

/**
 * Charge review: the practice's own charges as a payer reviewer sees them (domain.md 8.1, 8.3 item 2).
 * Each charge against the local Medicare amount (domain.md 1.1) and the UCR percentiles the practice
 * loaded; flags for charges that look arbitrary, charges below what payers already allow (payers pay the
 * lower of charge and allowed, domain.md 1.4 "compare to billed charge"), and billed codes with no charge.
 * Pure: schedule, claims and benchmarks in, rows out.
 */

export type ChargeFlagKind = 'not-defensible' | 'below-allowed' | 'no-charge';

export interface ChargeFlag {
  kind: ChargeFlagKind;
  message: string;
}

export interface ChargeReviewOptions {
  /** A charge this many percent above the highest loaded UCR percentile is not defensible (0: above it at all). */
  ucrMarginPercent: number;
  /** With no UCR amount for the code: above this percent of Medicare is not defensible. */
  maxPercentOfMedicare: number;
  /** Stored claims with an allowed amount for the code before "payers already allow" is said. */
  minAllowedClaims: number;
}

export const DEFAULT_CHARGE_REVIEW_OPTIONS: ChargeReviewOptions = {
  ucrMarginPercent: 0,
  maxPercentOfMedicare: 400,
  minAllowedClaims: 2,
};

export interface ChargeReviewInput {
  /** The practice's charge schedule: its general rows (no payer) are the charges. */
  schedule: FeeSchedule;
  /** Stored claims: volume, what payers allowed, and which codes the practice bills. */
  claims: readonly Claim[];
  medicare?: MedicareFeeSchedule | undefined;
  /** The practice's Medicare locality: `01182-18` or a name (findLocality). */
  locality?: string | undefined;
  /** Facility PE RVUs instead of non-facility (office) ones. */
  facility?: boolean;
  ucr?: UcrIndex | undefined;
  /** The practice's UCR region or geozip. */
  region?: string | undefined;
  /** Rows with effective dates count only when `asOf` falls inside them. */
  asOf?: string;
  options?: Partial<ChargeReviewOptions>;
}

export interface ChargeReviewRow {
  code: string;
  /** '' for the global charge. */
  modifier: string;
  description: string | null;
  /** Null for a billed code with no charge. */
  chargeCents: number | null;
  medicareCents: number | null;
  /** "2025 Medicare, locality 01182-18, non-facility", or why there is no amount. */
  medicareBasis: string | null;
  /** Charge as a percent of Medicare, one decimal: 312.4. */
  percentOfMedicare: number | null;
  /** Interpolated percentile rank among the loaded UCR percentiles, one decimal; null outside them. */
  ucrRank: number | null;
  /** "72nd percentile", "below the 50th percentile", "above the 95th percentile". */
  ucrRankText: string | null;
  /** "geozip 100" or "region NYC", as the UCR row was found. */
  ucrWhere: string | null;
  medianAllowedCents: number | null;
  /** Claims behind the median allowed. */
  allowedClaims: number;
  /** Units billed on stored claims. */
  volumeUnits: number;
  claimCount: number;
  /** Billed on stored claims, for codes with no charge. */
  billedCents: number;
  flags: ChargeFlag[];
  /** Cents × volume: what the flag is worth over the stored claims. */
  impactCents: number;
  /** A sentence an appeal can quote. */
  evidence: string;
}

export interface ChargeReview {
  rows: ChargeReviewRow[];
  /** What was missing or skipped, for the biller. */
  notes: string[];
}

function usd(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function codeText(code: string, modifier: string): string {
  return modifier ? `${code}-${modifier}` : code;
}

function key(code: string, modifier: string): string {
  return `${code}|${modifier}`;
}

// ---------------------------------------------------------------------------------------------
// UCR percentile rank

export type PercentileRank =
  | { position: 'within'; rank: number }
  | { position: 'below'; percentile: number }
  | { position: 'above'; percentile: number };

/**
 * Where `cents` falls among percentile amounts: linear interpolation between the two loaded percentiles
 * around it (a charge equal to several equal amounts takes the highest), or below/above the loaded range.
 */
export function percentileRank(
  points: readonly { percentile: number; cents: number }[],
  cents: number,
): PercentileRank | undefined {
  const sorted = [...points].sort((a, b) => a.percentile - b.percentile);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return undefined;
  if (cents < first.cents) return { position: 'below', percentile: first.percentile };
  if (cents > last.cents) return { position: 'above', percentile: last.percentile };
  for (let k = sorted.length - 1; k >= 0; k -= 1) {
    const hi = sorted[k]!;
    if (cents === hi.cents) return { position: 'within', rank: hi.percentile };
    const lo = sorted[k - 1];
    if (lo && lo.cents <= cents && cents < hi.cents) {
      const rank =
        lo.percentile + ((cents - lo.cents) / (hi.cents - lo.cents)) * (hi.percentile - lo.percentile);
      return { position: 'within', rank: Math.round(rank * 10) / 10 };
    }
  }
  return undefined;
}

export function percentileRankText(r: PercentileRank): string {
  if (r.position === 'below') return `below the ${ordinal(r.percentile)} percentile`;
  if (r.position === 'above') return `above the ${ordinal(r.percentile)} percentile`;
  return `${ordinal(Math.round(r.rank))} percentile`;
}

function ucrRow(
  ucr: UcrIndex,
  region: string,
  code: string,
  modifier: string,
): { row: UcrRow; region: string } | undefined {
  const r = normaliseRegion(region);
  const k = modifier ? `${code}|${modifier}` : code;
  const row = ucr.byRegion.get(r)?.get(k);
  if (row) return { row, region: r };
  // A 5-digit ZIP falls back to its 3-digit geozip, as ucrAmount does.
  if (/^\d{5}$/.test(r)) {
    const geozip = r.slice(0, 3);
    const found = ucr.byRegion.get(geozip)?.get(k);
    if (found) return { row: found, region: geozip };
  }
  return undefined;
}

function regionText(region: string): string {
  return /^\d{3}$/.test(region) ? `geozip ${region}` : `region ${region}`;
}

// ---------------------------------------------------------------------------------------------
// Claims: volume, allowed, billed codes

interface Usage {
  units: number;
  claims: Set<string>;
  billedCents: number;
  /** One per-unit allowed per claim, full single-procedure lines only (as pricing/history.ts). */
  allowed: number[];
}

function usageByCode(claims: readonly Claim[]): Map<string, Usage> {
  const out = new Map<string, Usage>();
  for (const claim of claims) {
    if (claim.status === 'reversed') continue;
    const perClaim = new Map<string, { allowedCents: number; units: number }>();
    for (const line of claim.lines) {
      const k = key(line.code, pricingModifier(line));
      let u = out.get(k);
      if (!u) {
        u = { units: 0, claims: new Set(), billedCents: 0, allowed: [] };
        out.set(k, u);
      }
      u.units += line.units;
      u.claims.add(claim.claimNumber);
      u.billedCents += line.billedCents;
      if (line.modifiers.some((m) => PAYMENT_MODIFIERS.has(m) && m !== 'RT' && m !== 'LT')) continue;
      const { allowedCents } = lineAllowed(line);
      if (allowedCents <= 0) continue;
      const sum = perClaim.get(k) ?? { allowedCents: 0, units: 0 };
      sum.allowedCents += allowedCents;
      sum.units += line.units;
      perClaim.set(k, sum);
    }
    for (const [k, sum] of perClaim) out.get(k)!.allowed.push(sum.allowedCents / sum.units);
  }
  return out;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return Math.floor((v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2) + 0.5);
}

// ---------------------------------------------------------------------------------------------

function chargeRows(schedule: FeeSchedule, asOf: string | undefined, notes: string[]): ScheduleRow[] {
  const out = new Map<string, ScheduleRow>();
  let payerRows = 0;
  for (const row of schedule.rows) {
    if (row.payer) {
      payerRows += 1;
      continue;
    }
    if (
      asOf &&
      ((row.effectiveFrom && asOf < row.effectiveFrom) || (row.effectiveTo && asOf > row.effectiveTo))
    )
      continue;
    if (!out.has(key(row.code, row.modifier))) out.set(key(row.code, row.modifier), row);
  }
  if (payerRows > 0)
    notes.push(
      `${payerRows} payer-specific row${payerRows === 1 ? '' : 's'} left out: they are contract rates, not charges.`,
    );
  return [...out.values()];
}

function pfsModifier(modifier: string): PfsModifier {
  return modifier === '26' || modifier === 'TC' || modifier === '53' ? modifier : '';
}

/** Reviews every charge on the schedule, and every billed code without one; sorted by impact. */
export function reviewCharges(input: ChargeReviewInput): ChargeReview {
  const o = { ...DEFAULT_CHARGE_REVIEW_OPTIONS, ...input.options };
  const notes: string[] = [];
  const usage = usageByCode(input.claims);
  const charges = chargeRows(input.schedule, input.asOf, notes);

  let locality: Parameters<typeof medicareAmount>[1]['locality'] | undefined;
  if (!input.medicare) notes.push('No Medicare fee schedule loaded: the ratio to Medicare is left blank.');
  else if (!input.locality)
    notes.push('No Medicare locality set for the practice: the ratio to Medicare is left blank.');
  else {
    const found = findLocality(input.medicare, input.locality);
    if (found.ok) locality = found.locality;
    else notes.push(`Medicare locality: ${found.reason}.`);
  }
  if (!input.ucr) notes.push('No UCR table loaded: percentile ranks are left blank.');
  else if (!input.region)
    notes.push('No UCR region or geozip set for the practice: percentile ranks are left blank.');

  const review = (code: string, modifier: string, charge: ScheduleRow | undefined): ChargeReviewRow => {
    const u = usage.get(key(code, modifier));
    const row: ChargeReviewRow = {
      code,
      modifier,
      description: charge?.description ?? null,
      chargeCents: charge ? charge.amountCents : null,
      medicareCents: null,
      medicareBasis: null,
      percentOfMedicare: null,
      ucrRank: null,
      ucrRankText: null,
      ucrWhere: null,
      medianAllowedCents: null,
      allowedClaims: u?.allowed.length ?? 0,
      volumeUnits: u?.units ?? 0,
      claimCount: u?.claims.size ?? 0,
      billedCents: u?.billedCents ?? 0,
      flags: [],
      impactCents: 0,
      evidence: '',
    };
    if (input.medicare && locality) {
      const query = { code, modifier: pfsModifier(modifier), locality, facility: input.facility ?? false };
      let m = medicareAmount(input.medicare, query);
      // A surgery CMS marks NA in the office is done in a facility: compare with the setting it is done in.
      if (m.ok && m.settingNa) {
        const other = medicareAmount(input.medicare, { ...query, facility: !query.facility });
        if (other.ok && !other.settingNa) m = other;
      }
      if (m.ok) {
        row.medicareCents = m.cents;
        row.medicareBasis = m.basis;
        if (charge && m.cents > 0)
          row.percentOfMedicare = Math.round((charge.amountCents / m.cents) * 1000) / 10;
      } else row.medicareBasis = m.reason;
    }
    let top: { percentile: number; cents: number } | undefined;
    let ucrName = '';
    if (input.ucr && input.region) {
      const found = ucrRow(input.ucr, input.region, code, modifier);
      if (found) {
        const points = input.ucr.table.percentiles
          .map((percentile, k) => ({ percentile, cents: found.row.amountsCents[k] }))
          .filter((p): p is { percentile: number; cents: number } => p.cents !== undefined);
        top = points.reduce<typeof top>(
          (best, p) => (!best || p.percentile > best.percentile ? p : best),
          undefined,
        );
        ucrName = input.ucr.table.name;
        row.ucrWhere = regionText(found.region);
        const rank = charge ? percentileRank(points, charge.amountCents) : undefined;
        if (rank) {
          row.ucrRankText = percentileRankText(rank);
          row.ucrRank = rank.position === 'within' ? rank.rank : null;
        }
      }
    }
    row.medianAllowedCents = row.allowedClaims >= o.minAllowedClaims ? median(u?.allowed ?? []) : null;
    const what = codeText(code, modifier);

    if (!charge) {
      row.flags.push({
        kind: 'no-charge',
        message: `${what} was billed on ${row.claimCount} stored claim${row.claimCount === 1 ? '' : 's'} (${row.volumeUnits} unit${row.volumeUnits === 1 ? '' : 's'}) but has no charge on ${input.schedule.name}: add one`,
      });
      row.impactCents = row.billedCents;
    } else {
      const c = charge.amountCents;
      if (top) {
        const limit = Math.round(top.cents * (1 + o.ucrMarginPercent / 100));
        if (c > limit) {
          row.flags.push({
            kind: 'not-defensible',
            message: `${what} charge ${usd(c)} is above the ${ordinal(top.percentile)} percentile (${usd(top.cents)}) of ${ucrName} for ${row.ucrWhere}${o.ucrMarginPercent ? ` by more than ${o.ucrMarginPercent}%` : ''}: a reviewer will call it arbitrary; bring it to ${usd(limit)} or below`,
          });
          row.impactCents += (c - limit) * row.volumeUnits;
        }
      } else if (row.medicareCents !== null && row.medicareCents > 0) {
        const limit = Math.round((row.medicareCents * o.maxPercentOfMedicare) / 100);
        if (c > limit) {
          row.flags.push({
            kind: 'not-defensible',
            message: `${what} charge ${usd(c)} is ${row.percentOfMedicare}% of ${row.medicareBasis} (${usd(row.medicareCents)}), above ${o.maxPercentOfMedicare}% with no UCR percentile to support it: bring it to ${usd(limit)} or below, or load UCR data that supports it`,
          });
          row.impactCents += (c - limit) * row.volumeUnits;
        }
      }
      if (row.medianAllowedCents !== null && c < row.medianAllowedCents) {
        row.flags.push({
          kind: 'below-allowed',
          message: `${what} charge ${usd(c)} is below the ${usd(row.medianAllowedCents)} payers already allow (median of ${row.allowedClaims} stored claims); payers pay the lower of charge and allowed, so the difference is left on the table: raise the charge`,
        });
        row.impactCents += (row.medianAllowedCents - c) * row.volumeUnits;
      }
    }
    row.evidence = evidence(row, ucrName);
    return row;
  };

  const rows = charges.map((r) => review(r.code, r.modifier, r));
  const charged = new Set(charges.map((r) => key(r.code, r.modifier)));
  for (const k of [...usage.keys()].sort()) {
    if (charged.has(k)) continue;
    const [code, modifier] = k.split('|') as [string, string];
    rows.push(review(code, modifier, undefined));
  }
  rows.sort(
    (a, b) =>
      b.impactCents - a.impactCents ||
      b.flags.length - a.flags.length ||
      a.code.localeCompare(b.code) ||
      a.modifier.localeCompare(b.modifier),
  );
  return { rows, notes };
}

/** "71046 charge $95.00 is at the 72nd percentile of FH 2025 for geozip 100 and 312% of 2025 Medicare ...". */
function evidence(row: ChargeReviewRow, ucrName: string): string {
  const what = codeText(row.code, row.modifier);
  if (row.chargeCents === null) return `${what} has no charge on the schedule`;
  const parts: string[] = [];
  if (row.ucrRankText && row.ucrWhere) {
    const at = row.ucrRankText.startsWith('above') || row.ucrRankText.startsWith('below') ? '' : 'at the ';
    parts.push(`${at}${row.ucrRankText} of ${ucrName} for ${row.ucrWhere}`);
  }
  if (row.percentOfMedicare !== null && row.medicareCents !== null)
    parts.push(`${row.percentOfMedicare}% of ${row.medicareBasis} (${usd(row.medicareCents)})`);
  if (parts.length === 0)
    return `${what} charge is ${usd(row.chargeCents)}; no benchmark loaded to compare it with`;
  return `${what} charge ${usd(row.chargeCents)} is ${parts.join(' and ')}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** One RFC 4180 field; text a spreadsheet would run as a formula (= + - @ first) is prefixed with '. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function money(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}

const CSV_COLUMNS: readonly [string, (r: ChargeReviewRow) => string][] = [
  ['code', (r) => r.code],
  ['modifier', (r) => r.modifier],
  ['description', (r) => r.description ?? ''],
  ['charge', (r) => money(r.chargeCents)],
  ['medicare', (r) => money(r.medicareCents)],
  ['percent_of_medicare', (r) => (r.percentOfMedicare === null ? '' : String(r.percentOfMedicare))],
  ['ucr_percentile', (r) => r.ucrRankText ?? ''],
  ['ucr_where', (r) => r.ucrWhere ?? ''],
  ['median_allowed', (r) => money(r.medianAllowedCents)],
  ['allowed_claims', (r) => String(r.allowedClaims)],
  ['volume_units', (r) => String(r.volumeUnits)],
  ['flags', (r) => r.flags.map((f) => f.kind).join(' ')],
  ['impact', (r) => money(r.impactCents)],
  ['evidence', (r) => r.evidence],
  ['why', (r) => r.flags.map((f) => f.message).join('; ')],
];

/** The review as CSV, header first, CRLF line ends; money in dollars with two decimals. */
export function chargeReviewCsv(rows: readonly ChargeReviewRow[]): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map(([, v]) => csvField(v(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
