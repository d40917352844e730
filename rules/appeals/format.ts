/**
 * Letter formatting: the edge where integer cents and ISO dates become words (STYLE.md "format only at
 * the edge"). Written out by hand so the text never depends on the runtime's locale data.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `123450` → `$1,234.50`; negative amounts as `-$12.00`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100).toString().padStart(2, '0');
  return `${sign}$${whole}.${fraction}`;
}

/** `2026-11-27` → `November 27, 2026`. The input is an ISO date checked by the model. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1];
  if (month === undefined || !Number.isInteger(y) || !Number.isInteger(d)) {
    throw new Error(`formatDate: "${isoDate}" is not a YYYY-MM-DD date`);
  }
  return `${month} ${d}, ${y}`;
}

/** A single date, or `from through to` when a range spans days. */
export function formatDateRange(from: string, to?: string): string {
  return to && to !== from ? `${formatDate(from)} through ${formatDate(to)}` : formatDate(from);
}

/** `1 unit`, `2 units`, `1.5 units`. */
export function formatUnits(units: number): string {
  return `${units} ${units === 1 ? 'unit' : 'units'}`;
}

/** Joins words as `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `remark N864`, `remarks N864 and N877`: a label before a list of codes. */
export function codeList(singular: string, codes: readonly string[]): string {
  return `${singular}${codes.length === 1 ? '' : 's'} ${joinWords(codes)}`;
}
