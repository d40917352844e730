import type { Claim, ClaimLine } from '../model';
import { dollarText } from './dollars';
import { type HistoryIndex, type HistoryStat, historyAmount, pricingModifier } from './history';
import {
  findLocality,
  globalRvuRow,
  isFacilityPlaceOfService,
  type MedicareFeeSchedule,
  medicareAmount,
  medicareFound,
} from './medicare-pfs';
import {
  applyPaymentRules,
  type BasePrice,
  isPaymentModifier,
  type LinePrice,
  type PaymentIndicators,
} from './modifiers';
import type { PricingMethod } from './policy';
import { type ScheduleIndex, type ScheduleRow, scheduleAmount } from './schedule';
import { type UcrIndex, ucrAmount, ucrFound } from './ucr';

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

const formatDollars = dollarText;

function codeText(code: string, modifier: string): string {
  return modifier ? `${code}-${modifier}` : code;
}

/** The line's code's indicators from the PFS global row, whichever method priced it. */
function medicareIndicators(ctx: PricingContext, line: ClaimLine): PaymentIndicators | undefined {
  return ctx.medicare ? globalRvuRow(ctx.medicare, line.code) : undefined;
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

/**
 * A miss without its reason. Methods are first tried with `explain` off, so a line priced by the fourth
 * method builds no reason text for the first three; only a line nothing prices is retried to say why.
 */
const MISS: BasePrice = { ok: false, reasons: [] };

/**
 * A schedule row for the line: its 26/TC/53 row, else any other modifier's row, else the global row.
 * The row is filed under the modifier it was found by, so `row.modifier` names it.
 */
function scheduleRowFor(
  index: ScheduleIndex,
  line: ClaimLine,
  modifier: string,
  payerName: string,
  date: string | undefined,
): ScheduleRow | undefined {
  if (modifier) return scheduleAmount(index, line.code, modifier, payerName, date);
  for (const m of line.modifiers) {
    if (isPaymentModifier(m)) continue;
    const row = scheduleAmount(index, line.code, m, payerName, date);
    if (row) return row;
  }
  return scheduleAmount(index, line.code, '', payerName, date);
}

function priceBySchedule(
  method: Extract<PricingMethod, { method: 'schedule' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
  explain: boolean,
): BasePrice {
  const candidates = method.name
    ? ctx.schedules.filter((s) => s.schedule.name === method.name || s.schedule.id === method.name)
    : ctx.schedules.length > 1
      ? ctx.schedules.slice(0, 1)
      : ctx.schedules;
  if (candidates.length === 0) {
    return explain
      ? miss(method.name ? `no fee schedule named "${method.name}"` : 'no fee schedule loaded')
      : MISS;
  }
  const date = line.serviceDate ?? claim.serviceDateFrom;
  const modifier = pricingModifier(line);
  for (const index of candidates) {
    const row = scheduleRowFor(index, line, modifier, claim.payerName, date);
    if (row) {
      return priced(
        row.amountCents,
        scheduleBasis(index, row, line.code, row.modifier),
        medicareIndicators(ctx, line),
      );
    }
    if (modifier === '26' || modifier === 'TC') {
      const global = scheduleAmount(index, line.code, '', claim.payerName, date);
      if (global && ctx.pcTcSplit) {
        const percent = splitPercent(ctx.pcTcSplit, modifier);
        return priced(
          (global.amountCents * percent) / 100,
          scheduleSplitBasis(index, global, line.code, modifier, percent),
          medicareIndicators(ctx, line),
        );
      }
      if (global) {
        return explain
          ? miss(
              `${codeText(line.code, modifier)} has no row on ${index.schedule.name} and no professional/technical split is set`,
            )
          : MISS;
      }
    }
  }
  return explain ? miss(`${codeText(line.code, modifier)} is not on the fee schedule`) : MISS;
}

/** `200% of 2025 Medicare, locality ...` per shared (frozen) amount and percent, written once. */
const percentBases = new WeakMap<object, Map<number, string>>();

function percentOfBasis(amount: { basis: string }, percent: number): string {
  let byPercent = percentBases.get(amount);
  if (!byPercent) {
    byPercent = new Map();
    percentBases.set(amount, byPercent);
  }
  let basis = byPercent.get(percent);
  if (basis === undefined) {
    basis = `${percent}% of ${amount.basis}`;
    byPercent.set(percent, basis);
  }
  return basis;
}

/**
 * Basis text per schedule and row (`Practice 2025: 99214 at $160.00`): a row's code, modifier and amount
 * make the text, so it is written once per row a run prices, not once per line.
 */
const scheduleBases = new WeakMap<ScheduleIndex, WeakMap<ScheduleRow, string>>();

function scheduleBasis(index: ScheduleIndex, row: ScheduleRow, code: string, modifier: string): string {
  // The index files a row under its own code and modifier; anything else is written out, never remembered.
  if (row.code !== code || row.modifier !== modifier) {
    return `${index.schedule.name}: ${codeText(code, modifier)} at ${formatDollars(row.amountCents)}`;
  }
  let byRow = scheduleBases.get(index);
  if (!byRow) {
    byRow = new WeakMap();
    scheduleBases.set(index, byRow);
  }
  let basis = byRow.get(row);
  if (basis === undefined) {
    basis = `${index.schedule.name}: ${codeText(code, modifier)} at ${formatDollars(row.amountCents)}`;
    byRow.set(row, basis);
  }
  return basis;
}

let lastYear = Number.NaN;
let lastYearText = '';

/** `2025` for the schedule's year, written once (every Medicare-priced line compares its date with it). */
function yearText(year: number): string {
  if (year !== lastYear) {
    lastYear = year;
    lastYearText = String(year);
  }
  return lastYearText;
}

function priceByMedicare(
  method: Extract<PricingMethod, { method: 'percent-of-medicare' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
  explain: boolean,
): BasePrice {
  const mpfs = ctx.medicare;
  if (!mpfs) return explain ? miss('no Medicare fee schedule loaded') : MISS;
  const localityId = method.locality ?? ctx.defaultLocality;
  if (localityId === undefined) {
    return explain
      ? miss('no Medicare locality: set one on the payer policy or as the practice default')
      : MISS;
  }
  const locality = findLocality(mpfs, localityId);
  if (!locality.ok) return explain ? miss(locality.reason) : MISS;
  const placeOfService = line.placeOfService ?? claim.placeOfService;
  const facility = isFacilityPlaceOfService(placeOfService);
  const modifier = pricingModifier(line);
  // A miss is found without writing its reason; only a line nothing prices is asked again to say why.
  const amount = explain
    ? medicareAmount(mpfs, { code: line.code, modifier, locality: locality.locality, facility })
    : medicareFound(mpfs, line.code, modifier, locality.locality, facility);
  if (amount === undefined) return MISS;
  if (!amount.ok) return miss(amount.reason);
  let basis = percentOfBasis(amount, method.percent);
  if (placeOfService === undefined) basis += ' (no place of service on the claim)';
  const date = line.serviceDate ?? claim.serviceDateFrom;
  if (date !== undefined && !date.startsWith(yearText(mpfs.year))) {
    basis += ` (service date ${date} priced with ${mpfs.year} rates)`;
  }
  return priced((amount.cents * method.percent) / 100, basis, amount.row);
}

/** `80th percentile of ..., region 900: $300.00` per shared (frozen) UCR amount, written once. */
const ucrBases = new WeakMap<object, string>();

function ucrBasis(amount: { basis: string; cents: number }): string {
  let basis = ucrBases.get(amount);
  if (basis === undefined) {
    basis = `${amount.basis}: ${formatDollars(amount.cents)}`;
    ucrBases.set(amount, basis);
  }
  return basis;
}

function priceByUcr(
  method: Extract<PricingMethod, { method: 'ucr' }>,
  line: ClaimLine,
  ctx: PricingContext,
  explain: boolean,
): BasePrice {
  const ucr = ctx.ucr;
  if (!ucr) return explain ? miss('no UCR table loaded') : MISS;
  if (ctx.region === undefined || ctx.region.trim() === '')
    return explain ? miss('no UCR region (geozip) set for the practice') : MISS;
  const modifier = pricingModifier(line);
  // Most lines a UCR table does not price: a miss is found without building its reason text (or a query).
  if (!explain) {
    const hit = ucrFound(ucr, line.code, modifier, ctx.region, method.percentile);
    if (hit) return priced(hit.cents, ucrBasis(hit), medicareIndicators(ctx, line));
    if (!((modifier === '26' || modifier === 'TC') && ctx.pcTcSplit)) return MISS;
    // The 26/TC split of the global amount, found the same way (no query, no reason text).
    const global = ucrFound(ucr, line.code, '', ctx.region, method.percentile);
    if (!global) return MISS;
    const percent = splitPercent(ctx.pcTcSplit, modifier);
    return priced(
      (global.cents * percent) / 100,
      ucrSplitBasis(global, modifier, percent),
      medicareIndicators(ctx, line),
    );
  }
  const query = { code: line.code, modifier, region: ctx.region, percentile: method.percentile };
  const amount = ucrAmount(ucr, query);
  if (amount.ok) return priced(amount.cents, ucrBasis(amount), medicareIndicators(ctx, line));
  if ((modifier === '26' || modifier === 'TC') && ctx.pcTcSplit) {
    const global = ucrAmount(ucr, { ...query, modifier: '' });
    if (global.ok) {
      const percent = splitPercent(ctx.pcTcSplit, modifier);
      return priced(
        (global.cents * percent) / 100,
        ucrSplitBasis(global, modifier, percent),
        medicareIndicators(ctx, line),
      );
    }
  }
  return miss(amount.reason);
}

/** Professional/technical split texts by percent, for 26 and for TC. */
interface SplitTexts {
  '26': Map<number, string>;
  TC: Map<number, string>;
}

function remember(byPercent: Map<number, string>, percent: number, basis: string): string {
  if (byPercent.size < 64) byPercent.set(percent, basis);
  return basis;
}

/**
 * `80th percentile of ..., region 900: $300.00, TC at 60% (professional/technical split)` per shared
 * (frozen) UCR amount, modifier and percent: written once, not per line.
 */
const ucrSplitBases = new WeakMap<object, SplitTexts>();

function ucrSplitBasis(
  amount: { basis: string; cents: number },
  modifier: '26' | 'TC',
  percent: number,
): string {
  let texts = ucrSplitBases.get(amount);
  if (!texts) {
    texts = { '26': new Map(), TC: new Map() };
    ucrSplitBases.set(amount, texts);
  }
  const byPercent = texts[modifier];
  return (
    byPercent.get(percent) ??
    remember(
      byPercent,
      percent,
      `${amount.basis}: ${formatDollars(amount.cents)}, ${modifier} at ${percent}% (professional/technical split)`,
    )
  );
}

/** `Practice 2025: 71046 at $400.00, TC at 60% (professional/technical split)` per schedule, global row, modifier and percent. */
const scheduleSplitBases = new WeakMap<ScheduleIndex, WeakMap<ScheduleRow, SplitTexts>>();

function scheduleSplitBasis(
  index: ScheduleIndex,
  global: ScheduleRow,
  code: string,
  modifier: '26' | 'TC',
  percent: number,
): string {
  let byPercent: Map<number, string> | undefined;
  // The index files a row under its own code; anything else is written out, never remembered.
  if (global.code === code) {
    let byRow = scheduleSplitBases.get(index);
    if (!byRow) {
      byRow = new WeakMap();
      scheduleSplitBases.set(index, byRow);
    }
    let texts = byRow.get(global);
    if (!texts) {
      texts = { '26': new Map(), TC: new Map() };
      byRow.set(global, texts);
    }
    byPercent = texts[modifier];
    const known = byPercent.get(percent);
    if (known !== undefined) return known;
  }
  const basis = `${index.schedule.name}: ${code} at ${formatDollars(global.amountCents)}, ${modifier} at ${percent}% (professional/technical split)`;
  return byPercent ? remember(byPercent, percent, basis) : basis;
}

function priceByPercentOfBilled(
  method: Extract<PricingMethod, { method: 'percent-of-billed' }>,
  line: ClaimLine,
  explain: boolean,
): BasePrice {
  if (line.billedCents <= 0) return explain ? miss('no billed charge to take a percentage of') : MISS;
  // The charge already covers the line's units and modifiers, so nothing is adjusted afterwards.
  return {
    ok: true,
    unitCents: (line.billedCents * method.percent) / 100,
    basis: `${method.percent}% of billed charge ${formatDollars(line.billedCents)}`,
    indicators: undefined,
    wholeLine: true,
  };
}

/**
 * `median allowed by Acme Health for 99214 over 12 claims: $150.00` per statistic and payer name as the
 * claim writes it. A statistic belongs to one payer, code and modifier; the text is written once.
 */
const historyBases = new WeakMap<
  HistoryStat,
  Map<string, { code: string; modifier: string; basis: string }>
>();

function historyBasis(stat: HistoryStat, payerName: string, code: string, modifier: string): string {
  let byPayer = historyBases.get(stat);
  if (!byPayer) {
    byPayer = new Map();
    historyBases.set(stat, byPayer);
  }
  const known = byPayer.get(payerName);
  if (known && known.code === code && known.modifier === modifier) return known.basis;
  const basis = `median allowed by ${payerName} for ${codeText(code, modifier)} over ${stat.count} claims: ${formatDollars(stat.medianCents)}`;
  byPayer.set(payerName, { code, modifier, basis });
  return basis;
}

function priceByHistory(
  method: Extract<PricingMethod, { method: 'history' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
  explain: boolean,
): BasePrice {
  if (!ctx.history) return explain ? miss('no claim history loaded') : MISS;
  const modifier = pricingModifier(line);
  const stat = historyAmount(ctx.history, claim.payerName, line.code, modifier);
  if (!stat) {
    return explain
      ? miss(`no allowed history for ${codeText(line.code, modifier)} from ${claim.payerName}`)
      : MISS;
  }
  if (stat.count < method.minCount) {
    return explain
      ? miss(
          `only ${stat.count} past claim${stat.count === 1 ? '' : 's'} for ${codeText(line.code, modifier)} from ${claim.payerName}, ${method.minCount} needed`,
        )
      : MISS;
  }
  return priced(
    stat.medianCents,
    historyBasis(stat, claim.payerName, line.code, modifier),
    medicareIndicators(ctx, line),
  );
}

function priceByMethod(
  method: PricingMethod,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
  explain: boolean,
): BasePrice {
  switch (method.method) {
    case 'schedule':
      return priceBySchedule(method, line, claim, ctx, explain);
    case 'percent-of-medicare':
      return priceByMedicare(method, line, claim, ctx, explain);
    case 'ucr':
      return priceByUcr(method, line, ctx, explain);
    case 'percent-of-billed':
      return priceByPercentOfBilled(method, line, explain);
    case 'history':
      return priceByHistory(method, line, claim, ctx, explain);
  }
}

function basePrice(
  line: ClaimLine,
  claim: Claim,
  methods: readonly PricingMethod[],
  ctx: PricingContext,
): BasePrice {
  for (const method of methods) {
    const price = priceByMethod(method, line, claim, ctx, false);
    if (price.ok) return price;
  }
  return explainedMiss(line, claim, methods, ctx);
}

/** A line no method prices, with every method's reason (the methods are asked again, explaining). */
function explainedMiss(
  line: ClaimLine,
  claim: Claim,
  methods: readonly PricingMethod[],
  ctx: PricingContext,
): BasePrice {
  const reasons: string[] = [];
  for (const method of methods) {
    const price = priceByMethod(method, line, claim, ctx, true);
    if (!price.ok) reasons.push(...price.reasons);
  }
  return { ok: false, reasons: reasons.length > 0 ? reasons : ['no pricing method configured'] };
}

// ---------------------------------------------------------------------------------------------
// Remembered base prices. What the methods before percent-of-billed give a line depends only on the
// context, the method list, the payer name, the code, the modifiers (in order), the setting (facility or
// not, place of service given or not) and, for a code with dated schedule rows or a service date outside
// the Medicare year, the date. So the answer is worked out once per such key and shared (frozen); dated
// lines are priced as before. Percent of billed reads the line's charge, so it is asked per line, after
// the remembered methods missed.

/** What the methods before the first percent-of-billed say about a line: a price, or none. */
interface Remembered {
  price: BasePrice | undefined;
  /**
   * When every method is remembered (no percent-of-billed) and none prices the line: the explained miss,
   * whose reasons name only what the key holds (code, modifier, payer, context). Shared and frozen.
   */
  miss: BasePrice | undefined;
}

/** Variants of one payer, code and modifier list: facility + 2 when no place of service is given. */
type Variants = (Remembered | undefined)[];

/** One payer's code: whether it has dated schedule rows (priced per line), and its variants by modifier list. */
interface CodeVariants {
  dated: boolean;
  /** Lines without modifiers (most), kept apart from the map. */
  plain: Variants | undefined;
  /** Modifier list key (one modifier, or several joined) → variants. */
  byMods: Map<string, Variants>;
}

interface PricePlan {
  ctx: PricingContext;
  /** The context's parts when the plan was made: a changed part makes a new plan. */
  schedules: ScheduleIndex[];
  scheduleList: ScheduleIndex[];
  medicare: MedicareFeeSchedule | undefined;
  ucr: UcrIndex | undefined;
  history: HistoryIndex | undefined;
  region: string | undefined;
  defaultLocality: string | undefined;
  professionalPercent: number | undefined;
  methods: readonly PricingMethod[];
  /** The methods remembered: those before the first percent-of-billed. */
  cacheable: number;
  /** Codes with a dated row on some schedule: priced per line. */
  datedCodes: Set<string>;
  /** Payer name → code → its variants. */
  byPayer: Map<string, Map<string, CodeVariants>>;
  size: number;
}

const PLAN_LIMIT = 50_000;
const plans = new WeakMap<PricingContext, Map<readonly PricingMethod[], PricePlan>>();
/** Plans used lately, scanned before the WeakMap (at most RECENT_PLANS; emptied when full). */
const recentPlans: PricePlan[] = [];
const RECENT_PLANS = 8;

function planIsCurrent(plan: PricePlan, ctx: PricingContext): boolean {
  const list = plan.scheduleList;
  if (
    ctx.schedules !== plan.schedules ||
    ctx.schedules.length !== list.length ||
    ctx.medicare !== plan.medicare ||
    ctx.ucr !== plan.ucr ||
    ctx.history !== plan.history ||
    ctx.region !== plan.region ||
    ctx.defaultLocality !== plan.defaultLocality ||
    ctx.pcTcSplit?.professionalPercent !== plan.professionalPercent
  ) {
    return false;
  }
  for (let k = 0; k < list.length; k += 1) if (ctx.schedules[k] !== list[k]) return false;
  return true;
}

function planFor(ctx: PricingContext, methods: readonly PricingMethod[]): PricePlan {
  // Claims of a run take turns among a few payers' method lists: the recent plans are scanned first.
  for (let k = 0; k < recentPlans.length; k += 1) {
    const recent = recentPlans[k]!;
    if (recent.ctx === ctx && recent.methods === methods && planIsCurrent(recent, ctx)) return recent;
  }
  let byMethods = plans.get(ctx);
  if (!byMethods) {
    byMethods = new Map();
    plans.set(ctx, byMethods);
  }
  let plan = byMethods.get(methods);
  if (!plan || !planIsCurrent(plan, ctx)) {
    if (byMethods.size >= 64) byMethods.clear();
    plan = newPlan(ctx, methods);
    byMethods.set(methods, plan);
  }
  if (recentPlans.length >= RECENT_PLANS) recentPlans.length = 0;
  recentPlans.push(plan);
  return plan;
}

function newPlan(ctx: PricingContext, methods: readonly PricingMethod[]): PricePlan {
  let cacheable = 0;
  while (cacheable < methods.length && methods[cacheable]!.method !== 'percent-of-billed') cacheable += 1;
  const datedCodes = new Set<string>();
  for (const index of ctx.schedules) {
    for (const row of index.schedule.rows) if (row.effectiveFrom || row.effectiveTo) datedCodes.add(row.code);
  }
  return {
    ctx,
    schedules: ctx.schedules,
    scheduleList: [...ctx.schedules],
    medicare: ctx.medicare,
    ucr: ctx.ucr,
    history: ctx.history,
    region: ctx.region,
    defaultLocality: ctx.defaultLocality,
    professionalPercent: ctx.pcTcSplit?.professionalPercent,
    methods,
    cacheable,
    datedCodes,
    byPayer: new Map(),
    size: 0,
  };
}

/** The claim's payer's codes (made when missing); the payer is the claim's, the same for every line. */
function codesFor(plan: PricePlan, payerName: string): Map<string, CodeVariants> {
  let byCode = plan.byPayer.get(payerName);
  if (!byCode) {
    byCode = new Map();
    plan.byPayer.set(payerName, byCode);
  }
  return byCode;
}

/**
 * The variants remembered for a line (made when missing), or undefined when the line is priced as before:
 * its code has dated schedule rows, or its service date (its own, else the claim's: claimInYear) is
 * outside the Medicare year.
 */
function variantsFor(
  plan: PricePlan,
  byCode: Map<string, CodeVariants>,
  line: ClaimLine,
  claimInYear: boolean,
): Variants | undefined {
  if (line.serviceDate !== undefined ? !inMedicareYear(plan, line.serviceDate) : !claimInYear)
    return undefined;
  let code = byCode.get(line.code);
  if (!code) {
    if (plan.size >= PLAN_LIMIT) {
      plan.byPayer.clear();
      plan.size = 0;
      return undefined;
    }
    code = { dated: plan.datedCodes.has(line.code), plain: undefined, byMods: new Map() };
    byCode.set(line.code, code);
    plan.size += 1;
  }
  if (code.dated) return undefined;
  const mods = line.modifiers;
  if (mods.length === 0) {
    if (!code.plain) code.plain = [undefined, undefined, undefined, undefined];
    return code.plain;
  }
  const key = mods.length === 1 ? mods[0]! : mods.join('\u0000');
  let variants = code.byMods.get(key);
  if (!variants) {
    if (plan.size >= PLAN_LIMIT) {
      plan.byPayer.clear();
      plan.size = 0;
      return undefined;
    }
    variants = [undefined, undefined, undefined, undefined];
    code.byMods.set(key, variants);
    plan.size += 1;
  }
  return variants;
}

/** Percent of Medicare names a service date outside the schedule's year in its basis: such lines are priced per line. */
function inMedicareYear(plan: PricePlan, date: string | undefined): boolean {
  const mpfs = plan.medicare;
  return mpfs === undefined || date === undefined || date.startsWith(yearText(mpfs.year));
}

/** A setting's variant: facility + 2 when no place of service is given. */
function settingSlot(placeOfService: string | undefined): number {
  return (isFacilityPlaceOfService(placeOfService) ? 1 : 0) + (placeOfService === undefined ? 2 : 0);
}

/** basePrice, with what the methods before percent-of-billed say remembered per plan (see above). */
function rememberedBasePrice(
  plan: PricePlan,
  byCode: Map<string, CodeVariants>,
  claimInYear: boolean,
  claimSlot: number,
  line: ClaimLine,
  claim: Claim,
): BasePrice {
  const variants = variantsFor(plan, byCode, line, claimInYear);
  if (!variants) return basePrice(line, claim, plan.methods, plan.ctx);
  const slot = line.placeOfService === undefined ? claimSlot : settingSlot(line.placeOfService);
  let known = variants[slot];
  if (!known) {
    let price: BasePrice | undefined;
    for (let k = 0; k < plan.cacheable; k += 1) {
      const p = priceByMethod(plan.methods[k]!, line, claim, plan.ctx, false);
      if (p.ok) {
        price = Object.freeze(p);
        break;
      }
    }
    known = { price, miss: undefined };
    variants[slot] = known;
  }
  if (known.price) return known.price;
  const methods = plan.methods;
  if (plan.cacheable === methods.length) {
    if (!known.miss) {
      const miss = explainedMiss(line, claim, methods, plan.ctx);
      if (!miss.ok) Object.freeze(miss.reasons);
      known.miss = Object.freeze(miss);
    }
    return known.miss;
  }
  for (let k = plan.cacheable; k < methods.length; k += 1) {
    const price = priceByMethod(methods[k]!, line, claim, plan.ctx, false);
    if (price.ok) return price;
  }
  return explainedMiss(line, claim, methods, plan.ctx);
}

/**
 * Prices every line of a claim with the first method that can price it, then applies payment-policy
 * modifiers across the claim (modifiers.ts). Unpriced lines say why, naming what is missing.
 */
export function priceClaimLines(claim: Claim, methods: PricingMethod[], ctx: PricingContext): LinePrice[] {
  const plan = planFor(ctx, methods);
  const byCode = codesFor(plan, claim.payerName);
  const claimInYear = inMedicareYear(plan, claim.serviceDateFrom);
  const claimSlot = settingSlot(claim.placeOfService);
  const bases: BasePrice[] = new Array(claim.lines.length);
  for (let i = 0; i < claim.lines.length; i += 1) {
    bases[i] = rememberedBasePrice(plan, byCode, claimInYear, claimSlot, claim.lines[i]!, claim);
  }
  return applyPaymentRules(claim.lines, bases, claim.serviceDateFrom);
}

/**
 * priceClaimLines without remembered base prices: every method asked afresh for every line. The plain
 * computation the remembered prices must equal (tests/unit/rules/pricing/remembered.test.ts).
 */
export function priceClaimLinesPlain(
  claim: Claim,
  methods: PricingMethod[],
  ctx: PricingContext,
): LinePrice[] {
  const bases: BasePrice[] = new Array(claim.lines.length);
  for (let i = 0; i < claim.lines.length; i += 1) bases[i] = basePrice(claim.lines[i]!, claim, methods, ctx);
  return applyPaymentRules(claim.lines, bases, claim.serviceDateFrom);
}
