import type { Adjustment, AdjustmentGroup, ClaimStatus } from '../model';

/**
 * Parsers for the text portals show. Each returns the value, `undefined` for an empty cell
 * (blank, dash, "N/A"), or `null` when the text is present but not a valid value: the caller
 * then reports the field as unreadable instead of guessing.
 */

export type Parsed<T> = T | undefined | null;

const EMPTY = /^(|-|–|—|n\/a|na|none|--)$/i;

/** Text that folding would change: a whitespace run, whitespace other than a space, or at either end. */
const UNNORMALIZED = /\s\s|[^\S ]|^\s|\s$/;

export function normalizeText(s: string | null | undefined): string {
  if (!s) return '';
  // Most cells are already folded ("128.40"): one test instead of a replace and a trim.
  if (!UNNORMALIZED.test(s)) return s;
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function isEmptyText(s: string): boolean {
  return EMPTY.test(s.trim());
}

// Accepts $1,234.50 · 1234.5 · (12.00) · -12.00 · -$12.00 · $-12.00 · USD 12.00 · 12.00 CR.
// Thousands separators must be well placed: "1,23.45" is rejected rather than read as 123.45.
const MONEY =
  /^(\()?\s*(-)?\s*(?:USD\s*)?\$?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?\s*(\))?\s*(CR)?$/i;

/** Money text → integer cents. Parentheses, a minus sign or a trailing CR make it negative. */
/** The common shape (128.40, $1234.50): read without the general pattern's seven groups. */
const PLAIN_MONEY = /^\$?(\d+)\.(\d\d)$/;

export function parseMoney(text: string): Parsed<number> {
  const plain = PLAIN_MONEY.exec(text);
  if (plain) {
    const value = Number(plain[1]) * 100 + Number(plain[2]);
    return Number.isSafeInteger(value) ? value : null;
  }
  const s = normalizeText(text);
  if (isEmptyText(s)) return undefined;
  const m = MONEY.exec(s);
  if (!m) return null;
  const [, open, minus1, minus2, whole, frac, close, cr] = m;
  if (whole === undefined && frac === undefined) return null;
  if (Boolean(open) !== Boolean(close)) return null;
  const dollars = whole ? Number(whole.replace(/,/g, '')) : 0;
  const cents = frac ? Number(frac.padEnd(2, '0')) : 0;
  const value = dollars * 100 + cents;
  if (!Number.isSafeInteger(value)) return null;
  const negative = Boolean(open) || Boolean(minus1) || Boolean(minus2) || Boolean(cr);
  return negative ? -value : value;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date as portals write it (MM/DD/YYYY, M/D/YY, YYYY-MM-DD, "Nov 4, 2026", "04-Nov-2026") → ISO. */
export function parseDate(text: string): Parsed<string> {
  const s = normalizeText(text);
  if (isEmptyText(s)) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = Number(m[3]);
    // Two-digit years on remittances are recent: 00-69 → 2000s, 70-99 → 1900s.
    if (m[3]!.length === 2) y += y < 70 ? 2000 : 1900;
    return iso(y, Number(m[1]), Number(m[2]));
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.slice(0, m[1]!.length === 4 ? 4 : 3).toLowerCase()];
    return mo ? iso(Number(m[3]), mo, Number(m[2])) : null;
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    return mo ? iso(Number(m[3]), mo, Number(m[1])) : null;
  }
  return null;
}

/** A date range "01/02/2026 - 01/05/2026" or a single date → [from, to]. */
export function parseDateRange(text: string): Parsed<[string, string]> {
  const s = normalizeText(text);
  if (isEmptyText(s)) return undefined;
  const parts = s.split(/\s+(?:-|–|to|through|thru)\s+/i);
  if (parts.length === 1) {
    const d = parseDate(s);
    return d ? [d, d] : (d as null | undefined);
  }
  if (parts.length !== 2) return null;
  const from = parseDate(parts[0]!);
  const to = parseDate(parts[1]!);
  if (!from || !to || to < from) return null;
  return [from, to];
}

/** Units: a positive number ("1", "2.0", "1.5"). */
export function parseUnits(text: string): Parsed<number> {
  const s = normalizeText(text);
  if (isEmptyText(s)) return undefined;
  if (!/^\d{1,5}(\.\d{1,3})?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/** A procedure code cell, possibly with modifiers attached: "99214", "99214-25", "29881 RT". */
export function parseProcedure(text: string): Parsed<{ code: string; modifiers: string[] }> {
  const s = normalizeText(text).toUpperCase();
  if (isEmptyText(s)) return undefined;
  // CPT is four digits and a digit or letter (99214, 0042T); HCPCS a letter and four digits (G0121).
  // Requiring the digits keeps words such as "TOTAL" from being read as codes.
  const m =
    /^(\d{4}[A-Z0-9]|[A-Z]\d{4})(?:\s*[-: ,]\s*([A-Z0-9]{2}(?:\s*[-:, ]\s*[A-Z0-9]{2}){0,3}))?(?:\s+.*)?$/.exec(
      s,
    );
  if (!m) return null;
  const modifiers = m[2] ? m[2].split(/[\s,:-]+/).filter(Boolean) : [];
  return { code: m[1]!, modifiers };
}

/** Modifier cell: "25, 59" · "RT LT" · "26". */
export function parseModifiers(text: string): Parsed<string[]> {
  const s = normalizeText(text).toUpperCase();
  if (isEmptyText(s)) return [];
  const parts = s.split(/[\s,;/:-]+/).filter(Boolean);
  if (parts.length > 4 || parts.some((p) => !/^[A-Z0-9]{2}$/.test(p))) return null;
  return parts;
}

/** Remark codes: "N130, MA01" · "N381 - Consult our contractual agreement" (descriptions dropped). */
export function parseRemarks(text: string): Parsed<string[]> {
  const s = normalizeText(text).toUpperCase();
  if (isEmptyText(s)) return [];
  const codes = s.match(/\b(?:M|N|MA)\d{1,4}\b/g) ?? [];
  if (codes.length === 0) return null;
  return [...new Set(codes)];
}

const GROUP = '(CO|PR|OA|PI|CR)';
const ADJ = new RegExp(
  `${GROUP}\\s*[-–: ]?\\s*([A-Z]?\\d{1,3})\\b(?:\\s*[:=@]?\\s*(\\(?-?\\$?-?[\\d,]*\\.?\\d+\\)?))?`,
  'g',
);

/**
 * Adjustments as portals list them: "CO-45: $121.60; PR-2 $25.68" or "CO 45 121.60".
 * Each code must carry its amount, otherwise the cell is unreadable (null): a code without an
 * amount cannot be attributed.
 */
export function parseAdjustments(text: string): Parsed<Adjustment[]> {
  const s = normalizeText(text).toUpperCase();
  if (isEmptyText(s)) return [];
  const out: Adjustment[] = [];
  for (const m of s.matchAll(ADJ)) {
    const amount = m[3] === undefined ? undefined : parseMoney(m[3]);
    if (amount === undefined || amount === null) return null;
    out.push({ group: m[1] as AdjustmentGroup, reason: m[2]!, amountCents: amount });
  }
  if (out.length === 0) return null;
  // Anything left besides separators means a format we do not understand.
  const rest = s.replace(ADJ, '').replace(/[\s,;|/]+/g, '');
  if (rest.length > 0) return null;
  return out;
}

/** Group code cell ("CO") and reason code cell ("45, 253") for portals that split them. */
export function parseGroup(text: string): Parsed<AdjustmentGroup> {
  const s = normalizeText(text).toUpperCase();
  if (isEmptyText(s)) return undefined;
  return /^(CO|PR|OA|PI|CR)$/.test(s) ? (s as AdjustmentGroup) : null;
}

/** Claim status words → the model's status. Unknown words are kept as `unknown`, never guessed. */
export function parseStatus(text: string): Parsed<ClaimStatus> {
  const s = normalizeText(text).toLowerCase();
  if (isEmptyText(s)) return undefined;
  if (/revers/.test(s)) return 'reversed';
  if (/den(y|ied|ial)|reject/.test(s)) return 'denied';
  if (/partial/.test(s)) return 'partial';
  if (/pend|in process|in review|received|suspend|acknowledg|not yet/.test(s)) return 'pending';
  // After the pending words: "not yet paid" is pending, "processed - not paid" is a denial.
  if (/\bnot paid\b|\bunpaid\b|\bno payment\b|\bzero pa(id|y)/.test(s)) return 'denied';
  if (/paid|finalized|processed|adjudicated|complete|approved/.test(s)) return 'paid';
  return 'unknown';
}

const ALL_DIGITS = /^\d+$/;

/** An NPI (10 digits) or TIN (9 digits, dashes allowed). */
export function parseDigits(text: string, length: number): Parsed<string> {
  const s = normalizeText(text).replace(/[-\s]/g, '');
  if (isEmptyText(s)) return undefined;
  return s.length === length && ALL_DIGITS.test(s) ? s : null;
}
