import {
  AdjustmentGroupSchema,
  AdjustmentSchema,
  type Claim,
  ClaimLineSchema,
  ClaimSchema,
  ClaimStatusSchema,
} from '../model';

/**
 * A hand-written twin of `ClaimSchema` for the 835 reader's hot path: zod costs tens of microseconds
 * per claim, this a fraction of one. It answers one narrow question: would `ClaimSchema.parse(value)`
 * succeed and return a value deep-equal to `value` (same fields, nothing trimmed)? When it says no,
 * the caller asks zod, which then decides and words the error, so a false "no" costs only time.
 * tests/unit/rules/x12/claim-check.test.ts pins the equivalence on random valid and invalid claims;
 * a change to ClaimSchema that is not made here fails that test.
 */

type Obj = Record<string, unknown>;

/** Fields and enum values from the schemas themselves (strict objects accept no other keys). */
const CLAIM_KEYS: ReadonlySet<string> = new Set(Object.keys(ClaimSchema.shape));
const LINE_KEYS: ReadonlySet<string> = new Set(Object.keys(ClaimLineSchema.shape));
const ADJUSTMENT_KEYS: ReadonlySet<string> = new Set(Object.keys(AdjustmentSchema.shape));
const STATUSES: ReadonlySet<unknown> = new Set(ClaimStatusSchema.options);
const PLAN_TYPES: ReadonlySet<unknown> = new Set(ClaimSchema.shape.planType.unwrap().options);
const GROUPS: ReadonlySet<unknown> = new Set(AdjustmentGroupSchema.options);

const CLAIM_ORDER: readonly string[] = [...CLAIM_KEYS];
const LINE_ORDER: readonly string[] = [...LINE_KEYS];
const ADJUSTMENT_ORDER: readonly string[] = [...ADJUSTMENT_KEYS];

/**
 * A plain object (what zod returns) whose own and inherited enumerable keys are all in `keys`, as
 * strictObject checks with for-in. Keys that come in the schema's order (`order`, how the 835 reader
 * and zod make objects) are found by walking along it, comparing interned keys by identity; the first
 * key out of that order sends this and every later key to the set.
 */
function isPlainWithKeys(v: unknown, keys: ReadonlySet<string>, order: readonly string[]): v is Obj {
  if (typeof v !== 'object' || v === null) return false;
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  const n = order.length;
  let j = 0;
  for (const k in v) {
    while (j < n && order[j] !== k) j++;
    if (j < n) {
      j++;
      continue;
    }
    if (!keys.has(k)) return false;
  }
  return true;
}

function isCents(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function isOptionalCents(v: unknown): boolean {
  return v === undefined || isCents(v);
}

/** `z.string().max(max)`, optional. */
function isOptionalText(v: unknown, max: number): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= max);
}

/** `z.string().trim().min(min).max(max)` whose trim changes nothing. */
function isTrimmed(v: unknown, min: number, max: number): boolean {
  if (typeof v !== 'string' || v.length < min || v.length > max) return false;
  if (v.length === 0) return true;
  // Printable ASCII other than space at both ends: nothing for trim to take (it only takes white space).
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return true;
  return v.trim() === v;
}

function isOptionalTrimmed(v: unknown): boolean {
  return v === undefined || isTrimmed(v, 0, 200);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function isDigits(v: unknown, n: number): boolean {
  if (typeof v !== 'string' || v.length !== n) return false;
  for (let i = 0; i < n; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

/** `/^[A-Z0-9]{min,max}$/`. */
function isCode(v: unknown, min: number, max: number): boolean {
  if (typeof v !== 'string' || v.length < min || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!isUpperOrDigit(v.charCodeAt(i))) return false;
  return true;
}

/** `/^[A-Z]{1,2}\d{1,4}$/`. */
function isRemark(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const n = v.length;
  let letters = 0;
  while (letters < n && letters < 3) {
    const c = v.charCodeAt(letters);
    if (c < 65 || c > 90) break;
    letters++;
  }
  if (letters < 1 || letters > 2) return false;
  const digits = n - letters;
  if (digits < 1 || digits > 4) return false;
  for (let i = letters; i < n; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `isIsoDate` from model.ts without a regex or a Date: `\d{4}-\d{2}-\d{2}` naming a real day. Date.UTC
 * reads years 0-99 as 1900-1999, so the model refuses years below 100; this does the same.
 */
function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 10) return false;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = v.charCodeAt(i);
    if (!isDigit(c)) return false;
    year = year * 10 + c - 48;
  }
  const m1 = v.charCodeAt(5);
  const m2 = v.charCodeAt(6);
  const d1 = v.charCodeAt(8);
  const d2 = v.charCodeAt(9);
  if (!isDigit(m1) || !isDigit(m2) || !isDigit(d1) || !isDigit(d2)) return false;
  const month = (m1 - 48) * 10 + m2 - 48;
  const day = (d1 - 48) * 10 + d2 - 48;
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** The last string isIsoDate accepted: the 835 reader shares one string per date, so most checks are this one. */
let lastIsoDate = '2000-01-01';

function isOptionalDate(v: unknown): boolean {
  if (v === undefined || v === lastIsoDate) return true;
  if (!isIsoDate(v)) return false;
  lastIsoDate = v as string;
  return true;
}

/** `z.array(item).max(max)`: a real array, every index read (holes are undefined, as zod reads them). */
function isArrayOf(v: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}

function isModifier(v: unknown): boolean {
  return isCode(v, 2, 2);
}

// isArrayOf for each item check, written out so each check is inlined into its loop.
function isModifiers(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 4) return false;
  for (let i = 0; i < v.length; i++) if (!isModifier(v[i])) return false;
  return true;
}

function isAdjustments(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isAdjustment(v[i])) return false;
  return true;
}

function isRemarks(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isRemark(v[i])) return false;
  return true;
}

function isLines(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 5000) return false;
  for (let i = 0; i < v.length; i++) if (!isLine(v[i])) return false;
  return true;
}

function isAdjustment(v: unknown): boolean {
  if (!isPlainWithKeys(v, ADJUSTMENT_KEYS, ADJUSTMENT_ORDER)) return false;
  const q = v.quantity;
  return (
    GROUPS.has(v.group) &&
    isCode(v.reason, 1, 5) &&
    isCents(v.amountCents) &&
    (q === undefined || (typeof q === 'number' && Number.isFinite(q)))
  );
}

function isLine(v: unknown): boolean {
  if (!isPlainWithKeys(v, LINE_KEYS, LINE_ORDER)) return false;
  const n = v.lineNumber;
  const units = v.units;
  return (
    typeof n === 'number' &&
    Number.isSafeInteger(n) &&
    n > 0 &&
    isCode(v.code, 4, 8) &&
    isModifiers(v.modifiers) &&
    typeof units === 'number' &&
    Number.isFinite(units) &&
    units > 0 &&
    isOptionalDate(v.serviceDate) &&
    isOptionalDate(v.serviceDateTo) &&
    (v.placeOfService === undefined || isDigits(v.placeOfService, 2)) &&
    isCents(v.billedCents) &&
    isOptionalCents(v.allowedCents) &&
    isCents(v.paidCents) &&
    isOptionalCents(v.deductibleCents) &&
    isOptionalCents(v.coinsuranceCents) &&
    isOptionalCents(v.copayCents) &&
    isOptionalCents(v.patientResponsibilityCents) &&
    isAdjustments(v.adjustments) &&
    isRemarks(v.remarks) &&
    (v.originalCode === undefined || isCode(v.originalCode, 4, 8)) &&
    (v.originalModifiers === undefined || isModifiers(v.originalModifiers)) &&
    isOptionalText(v.controlNumber, 50)
  );
}

function isBalanceError(v: unknown): boolean {
  return typeof v === 'string' && v.length <= 300;
}

/**
 * The last payment header isPaymentHeader accepted. Every claim of an 835 transaction carries the
 * same payer, payee, paid date and check number, so most claims are checked by seven comparisons.
 * Only strings and undefined are ever kept here, and their checks depend on nothing else.
 */
const lastHeader: unknown[] = [NaN, NaN, NaN, NaN, NaN, NaN, NaN];

/** The claim fields an 835 takes from its transaction's header (payer, payee, paid date, check number). */
function isPaymentHeader(v: Obj): boolean {
  const h = lastHeader;
  if (
    v.payerName === h[0] &&
    v.payerId === h[1] &&
    v.providerName === h[2] &&
    v.providerNpi === h[3] &&
    v.providerTin === h[4] &&
    v.paidDate === h[5] &&
    v.checkNumber === h[6]
  ) {
    return true;
  }
  const ok =
    isTrimmed(v.payerName, 1, 200) &&
    isOptionalTrimmed(v.payerId) &&
    isOptionalTrimmed(v.providerName) &&
    (v.providerNpi === undefined || isDigits(v.providerNpi, 10)) &&
    (v.providerTin === undefined || isDigits(v.providerTin, 9)) &&
    isOptionalDate(v.paidDate) &&
    isOptionalTrimmed(v.checkNumber);
  if (ok) {
    h[0] = v.payerName;
    h[1] = v.payerId;
    h[2] = v.providerName;
    h[3] = v.providerNpi;
    h[4] = v.providerTin;
    h[5] = v.paidDate;
    h[6] = v.checkNumber;
  }
  return ok;
}

/**
 * The payment header fields (payerName, payerId, providerName, providerNpi, providerTin, paidDate,
 * checkNumber) of `header` pass exactly as isCanonicalClaim would pass them on a claim carrying them,
 * and Object.prototype has no enumerable key (for-in would see it on every plain object). The 835
 * reader asks this once per transaction instead of once per claim.
 */
export function isCanonicalPaymentHeader(header: Record<string, unknown>): boolean {
  for (const _ in {}) return false;
  return isPaymentHeader(header);
}

/**
 * True only when `ClaimSchema.safeParse(value)` succeeds with data deep-equal to `value`; false
 * otherwise, including for claims zod accepts after trimming a field (ask zod then).
 */
export function isCanonicalClaim(value: unknown): value is Claim {
  if (!isPlainWithKeys(value, CLAIM_KEYS, CLAIM_ORDER)) return false;
  const v = value;
  return (
    isTrimmed(v.claimNumber, 1, 60) &&
    isOptionalTrimmed(v.patientAccount) &&
    isOptionalTrimmed(v.patientName) &&
    isOptionalTrimmed(v.memberId) &&
    isPaymentHeader(v) &&
    (v.planType === undefined || PLAN_TYPES.has(v.planType)) &&
    isOptionalText(v.claimFilingIndicator, 3) &&
    isOptionalDate(v.serviceDateFrom) &&
    isOptionalDate(v.serviceDateTo) &&
    isOptionalDate(v.receivedDate) &&
    STATUSES.has(v.status) &&
    isOptionalTrimmed(v.statusText) &&
    isOptionalText(v.statusCode, 3) &&
    isCents(v.billedCents) &&
    isOptionalCents(v.allowedCents) &&
    isCents(v.paidCents) &&
    isOptionalCents(v.patientResponsibilityCents) &&
    (v.placeOfService === undefined || isDigits(v.placeOfService, 2)) &&
    isAdjustments(v.adjustments) &&
    isRemarks(v.remarks) &&
    isLines(v.lines) &&
    (v.balanceErrors === undefined || isArrayOf(v.balanceErrors, Number.POSITIVE_INFINITY, isBalanceError)) &&
    isOptionalText(v.reversesClaimNumber, 60)
  );
}
