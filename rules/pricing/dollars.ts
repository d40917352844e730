/**
 * `$12.34` for basis text: the same characters as `$${(cents / 100).toFixed(2)}` (negative amounts
 * read `$-0.05`), built from integer cents without toFixed, which is slow on the pricing hot path.
 * Fractional cents (a split of an odd amount) and absurdly large amounts keep toFixed's rounding.
 */
export function dollarText(cents: number): string {
  // Past $100 billion cents/100 is no longer exact in a double, and toFixed shows that; follow it.
  if (!Number.isInteger(cents) || cents > 1e13 || cents < -1e13) return `$${(cents / 100).toFixed(2)}`;
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `$${negative ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** `.00` to `.99`, by cents. */
const CENTS: readonly string[] = Array.from({ length: 100 }, (_, c) => `.${c < 10 ? '0' : ''}${c}`);
/** `000` to `999`: a group after a thousands separator. */
const GROUP: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** Thousands separators for a whole number of dollars: 1234567 -> `1,234,567`. */
function grouped(whole: number): string {
  if (whole < 1000) return String(whole);
  if (whole < 1_000_000) return `${Math.floor(whole / 1000)},${GROUP[whole % 1000]}`;
  const s = String(whole);
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}

/**
 * `$1,234.56` (`-$1,234.56` below zero) for finding messages: the same characters as
 * `(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })`
 * behind the sign, built from integer cents; toLocaleString costs microseconds a call, and every
 * underpaid line's message has three amounts. Fractional or huge amounts keep toLocaleString's rounding.
 */
export function dollarsGrouped(cents: number): string {
  const abs = Math.abs(cents);
  if (!Number.isInteger(abs) || abs > 1e13) {
    const sign = cents < 0 ? '-' : '';
    return `${sign}$${(abs / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  const whole = Math.floor(abs / 100);
  const text = `$${grouped(whole)}${CENTS[abs - whole * 100]}`;
  return cents < 0 ? `-${text}` : text;
}
