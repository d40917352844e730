import { addMonths } from 'date-fns';
import { isIsoDate } from '../model';

/** Splits an ISO date, failing loudly on anything else: deadlines computed from a bad date are worse than none. */
export function isoParts(isoDate: string): [year: number, month: number, day: number] {
  if (!isIsoDate(isoDate)) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  }
  return isoDate.split('-').map(Number) as [number, number, number];
}

const DAY_MS = 86_400_000;

/** Parsed dates, by string: scoring asks about the same few hundred remittance dates again and again. */
const epochDays = new Map<string, number>();
const EPOCH_DAYS_LIMIT = 100_000;

/**
 * Days since 1970-01-01 (UTC) of an ISO date, failing loudly as isoParts does. Remembered per string,
 * so a date is checked and parsed once however many claims carry it.
 */
export function epochDay(isoDate: string): number {
  let day = epochDays.get(isoDate);
  if (day === undefined) {
    const [y, m, d] = isoParts(isoDate);
    day = Date.UTC(y, m - 1, d) / DAY_MS;
    if (epochDays.size >= EPOCH_DAYS_LIMIT) epochDays.clear();
    epochDays.set(isoDate, day);
  }
  return day;
}

/** The ISO date of a day number (as `Date#toISOString` writes it; outside years 0100-9999 isoParts refuses it). */
export function isoDateOfDay(day: number): string {
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size >= EPOCH_DAYS_LIMIT) isoDates.clear();
    isoDates.set(day, iso);
  }
  return iso;
}

/** Written dates by day number, the other way round from `epochDays`. */
const isoDates = new Map<number, string>();

/** Adds calendar days to an ISO date (UTC arithmetic, no clock). Fractions of a day are dropped. */
export function addCalendarDays(isoDate: string, days: number): string {
  return isoDateOfDay(epochDay(isoDate) + Math.trunc(days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Day of the week of a day number, 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  return weekdayOfDay(epochDay(isoDate));
}

/**
 * Adds calendar months with date-fns's end-of-month rule: a day the target month lacks becomes its
 * last day (2024-02-29 + 12 months = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29).
 */
export function addCalendarMonths(isoDate: string, months: number): string {
  const key = `${isoDate}|${months}`;
  let out = monthSums.get(key);
  if (out === undefined) {
    out = computeAddCalendarMonths(isoDate, months);
    if (monthSums.size >= EPOCH_DAYS_LIMIT) monthSums.clear();
    monthSums.set(key, out);
  }
  return out;
}

/** Answers of addCalendarMonths by `date|months`: appeal windows in months are asked per claim. */
const monthSums = new Map<string, string>();

function computeAddCalendarMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoParts(isoDate);
  const local = new Date(y, m - 1, d);
  local.setFullYear(y);
  const t = addMonths(local, months);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1, 2)}-${pad(t.getDate(), 2)}`;
}
