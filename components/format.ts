/** Formatting at the edge: cents → "$1,234.50", ISO → "Nov 4, 2026". */
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return USD.format(cents / 100);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

export function codeWithModifiers(code: string, modifiers: readonly string[]): string {
  return modifiers.length ? `${code}-${modifiers.join('-')}` : code;
}

export const PAGE_KIND_LABEL: Record<string, string> = {
  claimList: 'claim list',
  claimDetail: 'claim detail',
  remittance: 'remittance',
  disputeForm: 'dispute form',
};

/** A moment as the biller's calendar date, ISO `YYYY-MM-DD` in local time (the edge where the clock is read). */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
