import type { Claim, ClaimLine } from '../model';
import { type HistoryIndex, historyAmount, pricingModifier } from './history';
import {
  findLocality,
  isFacilityPlaceOfService,
  type MedicareFeeSchedule,
  medicareAmount,
  rvuKey,
} from './medicare-pfs';
import { applyPaymentRules, type BasePrice, type LinePrice, type PaymentIndicators } from './modifiers';
import type { PricingMethod } from './policy';
import { type ScheduleIndex, type ScheduleRow, scheduleAmount } from './schedule';
import { type UcrIndex, ucrAmount } from './ucr';

export type { LinePrice } from './modifiers';

/**
 * How a global amount divides into professional (26) and technical (TC) parts for a schedule or UCR table
 * that has no 26/TC row. Technical is the rest: 100 − professionalPercent.
 */
export interface PcTcSplit {
  professionalPercent: number;
}

/** Everything the pricing methods may consult; built (indexed) once per scoring run, never per line. */
export interface PricingContext {
  /** Practice schedules in priority order; the first is the active one. */
  schedules: ScheduleIndex[];
  /** The year's Medicare PFS, for percent-of-medicare and for every line's payment indicators. */
  medicare?: MedicareFeeSchedule;
  ucr?: UcrIndex;
  history?: HistoryIndex;
  /** The practice's UCR region or geozip. */
  region?: string;
  /** Locality for percent-of-medicare methods that name none: `01182-18`, `1182-18` or a name. */
  defaultLocality?: string;
  /** For schedules and UCR tables that lack 26/TC rows. */
  pcTcSplit?: PcTcSplit;
}

function formatDollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

function codeText(code: string, modifier: string): string {
  return modifier ? `${code}-${modifier}` : code;
}

/** The line's code's indicators from the PFS global row, whichever method priced it. */
function medicareIndicators(ctx: PricingContext, line: ClaimLine): PaymentIndicators | undefined {
  return ctx.medicare ? ctx.medicare.rvus.get(rvuKey(line.code, '')) : undefined;
}

function splitPercent(split: PcTcSplit, modifier: '26' | 'TC'): number {
  return modifier === '26' ? split.professionalPercent : 100 - split.professionalPercent;
}

function priced(unitCents: number, basis: string, indicators: PaymentIndicators | undefined): BasePrice {
  return { ok: true, unitCents, basis, indicators, wholeLine: false };
}

function miss(reason: string): BasePrice {
  return { ok: false, reasons: [reason] };
}

/** A schedule row for the line: its 26/TC/53 row, else any other modifier's row, else the global row. */
function scheduleRowFor(
  index: ScheduleIndex,
  line: ClaimLine,
  modifier: string,
  payerName: string,
  date: string | undefined,
): { row: ScheduleRow; modifier: string } | undefined {
  if (modifier) {
    const row = scheduleAmount(index, line.code, modifier, payerName, date);
    return row ? { row, modifier } : undefined;
  }
  for (const m of line.modifiers) {
    const row = scheduleAmount(index, line.code, m, payerName, date);
    if (row) return { row, modifier: m };
  }
  const row = scheduleAmount(index, line.code, '', payerName, date);
  return row ? { row, modifier: '' } : undefined;
}

function priceBySchedule(
  method: Extract<PricingMethod, { method: 'schedule' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
): BasePrice {
  const candidates = method.name
    ? ctx.schedules.filter((s) => s.schedule.name === method.name || s.schedule.id === method.name)
    : ctx.schedules.slice(0, 1);
  if (candidates.length === 0) {
    return miss(method.name ? `no fee schedule named "${method.name}"` : 'no fee schedule loaded');
  }
  const date = line.serviceDate ?? claim.serviceDateFrom;
  const modifier = pricingModifier(line);
  for (const index of candidates) {
    const hit = scheduleRowFor(index, line, modifier, claim.payerName, date);
    if (hit) {
      return priced(
        hit.row.amountCents,
        `${index.schedule.name}: ${codeText(line.code, hit.modifier)} at ${formatDollars(hit.row.amountCents)}`,
        medicareIndicators(ctx, line),
      );
    }
    if (modifier === '26' || modifier === 'TC') {
      const global = scheduleAmount(index, line.code, '', claim.payerName, date);
      if (global && ctx.pcTcSplit) {
        const percent = splitPercent(ctx.pcTcSplit, modifier);
        return priced(
          (global.amountCents * percent) / 100,
          `${index.schedule.name}: ${line.code} at ${formatDollars(global.amountCents)}, ${modifier} at ${percent}% (professional/technical split)`,
          medicareIndicators(ctx, line),
        );
      }
      if (global) {
        return miss(
          `${codeText(line.code, modifier)} has no row on ${index.schedule.name} and no professional/technical split is set`,
        );
      }
    }
  }
  return miss(`${codeText(line.code, modifier)} is not on the fee schedule`);
}

function priceByMedicare(
  method: Extract<PricingMethod, { method: 'percent-of-medicare' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
): BasePrice {
  const mpfs = ctx.medicare;
  if (!mpfs) return miss('no Medicare fee schedule loaded');
  const localityId = method.locality ?? ctx.defaultLocality;
  if (localityId === undefined) {
    return miss('no Medicare locality: set one on the payer policy or as the practice default');
  }
  const locality = findLocality(mpfs, localityId);
  if (!locality.ok) return miss(locality.reason);
  const placeOfService = line.placeOfService ?? claim.placeOfService;
  const amount = medicareAmount(mpfs, {
    code: line.code,
    modifier: pricingModifier(line),
    locality: locality.locality,
    facility: isFacilityPlaceOfService(placeOfService),
  });
  if (!amount.ok) return miss(amount.reason);
  let basis = `${method.percent}% of ${amount.basis}`;
  if (placeOfService === undefined) basis += ' (no place of service on the claim)';
  const date = line.serviceDate ?? claim.serviceDateFrom;
  if (date !== undefined && !date.startsWith(String(mpfs.year))) {
    basis += ` (service date ${date} priced with ${mpfs.year} rates)`;
  }
  return priced((amount.cents * method.percent) / 100, basis, amount.row);
}

function priceByUcr(
  method: Extract<PricingMethod, { method: 'ucr' }>,
  line: ClaimLine,
  ctx: PricingContext,
): BasePrice {
  const ucr = ctx.ucr;
  if (!ucr) return miss('no UCR table loaded');
  if (ctx.region === undefined || ctx.region.trim() === '')
    return miss('no UCR region (geozip) set for the practice');
  const modifier = pricingModifier(line);
  const query = { code: line.code, modifier, region: ctx.region, percentile: method.percentile };
  const amount = ucrAmount(ucr, query);
  if (amount.ok)
    return priced(
      amount.cents,
      `${amount.basis}: ${formatDollars(amount.cents)}`,
      medicareIndicators(ctx, line),
    );
  if ((modifier === '26' || modifier === 'TC') && ctx.pcTcSplit) {
    const global = ucrAmount(ucr, { ...query, modifier: '' });
    if (global.ok) {
      const percent = splitPercent(ctx.pcTcSplit, modifier);
      return priced(
        (global.cents * percent) / 100,
        `${global.basis}: ${formatDollars(global.cents)}, ${modifier} at ${percent}% (professional/technical split)`,
        medicareIndicators(ctx, line),
      );
    }
  }
  return miss(amount.reason);
}

function priceByPercentOfBilled(
  method: Extract<PricingMethod, { method: 'percent-of-billed' }>,
  line: ClaimLine,
): BasePrice {
  if (line.billedCents <= 0) return miss('no billed charge to take a percentage of');
  // The charge already covers the line's units and modifiers, so nothing is adjusted afterwards.
  return {
    ok: true,
    unitCents: (line.billedCents * method.percent) / 100,
    basis: `${method.percent}% of billed charge ${formatDollars(line.billedCents)}`,
    indicators: undefined,
    wholeLine: true,
  };
}

function priceByHistory(
  method: Extract<PricingMethod, { method: 'history' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
): BasePrice {
  if (!ctx.history) return miss('no claim history loaded');
  const modifier = pricingModifier(line);
  const stat = historyAmount(ctx.history, claim.payerName, line.code, modifier);
  const what = `${codeText(line.code, modifier)} from ${claim.payerName}`;
  if (!stat) return miss(`no allowed history for ${what}`);
  if (stat.count < method.minCount) {
    return miss(
      `only ${stat.count} past claim${stat.count === 1 ? '' : 's'} for ${what}, ${method.minCount} needed`,
    );
  }
  return priced(
    stat.medianCents,
    `median allowed by ${claim.payerName} for ${codeText(line.code, modifier)} over ${stat.count} claims: ${formatDollars(stat.medianCents)}`,
    medicareIndicators(ctx, line),
  );
}

function priceByMethod(method: PricingMethod, line: ClaimLine, claim: Claim, ctx: PricingContext): BasePrice {
  switch (method.method) {
    case 'schedule':
      return priceBySchedule(method, line, claim, ctx);
    case 'percent-of-medicare':
      return priceByMedicare(method, line, claim, ctx);
    case 'ucr':
      return priceByUcr(method, line, ctx);
    case 'percent-of-billed':
      return priceByPercentOfBilled(method, line);
    case 'history':
      return priceByHistory(method, line, claim, ctx);
  }
}

function basePrice(
  line: ClaimLine,
  claim: Claim,
  methods: readonly PricingMethod[],
  ctx: PricingContext,
): BasePrice {
  if (methods.length === 1) return priceByMethod(methods[0]!, line, claim, ctx);
  let reasons: string[] | undefined;
  for (const method of methods) {
    const price = priceByMethod(method, line, claim, ctx);
    if (price.ok) return price;
    if (reasons) reasons.push(...price.reasons);
    else reasons = price.reasons;
  }
  return { ok: false, reasons: reasons ?? ['no pricing method configured'] };
}

/**
 * Prices every line of a claim with the first method that can price it, then applies payment-policy
 * modifiers across the claim (modifiers.ts). Unpriced lines say why, naming what is missing.
 */
export function priceClaimLines(claim: Claim, methods: PricingMethod[], ctx: PricingContext): LinePrice[] {
  const bases = claim.lines.map((line) => basePrice(line, claim, methods, ctx));
  return applyPaymentRules(claim.lines, bases, claim.serviceDateFrom);
}
