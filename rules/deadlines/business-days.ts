/**
 * Business days for No Surprises Act clocks: Monday to Friday, except federal holidays on the day
 * they are observed (5 U.S.C. 6103; Saturday holidays are observed the Friday before, Sunday holidays
 * the Monday after, so 2022-01-01 (Saturday) was observed 2021-12-31). The NSA counts business days
 * this way (domain.md 2.3, 2.4).
 *
 * The holiday list comes from @18f/us-federal-holidays (OPM's list, CC0), a deliberate exception to
 * "rules/ imports only zod" (STYLE.md): observance rules and new holidays (Juneteenth from 2021) are
 * better taken from a maintained list than re-derived here. Its `allForYear` already shifts weekend
 * holidays to the observed weekday (`shiftSaturdayHolidays`, `shiftSundayHolidays`, both default true;
 * we pass them explicitly) and returns `dateString` as `YYYY-MM-DD` in one consistent time zone.
 *
 * Not treated as holidays: Inauguration Day (5 U.S.C. 6103(c) gives it only to federal employees in
 * the Washington, DC area, and the library does not list it), and one-off closures by executive order
 * (e.g. a national day of mourning). Add such days through `extraClosedDays` when a regulator counts them.
 */
import { allForYear } from '@18f/us-federal-holidays';
import { isIsoDate } from '../model';
import { epochDay, isoDateOfDay, isoParts, weekdayOfDay } from './calendar';

const OBSERVED = { shiftSaturdayHolidays: true, shiftSundayHolidays: true } as const;

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/**
 * Observed federal holidays falling in `year`. New Year's Day of `year + 1` can be observed on
 * December 31 of `year`, so the next year's list is read too.
 */
export function federalHolidays(year: number): ReadonlySet<string> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const dates = [...allForYear(year, OBSERVED), ...allForYear(year + 1, OBSERVED)]
    .map((h) => h.dateString)
    .filter((d) => d.startsWith(prefix));
  const set = new Set(dates);
  holidaysByYear.set(year, set);
  return set;
}

/** True when `isoDate` is an observed federal holiday. */
export function isFederalHoliday(isoDate: string): boolean {
  return federalHolidays(isoParts(isoDate)[0]).has(isoDate);
}

// Day numbers (days since 1970-01-01) for the counting loops: a date is parsed once and written once,
// however many days are stepped over in between.

/** Observed holidays as day numbers, for every year from the first to the last year loaded so far. */
const holidayDays = new Set<number>();
let holidaysFrom = 0;
let holidaysTo = -1;

function yearStartDay(year: number): number {
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(year);
  return t.getTime() / 86_400_000;
}

function loadHolidayYears(fromYear: number, toYear: number): void {
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const date of federalHolidays(year)) holidayDays.add(epochDay(date));
  }
}

function isHolidayDay(day: number): boolean {
  if (day < holidaysFrom || day > holidaysTo) {
    const year = new Date(day * 86_400_000).getUTCFullYear();
    if (holidaysTo < holidaysFrom) {
      loadHolidayYears(year, year);
      holidaysFrom = yearStartDay(year);
      holidaysTo = yearStartDay(year + 1) - 1;
    } else if (day < holidaysFrom) {
      const firstLoaded = new Date(holidaysFrom * 86_400_000).getUTCFullYear();
      loadHolidayYears(year, firstLoaded - 1);
      holidaysFrom = yearStartDay(year);
    } else {
      const lastLoaded = new Date(holidaysTo * 86_400_000).getUTCFullYear();
      loadHolidayYears(lastLoaded + 1, year);
      holidaysTo = yearStartDay(year + 1) - 1;
    }
  }
  return holidayDays.has(day);
}

/** The first and last day numbers a YYYY-MM-DD date can have: outside them the old string walk threw. */
const FIRST_DAY = Date.UTC(100, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(9999, 11, 31) / 86_400_000;

/** Extra closed days as day numbers; a string that is not a date can never match one. */
function closedDays(options: BusinessDayOptions): ReadonlySet<number> | undefined {
  const extra = options.extraClosedDays;
  if (!extra || extra.length === 0) return undefined;
  const out = new Set<number>();
  for (const d of extra) if (typeof d === 'string' && isIsoDate(d)) out.add(epochDay(d));
  return out;
}

function isBusinessDayNumber(day: number, closed: ReadonlySet<number> | undefined): boolean {
  if (day < FIRST_DAY || day > LAST_DAY) isoParts(isoDateOfDay(day)); // throws, naming the date
  const dow = weekdayOfDay(day);
  if (dow === 0 || dow === 6) return false;
  if (isHolidayDay(day)) return false;
  return closed === undefined || !closed.has(day);
}

function nextBusinessDayNumber(day: number, closed: ReadonlySet<number> | undefined): number {
  let d = day;
  while (!isBusinessDayNumber(d, closed)) d += 1;
  return d;
}

function stepBusinessDays(
  day: number,
  businessDays: number,
  closed: ReadonlySet<number> | undefined,
): number {
  const step = businessDays < 0 ? -1 : 1;
  let d = day;
  for (let left = Math.abs(businessDays); left > 0; ) {
    d += step;
    if (isBusinessDayNumber(d, closed)) left -= 1;
  }
  return d;
}

export interface BusinessDayOptions {
  /** Further ISO dates to treat as closed, e.g. an executive-order closure. */
  extraClosedDays?: readonly string[];
}

/** Monday to Friday and not an observed federal holiday. */
export function isBusinessDay(isoDate: string, options: BusinessDayOptions = {}): boolean {
  return isBusinessDayNumber(epochDay(isoDate), closedDays(options));
}

/** `isoDate` when it is a business day, else the next one. */
export function nextBusinessDayOnOrAfter(isoDate: string, options: BusinessDayOptions = {}): string {
  const day = epochDay(isoDate);
  const next = nextBusinessDayNumber(day, closedDays(options));
  return next === day ? isoDate : isoDateOfDay(next);
}

/**
 * Moves `businessDays` business days forward (or back when negative); 0 returns `isoDate` as is.
 * From a weekend or holiday the first step lands on the next business day (Saturday + 1 = Monday).
 */
export function addBusinessDays(
  isoDate: string,
  businessDays: number,
  options: BusinessDayOptions = {},
): string {
  if (!Number.isInteger(businessDays))
    throw new RangeError(`businessDays must be an integer, got ${businessDays}`);
  if (businessDays === 0) return isoDate;
  return isoDateOfDay(stepBusinessDays(epochDay(isoDate), businessDays, closedDays(options)));
}

/**
 * The date of business day `dayNumber` in a count where day 1 is `startDate`, or the next business
 * day when `startDate` is not one. This is how the NSA clocks count ("30 business days beginning on
 * the day ...", 45 CFR 149.510(b)(1)): day 30 from a Monday with no holidays is the Friday five
 * weeks later.
 */
export function nthBusinessDay(
  startDate: string,
  dayNumber: number,
  options: BusinessDayOptions = {},
): string {
  if (!Number.isInteger(dayNumber) || dayNumber < 1) {
    throw new RangeError(`dayNumber counts from 1, got ${dayNumber}`);
  }
  const closed = closedDays(options);
  const start = epochDay(startDate);
  const first = nextBusinessDayNumber(start, closed);
  if (dayNumber === 1) return first === start ? startDate : isoDateOfDay(first);
  return isoDateOfDay(stepBusinessDays(first, dayNumber - 1, closed));
}

/**
 * Which business day `isoDate` is in the count `nthBusinessDay` uses: the number of business days from
 * `startDate` through `isoDate`, both included. A weekend or holiday carries the number of the business
 * day before it; a date before day 1 gives 0. So `businessDayNumber(paidDate, asOf) <= 30` means the
 * open negotiation notice is still on time.
 */
export function businessDayNumber(
  startDate: string,
  isoDate: string,
  options: BusinessDayOptions = {},
): number {
  const from = epochDay(startDate);
  const to = epochDay(isoDate);
  if (to < from) return 0;
  const closed = closedDays(options);
  let count = 0;
  for (let d = from; d <= to; d += 1) if (isBusinessDayNumber(d, closed)) count += 1;
  return count;
}
