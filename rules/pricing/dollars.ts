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
