import { addMonths } from 'date-fns';
import { isIsoDate } from '../model';

/** Splits an ISO date, failing loudly on anything else: deadlines computed from a bad date are worse than none. */
export function isoParts(isoDate: string): [year: number, month: number, day: number] {
  if (!isIsoDate(isoDate)) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  }
  return isoDate.split('-').map(Number) as [number, number, number];
}

function utcDate(isoDate: string): Date {
  const [y, m, d] = isoParts(isoDate);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Adds calendar days to an ISO date (UTC arithmetic, no clock). */
export function addCalendarDays(isoDate: string, days: number): string {
  const t = utcDate(isoDate);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  return utcDate(isoDate).getUTCDay();
}

/**
 * Adds calendar months with date-fns's end-of-month rule: a day the target month lacks becomes its
 * last day (2024-02-29 + 12 months = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29).
 */
export function addCalendarMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoParts(isoDate);
  const local = new Date(y, m - 1, d);
  local.setFullYear(y);
  const t = addMonths(local, months);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1, 2)}-${pad(t.getDate(), 2)}`;
}
