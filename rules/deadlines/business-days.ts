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
import { addCalendarDays, dayOfWeek, isoParts } from './calendar';

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

export interface BusinessDayOptions {
  /** Further ISO dates to treat as closed, e.g. an executive-order closure. */
  extraClosedDays?: readonly string[];
}

/** Monday to Friday and not an observed federal holiday. */
export function isBusinessDay(isoDate: string, options: BusinessDayOptions = {}): boolean {
  const dow = dayOfWeek(isoDate);
  if (dow === 0 || dow === 6) return false;
  if (isFederalHoliday(isoDate)) return false;
  return !options.extraClosedDays?.includes(isoDate);
}

/** `isoDate` when it is a business day, else the next one. */
export function nextBusinessDayOnOrAfter(isoDate: string, options: BusinessDayOptions = {}): string {
  let d = isoDate;
  while (!isBusinessDay(d, options)) d = addCalendarDays(d, 1);
  return d;
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
  const step = businessDays < 0 ? -1 : 1;
  let d = isoDate;
  for (let left = Math.abs(businessDays); left > 0; ) {
    d = addCalendarDays(d, step);
    if (isBusinessDay(d, options)) left -= 1;
  }
  return d;
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
  return addBusinessDays(nextBusinessDayOnOrAfter(startDate, options), dayNumber - 1, options);
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
  isoParts(startDate);
  isoParts(isoDate);
  if (isoDate < startDate) return 0;
  let count = 0;
  for (let d = startDate; d <= isoDate; d = addCalendarDays(d, 1)) {
    if (isBusinessDay(d, options)) count += 1;
  }
  return count;
}
