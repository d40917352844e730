import { CATEGORY_LABEL, categorizeAdjustment, categorizeRemark } from './adjustments/index';
import { writeCodingFlags } from './coding/index';
import {
  appealDeadline,
  balanceBillingGroundOfRemarks,
  balanceBillingMessage,
  daysBetween,
  idrInitiationWindow,
  type NsaUserMark,
  nsaStatusOfRemarks,
  openNegotiationDeadline,
  remarkBits,
} from './deadlines/index';
import type { Claim, ClaimScore, DenialCategory, Flag, LineScore } from './model';
import { type LineMoney, readLineMoney } from './pricing/allowed';
import { dollarsGrouped } from './pricing/dollars';
import { type PricingContext, priceClaimLines } from './pricing/index';
import { type PolicySet, type ResolvedPolicy, resolvePolicy } from './pricing/policy';

/** What the biller recorded about a claim; kept beside it in storage, not read from any page. */
export interface ClaimNotes {
  /** The biller marks a claim as No Surprises Act when no remark code says so. */
  nsaMark?: NsaUserMark;
  /** Date the open negotiation notice was sent: starts the IDR initiation window. */
  openNegotiationSentDate?: string;
  /** The practice the biller assigned the claim to, over the one its payee NPI or TIN points at. */
  practiceId?: string;
}

export interface ScoringContext {
  /** The date the score is computed for; deadlines and urgency count from it. No clock is read. */
  asOf: string;
  policies: PolicySet;
  pricing: PricingContext;
}

const dollars = dollarsGrouped;

/** A line's allowed amount and patient responsibility; reused by every line (scoring is synchronous). */
const money: LineMoney = { allowedCents: 0, patientResponsibilityCents: 0 };

/** A line's categories as they are found; reused by every line (scoring is synchronous). */
const found: DenialCategory[] = [];

function seen(count: number, c: DenialCategory): boolean {
  for (let k = 0; k < count; k += 1) if (found[k] === c) return true;
  return false;
}

/**
 * The line's categories in first-seen order, adjustments before remarks; no set is built. One or two
 * categories (nearly every line) give a shared frozen list; more are copied at their size.
 */
function lineCategories(line: Claim['lines'][number]): DenialCategory[] {
  let count = 0;
  const adjustments = line.adjustments;
  for (let k = 0; k < adjustments.length; k += 1) {
    const c = categorizeAdjustment(adjustments[k]!);
    if (!seen(count, c)) found[count++] = c;
  }
  const remarks = line.remarks;
  for (let k = 0; k < remarks.length; k += 1) {
    const c = categorizeRemark(remarks[k]!);
    if (c && !seen(count, c)) found[count++] = c;
  }
  return sharedCategories(found, count);
}

/**
 * Category lists of one or two (in their order), shared and frozen: the score's lists are read, never
 * changed, and a run names the same few combinations on every claim.
 */
const NO_CATEGORIES: DenialCategory[] = Object.freeze<DenialCategory[]>([]) as DenialCategory[];
const oneCategory = new Map<DenialCategory, DenialCategory[]>();
const twoCategories = new Map<DenialCategory, Map<DenialCategory, DenialCategory[]>>();

/** The first `count` of `list` as a list the score may hold: shared for up to two, else a copy. */
function sharedCategories(list: readonly DenialCategory[], count: number): DenialCategory[] {
  if (count === 0) return NO_CATEGORIES;
  const first = list[0]!;
  if (count === 1) {
    let one = oneCategory.get(first);
    if (!one) {
      one = Object.freeze([first]) as DenialCategory[];
      oneCategory.set(first, one);
    }
    return one;
  }
  if (count === 2) {
    const second = list[1]!;
    let bySecond = twoCategories.get(first);
    if (!bySecond) {
      bySecond = new Map();
      twoCategories.set(first, bySecond);
    }
    let two = bySecond.get(second);
    if (!two) {
      two = Object.freeze([first, second]) as DenialCategory[];
      bySecond.set(second, two);
    }
    return two;
  }
  return list.slice(0, count);
}

const NOT_A_DENIAL_REASON = new Set<DenialCategory>([
  'contractual',
  'patient-cost-share',
  'no-surprises-act',
  'other',
]);

/** The denial reason worth naming: the first category (of the first `count`) that says why, not how the money moved. */
function denialCategory(
  categories: readonly DenialCategory[],
  count = categories.length,
): DenialCategory | undefined {
  for (let k = 0; k < count; k += 1) if (!NOT_A_DENIAL_REASON.has(categories[k]!)) return categories[k];
  return undefined;
}

/**
 * The claim's categories and flags as they are found, copied at their size into the score (a growing
 * array reserves room for 17); reused by every claim (scoring is synchronous).
 */
const claimFound: DenialCategory[] = [];
const claimFlags: Flag[] = [];

function claimSeen(count: number, c: DenialCategory): boolean {
  for (let k = 0; k < count; k += 1) if (claimFound[k] === c) return true;
  return false;
}

/** The NSA flag per (shared) NSA status. */
const nsaFlags = new WeakMap<object, Flag>();

function nsaFlag(nsa: { reason?: string }): Flag {
  let flag = nsaFlags.get(nsa);
  if (!flag) {
    flag = Object.freeze<Flag>({ kind: 'nsa', message: nsa.reason ?? 'No Surprises Act claim' });
    nsaFlags.set(nsa, flag);
  }
  return flag;
}

/** "Denied: medical necessity" per category, written once. */
const DENIED_BECAUSE = Object.fromEntries(
  Object.entries(CATEGORY_LABEL).map(([c, label]) => [c, `Denied: ${label.toLowerCase()}`]),
) as Readonly<Record<DenialCategory, string>>;

/** A denied line's flag per category (and without one): the same words on every such line, shared (frozen). */
const DENIED_LINE_FLAG = Object.fromEntries(
  Object.entries(DENIED_BECAUSE).map(([c, message]) => [c, Object.freeze<Flag>({ kind: 'denied', message })]),
) as Readonly<Record<DenialCategory, Flag>>;
const DENIED_FLAG: Flag = Object.freeze<Flag>({ kind: 'denied', message: 'Denied' });

/** A line's flag list holding only its denied flag, per such flag: shared and frozen, like the flag. */
const deniedOnly = new Map<Flag, Flag[]>();

function deniedFlags(flag: Flag): Flag[] {
  let list = deniedOnly.get(flag);
  if (!list) {
    list = Object.freeze([flag]) as Flag[];
    deniedOnly.set(flag, list);
  }
  return list;
}

/**
 * `No benchmark prices this line: ...` per list of reasons. Pricing shares (and freezes) the reasons of a
 * miss it remembers, so their flag is written once and shared (frozen); other lists get their own.
 */
const noBenchmarkFlags = new WeakMap<readonly string[], Flag>();

function noBenchmarkFlag(reasons: readonly string[]): Flag {
  const shared = Object.isFrozen(reasons);
  let flag = shared ? noBenchmarkFlags.get(reasons) : undefined;
  if (!flag) {
    flag = { kind: 'no-benchmark', message: `No benchmark prices this line: ${reasons.join('; ')}` };
    if (shared) noBenchmarkFlags.set(reasons, Object.freeze(flag));
  }
  return flag;
}

/** A line with no flag, and a claim with none: one shared, frozen empty list. */
const NO_FLAGS: Flag[] = Object.freeze<Flag[]>([]) as Flag[];

/** `Acme Health policy` per resolved policy (resolvePolicy shares them), for the appeal basis. */
const policySources = new WeakMap<object, string>();

function policySource(policy: { matched: string }): string {
  let source = policySources.get(policy);
  if (source === undefined) {
    source = `${policy.matched} policy`;
    policySources.set(policy, source);
  }
  return source;
}

const URGENT_WINDOW_DAYS = 30;

/**
 * A claim's deadlines from its remittance date, for one policy (and so one payer) and `asOf`: the appeal
 * date and basis, the open negotiation notice date (asked only for NSA claims), and their distances from
 * `asOf`. Claims paid the same day by the same payer share them; they are copied into each score.
 */
interface DatedDeadlines {
  asOf: string;
  appealBy: string;
  appealBasis: string;
  /** Days from asOf to appealBy. */
  appealDays: number;
  /** Undefined until an NSA claim asks. */
  noticeBy: string | undefined;
  noticeDays: number;
}

interface PolicyDates {
  payerName: string;
  byDate: Map<string, DatedDeadlines>;
}

const datesByPolicy = new WeakMap<ResolvedPolicy, PolicyDates>();
/** Policies used lately and their dates, scanned before the WeakMap: claims take turns among a few payers. */
const recentPolicies: ResolvedPolicy[] = [];
const recentDates: PolicyDates[] = [];
const RECENT_POLICIES = 8;
const DATES_LIMIT = 10_000;

function datedDeadlines(
  policy: ResolvedPolicy,
  payerName: string,
  paidDate: string,
  asOf: string,
  nsa: boolean,
): DatedDeadlines {
  let at = -1;
  for (let k = 0; k < recentPolicies.length; k += 1) {
    if (recentPolicies[k] === policy) {
      at = k;
      break;
    }
  }
  let dates = at === -1 ? undefined : recentDates[at];
  if (!dates || dates.payerName !== payerName) {
    dates = datesByPolicy.get(policy);
    if (!dates || dates.payerName !== payerName) {
      dates = { payerName, byDate: new Map() };
      datesByPolicy.set(policy, dates);
    }
    if (at !== -1) recentDates[at] = dates;
    else {
      if (recentPolicies.length >= RECENT_POLICIES) {
        recentPolicies.length = 0;
        recentDates.length = 0;
      }
      recentPolicies.push(policy);
      recentDates.push(dates);
    }
  }
  let d = dates.byDate.get(paidDate);
  if (!d || d.asOf !== asOf) {
    const appeal = appealDeadline(paidDate, payerName, policy.appealWindowDays, policySource(policy));
    d = {
      asOf,
      appealBy: appeal.date,
      appealBasis: appeal.basis,
      appealDays: daysBetween(asOf, appeal.date),
      noticeBy: undefined,
      noticeDays: 0,
    };
    if (dates.byDate.size >= DATES_LIMIT) dates.byDate.clear();
    dates.byDate.set(paidDate, d);
  }
  if (nsa && d.noticeBy === undefined) {
    const noticeBy = openNegotiationDeadline(paidDate);
    d.noticeDays = daysBetween(asOf, noticeBy);
    d.noticeBy = noticeBy;
  }
  return d;
}

/**
 * Scores every line of a claim: expected allowed from the payer's policy, shortfall beyond tolerance,
 * denials by category, deadlines and a priority for the worklist. Pure: same inputs, same output.
 */
export function scoreClaim(claim: Claim, ctx: ScoringContext, notes: ClaimNotes = {}): ClaimScore {
  const policy = resolvePolicy(ctx.policies, claim.payerName, claim.payerId);
  const prices = priceClaimLines(claim, policy.methods, ctx.pricing);
  const lines: LineScore[] = new Array(claim.lines.length);
  // Categories in first-seen order (a handful; an array beats a set here).
  let categoryCount = 0;
  let allowedTotal = 0;
  let expectedTotal = 0;
  let shortfallTotal = 0;
  let prTotal = 0;
  let flagged = 0;
  let underpaidLines = 0;
  let underpaidCents = 0;
  let deniedLines = 0;
  let deniedCents = 0;

  const floorCents = Math.round(policy.tolerance.dollars * 100);
  const tolerancePercent = policy.tolerance.percent;
  for (let i = 0; i < claim.lines.length; i += 1) {
    const line = claim.lines[i]!;
    const price = prices[i]!;
    readLineMoney(line, money);
    const allowedCents = money.allowedCents;
    const categories = lineCategories(line);
    // By index: the list may be a shared frozen one, which for-of would step through with an iterator object.
    for (let k = 0; k < categories.length; k += 1) {
      const c = categories[k]!;
      if (!claimSeen(categoryCount, c)) claimFound[categoryCount++] = c;
    }
    let shortfallCents = 0;
    const denied = line.paidCents === 0 && allowedCents === 0 && line.billedCents > 0;
    let underpaid = false;
    // At most two flags here: denied, then underpaid (never with denied) or no benchmark.
    let deniedFlag: Flag | undefined;
    let moneyFlag: Flag | undefined;

    if (denied) {
      const cat = denialCategory(categories);
      deniedFlag = cat ? DENIED_LINE_FLAG[cat] : DENIED_FLAG;
    }
    if (price.ok) {
      const gap = price.expectedCents - allowedCents;
      // toleranceCents(policy.tolerance, expected), its dollar floor worked out once per claim.
      if (gap > Math.max(floorCents, Math.round((price.expectedCents * tolerancePercent) / 100))) {
        shortfallCents = gap;
        if (!denied) {
          underpaid = true;
          moneyFlag = {
            kind: 'underpaid',
            message: `Allowed ${dollars(allowedCents)} is ${dollars(gap)} below the expected ${dollars(price.expectedCents)}`,
          };
        }
      }
      expectedTotal += price.expectedCents;
    } else moneyFlag = noBenchmarkFlag(price.reasons);
    if (underpaid || denied) flagged += 1;
    if (denied) {
      deniedLines += 1;
      deniedCents += shortfallCents;
    } else if (shortfallCents > 0) {
      underpaidLines += 1;
      underpaidCents += shortfallCents;
    }
    allowedTotal += allowedCents;
    shortfallTotal += shortfallCents;
    prTotal += money.patientResponsibilityCents;
    // Made at their size (a growing array would reserve room for 17); a denied flag alone, or none, shared.
    const flags: Flag[] = deniedFlag
      ? moneyFlag
        ? [deniedFlag, moneyFlag]
        : deniedFlags(deniedFlag)
      : moneyFlag
        ? [moneyFlag]
        : NO_FLAGS;
    lines[i] = {
      lineNumber: line.lineNumber,
      allowedCents,
      allowedDerived: line.allowedCents === undefined,
      expectedCents: price.ok ? price.expectedCents : null,
      expectedBasis: price.ok ? price.basis : null,
      shortfallCents,
      categories,
      flags,
    };
  }

  const flags = claimFlags;
  let flagCount = 0;
  // Underpaid and denied money are told apart: they call for different letters.
  if (underpaidLines > 0) {
    flags[flagCount++] = {
      kind: 'underpaid',
      message: `Underpaid ${dollars(underpaidCents)} on ${underpaidLines} line${underpaidLines === 1 ? '' : 's'}`,
    };
  }
  if (claim.status === 'denied' || deniedLines > 0) {
    const cat = denialCategory(claimFound, categoryCount);
    const what = cat ? DENIED_BECAUSE[cat] : 'Denied';
    const partly = claim.status !== 'denied' && deniedLines > 0;
    const amount = deniedCents > 0 ? `, ${dollars(deniedCents)} expected` : '';
    flags[flagCount++] = {
      kind: 'denied',
      message: partly
        ? `${what} on ${deniedLines} line${deniedLines === 1 ? '' : 's'}${amount}`
        : `${what}${amount}`,
    };
  }
  if (claim.balanceErrors) {
    for (const e of claim.balanceErrors) flags[flagCount++] = { kind: 'imbalance', message: e };
  }
  // Coding checks from the PFS indicators (domain.md 1.4), when the Medicare file is loaded. Claim-level
  // only, naming the line: line flags stay the money findings (underpaid, denied) the line table sorts by.
  if (ctx.pricing.medicare) flagCount = writeCodingFlags(claim, ctx.pricing.medicare, flags, flagCount);

  // No Surprises Act: remark codes or the biller's mark (domain.md 2, 4.4); PR-45 then is balance billing.
  // One pass over the remarks answers both: NSA remarks, and N878/N879 for balance billing.
  const remarks = remarkBits(claim);
  const nsa = nsaStatusOfRemarks(remarks, notes.nsaMark);
  if (nsa.nsa) {
    flags[flagCount++] = nsaFlag(nsa);
    if (!claimSeen(categoryCount, 'no-surprises-act')) claimFound[categoryCount++] = 'no-surprises-act';
  }
  // balanceBillingFindings, its messages only: on the claim, and on the (first) line with the number.
  const balanceBilling = balanceBillingGroundOfRemarks(remarks, nsa);
  if (balanceBilling !== undefined) {
    for (const a of claim.adjustments) {
      const message = balanceBillingMessage(a, undefined, balanceBilling);
      if (message !== undefined) flags[flagCount++] = { kind: 'balance-billing', message };
    }
    for (const line of claim.lines) {
      for (const a of line.adjustments) {
        const message = balanceBillingMessage(a, line.lineNumber, balanceBilling);
        if (message === undefined) continue;
        flags[flagCount++] = { kind: 'balance-billing', message };
        for (const ls of lines) {
          if (ls.lineNumber === line.lineNumber) {
            // A new list: the line's may be shared (frozen).
            ls.flags = [...ls.flags, { kind: 'balance-billing', message }];
            break;
          }
        }
      }
    }
  }

  // Made whole where it can be (fewer shape changes than adding each date to an empty object).
  let deadlines: ClaimScore['deadlines'];
  // Urgency from the nearest open deadline: a lapsed one still counts, at a quarter, for a late appeal.
  let nearest: number | undefined;
  let lapsed = false;
  if (claim.paidDate) {
    const d = datedDeadlines(policy, claim.payerName, claim.paidDate, ctx.asOf, nsa.nsa);
    if (nsa.nsa) {
      deadlines = {
        appealBy: d.appealBy,
        appealBasis: d.appealBasis,
        openNegotiationNoticeBy: d.noticeBy,
      };
      if (d.noticeDays >= 0) nearest = d.noticeDays;
    } else deadlines = { appealBy: d.appealBy, appealBasis: d.appealBasis };
    if (d.appealDays >= 0 && (nearest === undefined || d.appealDays < nearest)) nearest = d.appealDays;
    lapsed = nearest === undefined;
  } else deadlines = {};
  if (nsa.nsa && notes.openNegotiationSentDate) {
    const w = idrInitiationWindow(notes.openNegotiationSentDate);
    deadlines.idrInitiationFrom = w.from;
    deadlines.idrInitiationBy = w.to;
  }

  const urgency = lapsed
    ? 0.25
    : nearest === undefined
      ? 1
      : nearest <= URGENT_WINDOW_DAYS
        ? 2 + (URGENT_WINDOW_DAYS - nearest) / URGENT_WINDOW_DAYS
        : 1;
  return {
    asOf: ctx.asOf,
    totals: {
      billedCents: claim.billedCents,
      allowedCents: claim.lines.length ? allowedTotal : (claim.allowedCents ?? 0),
      paidCents: claim.paidCents,
      patientResponsibilityCents: claim.patientResponsibilityCents ?? prTotal,
      expectedCents: expectedTotal,
      shortfallCents: shortfallTotal,
    },
    lines,
    flags: flagCount === 0 ? NO_FLAGS : flags.slice(0, flagCount),
    categories: sharedCategories(claimFound, categoryCount),
    deadlines,
    nsa: nsa.nsa,
    priority: (shortfallTotal / 100) * urgency,
    flaggedLineCount: flagged,
  };
}
