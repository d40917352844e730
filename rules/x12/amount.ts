/**
 * Exact decimal reading for X12 `R` (decimal) elements. Amounts never pass through floating point:
 * "0.1" + "0.2" must be 30 cents, and a $40,000.07 line must not become 4000006.99999 cents.
 */

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;

/**
 * Whole-dollar parts from here on (14 or more digits once leading zeros are dropped) are refused: it
 * keeps `dollars * 100 + cents` a safe integer. `dollars` is exact below it, and once the digits read
 * reach it, it cannot fall back under it, so comparing after the loop is counting the digits.
 */
const TOO_MANY_DOLLARS = 1e13;

/**
 * Reads an X12 decimal amount ("1234.5", "-12.00", ".5", "0") into integer cents.
 * Returns `null` for anything else: empty text, spaces, a second dot, exponents, or a third decimal
 * digit that is not zero (cents are the smallest unit an 835 moves, domain.md 6.2).
 */
export function parseCents(text: string): number | null {
  return parseCentsIn(text, 0, text.length);
}

/** `parseCents` of `text.slice(from, to)`, read in place. */
export function parseCentsIn(text: string, from: number, to: number): number | null {
  const n = to;
  if (n === from) return null;
  let i = from;
  let negative = false;
  if (text.charCodeAt(from) === MINUS) {
    negative = true;
    i = from + 1;
  }
  let dollars = 0;
  const intStart = i;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) break;
    if (c < ZERO || c > NINE) return null;
    dollars = dollars * 10 + (c - ZERO);
  }
  const intDigits = i - intStart;
  // Zero-padded amounts ("000000000000000" in masked files) are fine; only value digits count.
  if (dollars >= TOO_MANY_DOLLARS) return null;
  let cents = 0;
  let fracDigits = 0;
  if (i < n) {
    i++;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return null;
      if (fracDigits < 2) cents = cents * 10 + (c - ZERO);
      else if (c !== ZERO) return null;
      fracDigits++;
    }
    if (fracDigits === 0 && intDigits === 0) return null;
  } else if (intDigits === 0) {
    return null;
  }
  if (fracDigits === 1) cents *= 10;
  const total = dollars * 100 + cents;
  return negative ? -total : total;
}

/**
 * Reads an X12 decimal quantity (units, CAS quantity): same grammar as amounts, any number of
 * decimals. Units are not money, so a float is the right type here.
 */
export function parseQuantity(text: string): number | null {
  return parseQuantityIn(text, 0, text.length);
}

/** `parseQuantity` of `text.slice(from, to)`; only a valid number is turned into a string. */
export function parseQuantityIn(text: string, from: number, to: number): number | null {
  const n = to;
  if (n === from || n - from > 15) return null;
  let i = text.charCodeAt(from) === MINUS ? from + 1 : from;
  let digits = 0;
  let dots = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      dots++;
      if (dots > 1) return null;
    } else if (c >= ZERO && c <= NINE) {
      digits++;
    } else {
      return null;
    }
  }
  if (digits === 0) return null;
  if (to - from === 1) return text.charCodeAt(from) - ZERO;
  return Number(from === 0 && to === text.length ? text : text.slice(from, to));
}

/** "$1,234.50", "-$12.00": for human messages only (balance errors), never for storage. */
export function formatDollars(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}.${frac < 10 ? '0' : ''}${frac}`;
}
