import { categorizeAdjustment } from '../adjustments/categories';
import type { Adjustment, Claim } from '../model';
import { dollarsGrouped } from '../pricing/dollars';
import { type BusinessDayOptions, nthBusinessDay } from './business-days';

/** Why a claim falls under the No Surprises Act: the protected service, or the NSA notice the payer sent. */
export type NsaKind = 'emergency' | 'facility' | 'air-ambulance' | 'notice-of-denial' | 'initial-payment';

/** What a biller may mark by hand when the remit carries no NSA remark (domain.md 2.1). */
export type NsaUserMark = 'emergency' | 'facility' | 'air-ambulance';

export interface NsaStatus {
  nsa: boolean;
  /** Why, in words for the side panel; absent when not NSA. */
  reason?: string;
  kind?: NsaKind;
}

/**
 * The remarks that make a claim NSA (issue text, exact; domain.md 4.4 "Scoring use"), in the order
 * that picks `kind`: the protected service says more than the payment notice.
 */
export const NSA_REMARKS: readonly { code: string; kind: NsaKind; words: string }[] = [
  { code: 'N864', kind: 'emergency', words: 'emergency services' },
  {
    code: 'N865',
    kind: 'facility',
    words: 'non-emergency services by an out-of-network provider at an in-network facility',
  },
  { code: 'N866', kind: 'air-ambulance', words: 'out-of-network air ambulance services' },
  { code: 'N876', kind: 'notice-of-denial', words: 'a notice of denial of payment under the Act' },
  { code: 'N877', kind: 'initial-payment', words: 'an initial payment under the Act' },
];

const USER_MARK_WORDS: Readonly<Record<NsaUserMark, string>> = {
  emergency: 'emergency services (45 CFR 149.110, 149.410)',
  facility: 'an out-of-network provider at an in-network facility (45 CFR 149.120, 149.420)',
  'air-ambulance': 'out-of-network air ambulance services (45 CFR 149.130, 149.440)',
};

/** Whether remark `code` (upper case) is on the claim or a line, in any case; no list is built. */
function hasRemark(claim: Pick<Claim, 'remarks' | 'lines'>, code: string): boolean {
  for (const r of claim.remarks) if (sameRemark(r, code)) return true;
  for (const line of claim.lines) {
    for (const r of line.remarks) if (sameRemark(r, code)) return true;
  }
  return false;
}

/**
 * `remark` is `code` in any case; `code` is upper-case letters and digits, so only its own length can
 * match. ASCII is compared by character (no upper-cased copy per remark); anything else upper-cases.
 */
function sameRemark(remark: string, code: string): boolean {
  if (remark === code) return true;
  if (remark.length !== code.length) return false;
  for (let i = 0; i < remark.length; i += 1) {
    let c = remark.charCodeAt(i);
    if (c > 127) return remark.toUpperCase() === code;
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== code.charCodeAt(i)) return false;
  }
  return true;
}

function anyRemarks(claim: Pick<Claim, 'remarks' | 'lines'>): boolean {
  if (claim.remarks.length > 0) return true;
  for (const line of claim.lines) if (line.remarks.length > 0) return true;
  return false;
}

/** The bit of an NSA remark (its place in NSA_REMARKS), 0 for any other remark; any case. */
function nsaRemarkBit(remark: string): number {
  // Every NSA code is N and three digits: only `n` upper-cases to N, so any other length cannot match.
  if (remark.length !== 4) return 0;
  for (let k = 0; k < NSA_REMARKS.length; k += 1) if (sameRemark(remark, NSA_REMARKS[k]!.code)) return 1 << k;
  return 0;
}

/** remarkBits: N878 and N879, after the NSA_REMARKS bits. */
const N878_BIT = 1 << NSA_REMARKS.length;
const N879_BIT = N878_BIT << 1;
const NSA_BITS = N878_BIT - 1;

/**
 * The bit of one remark for remarkBits: an NSA remark's place in NSA_REMARKS, N878, N879, else 0; any
 * case. Every such code is N and three digits, so it is read by character; a remark with a non-ASCII
 * character is compared as nsaRemarkBit and hasRemark compare it (upper-cased).
 */
function remarkBit(remark: string): number {
  if (remark.length !== 4) return 0;
  const n = remark.charCodeAt(0);
  if (n !== 78 && n !== 110) return n > 127 ? slowRemarkBit(remark) : 0;
  let value = 0;
  for (let i = 1; i < 4; i += 1) {
    const c = remark.charCodeAt(i);
    if (c < 48 || c > 57) return c > 127 ? slowRemarkBit(remark) : 0;
    value = value * 10 + (c - 48);
  }
  switch (value) {
    case 864:
      return 1;
    case 865:
      return 2;
    case 866:
      return 4;
    case 876:
      return 8;
    case 877:
      return 16;
    case 878:
      return N878_BIT;
    case 879:
      return N879_BIT;
    default:
      return 0;
  }
}

function slowRemarkBit(remark: string): number {
  const nsa = nsaRemarkBit(remark);
  if (nsa !== 0) return nsa;
  if (sameRemark(remark, 'N878')) return N878_BIT;
  return sameRemark(remark, 'N879') ? N879_BIT : 0;
}

/**
 * The NSA remarks (bits in NSA_REMARKS order), N878 and N879 on the claim or any line, in one pass over
 * every remark: what nsaStatusOfRemarks and balanceBillingGroundOfRemarks read.
 */
export function remarkBits(claim: Pick<Claim, 'remarks' | 'lines'>): number {
  let bits = 0;
  const remarks = claim.remarks;
  for (let k = 0; k < remarks.length; k += 1) bits |= remarkBit(remarks[k]!);
  const lines = claim.lines;
  for (let i = 0; i < lines.length; i += 1) {
    const own = lines[i]!.remarks;
    for (let k = 0; k < own.length; k += 1) bits |= remarkBit(own[k]!);
  }
  return bits;
}

/** The reason text for the NSA remarks found (nsaStatus remembers it per set). */
function remarkReason(found: readonly (typeof NSA_REMARKS)[number][]): string {
  const plural = found.length > 1 ? 's' : '';
  return `Remark${plural} ${found.map((r) => r.code).join(', ')} on the remittance: ${found.map((r) => r.words).join('; ')} (No Surprises Act)`;
}

/**
 * Is this a No Surprises Act claim? Yes when any claim or line remark is N864, N865, N866, N876 or
 * N877, or when the biller marks it (emergency, out-of-network provider at an in-network facility,
 * air ambulance). Remarks win over the mark for `kind`: they are the payer's own words.
 * The answer is shared (frozen) between claims with the same NSA remarks or mark: read it, do not change it.
 */
export function nsaStatus(claim: Pick<Claim, 'remarks' | 'lines'>, userMark?: NsaUserMark): NsaStatus {
  let mask = 0;
  for (const r of claim.remarks) mask |= nsaRemarkBit(r);
  for (const line of claim.lines) for (const r of line.remarks) mask |= nsaRemarkBit(r);
  return nsaStatusOfRemarks(mask, userMark);
}

/** nsaStatus for a claim whose remarkBits are `bits` (the N878/N879 bits play no part). */
export function nsaStatusOfRemarks(bits: number, userMark?: NsaUserMark): NsaStatus {
  const mask = bits & NSA_BITS;
  if (mask !== 0) {
    let status = byRemarks.get(mask);
    if (!status) {
      const found = NSA_REMARKS.filter((_, k) => (mask & (1 << k)) !== 0);
      status = Object.freeze({ nsa: true, kind: found[0]!.kind, reason: remarkReason(found) });
      byRemarks.set(mask, status);
    }
    return status;
  }
  if (userMark) {
    let status = byMark.get(userMark);
    if (!status) {
      status = Object.freeze({
        nsa: true,
        kind: userMark,
        reason: `Marked by the biller: ${USER_MARK_WORDS[userMark]}`,
      });
      // Marks outside the three known ones (untyped callers) are not remembered.
      if (Object.hasOwn(USER_MARK_WORDS, userMark)) byMark.set(userMark, status);
    }
    return status;
  }
  return NOT_NSA;
}

/** Answers of nsaStatus per set of NSA remarks (a bit each, at most 2^5 sets) and per mark. */
const byRemarks = new Map<number, NsaStatus>();
const byMark = new Map<NsaUserMark, NsaStatus>();
const NOT_NSA: NsaStatus = Object.freeze({ nsa: false });

/** 45 CFR 149.510(b)(1): the notice is sent within 30 business days; negotiation then lasts 30 business days. */
export const OPEN_NEGOTIATION_NOTICE_WINDOW_BUSINESS_DAYS = 30;
export const OPEN_NEGOTIATION_PERIOD_BUSINESS_DAYS = 30;
/** 45 CFR 149.510(b)(2): IDR is initiated during the 4 business days after negotiation ends. */
export const IDR_INITIATION_WINDOW_BUSINESS_DAYS = 4;

/**
 * Last day to send the open negotiation notice: business day 30 in a count that makes the payment or
 * denial date day 1 (the next business day when it is not one). The regulation counts from the day the
 * provider *receives* the payment or denial (45 CFR 149.510(b)(1), domain.md 2.3); the remittance date
 * is the earliest that can be, so this date is never later than the true one.
 */
export function openNegotiationDeadline(paidDate: string, options: BusinessDayOptions = {}): string {
  if (options.extraClosedDays?.length) {
    return nthBusinessDay(paidDate, OPEN_NEGOTIATION_NOTICE_WINDOW_BUSINESS_DAYS, options);
  }
  let due = noticeDeadlines.get(paidDate);
  if (due === undefined) {
    due = nthBusinessDay(paidDate, OPEN_NEGOTIATION_NOTICE_WINDOW_BUSINESS_DAYS);
    if (noticeDeadlines.size >= MEMO_LIMIT) noticeDeadlines.clear();
    noticeDeadlines.set(paidDate, due);
  }
  return due;
}

/** Deadlines by start date, federal holidays only: claims paid on the same day share them. */
const MEMO_LIMIT = 50_000;
const noticeDeadlines = new Map<string, string>();
const idrWindows = new Map<string, IdrInitiationWindow>();

export interface IdrInitiationWindow {
  /** Business day 30 of open negotiation, its last day. */
  negotiationEnds: string;
  /** First day federal IDR may be initiated: business day 31. */
  from: string;
  /** Last day: business day 34. */
  to: string;
}

/**
 * When federal IDR may be initiated, from the date the open negotiation notice was sent.
 *
 * Counting (45 CFR 149.510(b)(1)-(2), domain.md 2.3-2.4): the 30-business-day negotiation period
 * begins on the day the notice is sent, so that day is business day 1 (the next business day when it
 * is not one) and day 30 is the last day of negotiation. IDR may be initiated during 4 business days
 * beginning on the 31st business day after negotiation began, i.e. the day after the period ends:
 * days 31, 32, 33 and 34 of the same count. (Reading "31st business day after the start" as excluding
 * the start day would shift the window one day later; domain.md 2.4, citing nsaidr.us, reads it as
 * above.) Example: a notice sent Monday 2026-03-02 (no holidays until May) ends negotiation Friday
 * 2026-04-10 (day 30); IDR runs Monday 2026-04-13 (day 31) to Thursday 2026-04-16 (day 34).
 */
export function idrInitiationWindow(
  noticeSentDate: string,
  options: BusinessDayOptions = {},
): IdrInitiationWindow {
  const plain = !options.extraClosedDays?.length;
  const known = plain ? idrWindows.get(noticeSentDate) : undefined;
  if (known) return { ...known };
  const ends = OPEN_NEGOTIATION_PERIOD_BUSINESS_DAYS;
  const window = {
    negotiationEnds: nthBusinessDay(noticeSentDate, ends, options),
    from: nthBusinessDay(noticeSentDate, ends + 1, options),
    to: nthBusinessDay(noticeSentDate, ends + IDR_INITIATION_WINDOW_BUSINESS_DAYS, options),
  };
  if (plain) {
    if (idrWindows.size >= MEMO_LIMIT) idrWindows.clear();
    idrWindows.set(noticeSentDate, { ...window });
  }
  return window;
}

export interface BalanceBillingFinding {
  kind: 'balance-billing';
  /** Absent for a claim-level adjustment. */
  lineNumber?: number;
  adjustment: Pick<Adjustment, 'group' | 'reason' | 'amountCents'>;
  amountCents: number;
  message: string;
}

/** Remarks that themselves say balance billing is prohibited (domain.md 4.4), NSA claim or not. */
const BALANCE_BILLING_PROHIBITED_REMARKS = ['N878', 'N879'] as const;

function formatDollars(cents: number): string {
  // Whole cents read the same through dollarsGrouped, without toLocaleString's cost.
  if (Number.isInteger(cents) && Math.abs(cents) <= 1e13) return dollarsGrouped(cents);
  const whole = Math.trunc(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}$${whole.toLocaleString('en-US')}.${rest}`;
}

/**
 * Patient responsibility the No Surprises Act forbids: on an NSA claim the patient owes only in-network
 * cost sharing (45 CFR 149.410, 149.420, 149.440; domain.md 2.1), so PR-45 (the excess over the allowed
 * amount) and any other PR amount beyond cost share is balance billing. Cost share is PR-1/2/3 plus the
 * other deductible and coinsurance CARCs categorizeAdjustment counts as 'patient-cost-share' (66, 247, 248). Also applies when the remit carries
 * N878 or N879. One finding per positive PR adjustment, claim or line level.
 */
export function balanceBillingFindings(
  claim: Pick<Claim, 'remarks' | 'lines' | 'adjustments'>,
  nsa: NsaStatus | boolean,
): BalanceBillingFinding[] {
  const why = balanceBillingGround(claim, nsa);
  if (why === undefined) return [];
  const findings: BalanceBillingFinding[] = [];
  for (const a of claim.adjustments) {
    const message = balanceBillingMessage(a, undefined, why);
    if (message !== undefined) findings.push(balanceBillingFinding(a, undefined, message));
  }
  for (const line of claim.lines) {
    for (const a of line.adjustments) {
      const message = balanceBillingMessage(a, line.lineNumber, why);
      if (message !== undefined) findings.push(balanceBillingFinding(a, line.lineNumber, message));
    }
  }
  return findings;
}

function balanceBillingFinding(
  a: Adjustment,
  lineNumber: number | undefined,
  message: string,
): BalanceBillingFinding {
  return {
    kind: 'balance-billing',
    ...(lineNumber === undefined ? {} : { lineNumber }),
    adjustment: { group: a.group, reason: a.reason, amountCents: a.amountCents },
    amountCents: a.amountCents,
    message,
  };
}

const ON_NSA_CLAIM = 'a No Surprises Act claim';
const ON_N878_AND_N879 = `a claim with remark ${BALANCE_BILLING_PROHIBITED_REMARKS.join(', ')}`;
const ON_N878 = `a claim with remark ${BALANCE_BILLING_PROHIBITED_REMARKS[0]}`;
const ON_N879 = `a claim with remark ${BALANCE_BILLING_PROHIBITED_REMARKS[1]}`;

/**
 * Why PR amounts beyond cost share are balance billing on this claim (`a No Surprises Act claim`, `a
 * claim with remark N879`), or undefined when they are not: the claim is not NSA and carries neither
 * N878 nor N879.
 */
export function balanceBillingGround(
  claim: Pick<Claim, 'remarks' | 'lines'>,
  nsa: NsaStatus | boolean,
): string | undefined {
  if (typeof nsa === 'boolean' ? nsa : nsa.nsa) return ON_NSA_CLAIM;
  if (!anyRemarks(claim)) return undefined;
  const n878 = hasRemark(claim, 'N878');
  const n879 = hasRemark(claim, 'N879');
  // `a claim with remark ${the ones present, in BALANCE_BILLING_PROHIBITED_REMARKS order}`.
  if (n878) return n879 ? ON_N878_AND_N879 : ON_N878;
  return n879 ? ON_N879 : undefined;
}

/** balanceBillingGround for a claim whose remarkBits are `bits`. */
export function balanceBillingGroundOfRemarks(bits: number, nsa: NsaStatus | boolean): string | undefined {
  if (typeof nsa === 'boolean' ? nsa : nsa.nsa) return ON_NSA_CLAIM;
  const n878 = (bits & N878_BIT) !== 0;
  const n879 = (bits & N879_BIT) !== 0;
  if (n878) return n879 ? ON_N878_AND_N879 : ON_N878;
  return n879 ? ON_N879 : undefined;
}

/**
 * The balance-billing finding's message for one adjustment (`lineNumber` undefined at claim level) on a
 * claim balanceBillingGround gave `why` for, or undefined when the adjustment is not balance billing.
 */
export function balanceBillingMessage(
  a: Adjustment,
  lineNumber: number | undefined,
  why: string,
): string | undefined {
  if (a.group !== 'PR' || a.amountCents <= 0) return undefined;
  if (categorizeAdjustment(a) === 'patient-cost-share') return undefined;
  const where = lineNumber === undefined ? 'Claim' : `Line ${lineNumber}`;
  const fix =
    a.reason === '45'
      ? 'ask the payer to reprocess it as CO-45, and do not bill the patient for it'
      : 'do not bill the patient beyond in-network cost sharing';
  return `${where}: PR-${a.reason} ${formatDollars(a.amountCents)} is balance billing on ${why}; ${fix}.`;
}
