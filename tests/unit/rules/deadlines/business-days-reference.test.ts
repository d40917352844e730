import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayNumber,
  federalHolidays,
  isBusinessDay,
  nextBusinessDayOnOrAfter,
  nthBusinessDay,
} from '../../../../rules/deadlines/business-days';
import { addCalendarDays, daysBetween, isoParts } from '../../../../rules/deadlines/calendar';
import { idrInitiationWindow, openNegotiationDeadline } from '../../../../rules/deadlines/nsa';

/**
 * The business-day functions count in day numbers and remember answers by date. This reference walks
 * ISO strings one Date at a time, as they first did: both must agree on every date, count and closure.
 */
const ref = {
  addDays(iso: string, days: number): string {
    const [y, m, d] = isoParts(iso);
    const t = new Date(Date.UTC(y, m - 1, d));
    t.setUTCDate(t.getUTCDate() + days);
    return t.toISOString().slice(0, 10);
  },
  isBusinessDay(iso: string, closed: readonly string[] = []): boolean {
    const [y, m, d] = isoParts(iso);
    const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (dow === 0 || dow === 6) return false;
    if (federalHolidays(y).has(iso)) return false;
    return !closed.includes(iso);
  },
  next(iso: string, closed: readonly string[] = []): string {
    let d = iso;
    while (!ref.isBusinessDay(d, closed)) d = ref.addDays(d, 1);
    return d;
  },
  add(iso: string, n: number, closed: readonly string[] = []): string {
    const step = n < 0 ? -1 : 1;
    let d = iso;
    for (let left = Math.abs(n); left > 0; ) {
      d = ref.addDays(d, step);
      if (ref.isBusinessDay(d, closed)) left -= 1;
    }
    return d;
  },
  nth(iso: string, n: number, closed: readonly string[] = []): string {
    return ref.add(ref.next(iso, closed), n - 1, closed);
  },
  number(from: string, to: string, closed: readonly string[] = []): number {
    if (to < from) return 0;
    let count = 0;
    for (let d = from; d <= to; d = ref.addDays(d, 1)) if (ref.isBusinessDay(d, closed)) count += 1;
    return count;
  },
};

const isoDate = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const closedDays = fc.array(isoDate, { maxLength: 3 });

describe('business days against the string-walking reference', () => {
  it('agree on business days, the next one, adding and counting', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: -80, max: 80 }),
        closedDays,
        fc.integer({ min: 0, max: 120 }),
        (date, n, closed, span) => {
          const options = { extraClosedDays: closed };
          expect(isBusinessDay(date)).toBe(ref.isBusinessDay(date));
          expect(isBusinessDay(date, options)).toBe(ref.isBusinessDay(date, closed));
          expect(nextBusinessDayOnOrAfter(date, options)).toBe(ref.next(date, closed));
          expect(addBusinessDays(date, n)).toBe(ref.add(date, n));
          expect(addBusinessDays(date, n, options)).toBe(ref.add(date, n, closed));
          if (n >= 1) {
            expect(nthBusinessDay(date, n)).toBe(ref.nth(date, n));
            expect(nthBusinessDay(date, n, options)).toBe(ref.nth(date, n, closed));
          }
          const to = ref.addDays(date, span - 20);
          expect(businessDayNumber(date, to, options)).toBe(ref.number(date, to, closed));
          expect(addCalendarDays(date, n)).toBe(ref.addDays(date, n));
          expect(daysBetween(date, to)).toBe(span - 20);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('remembered NSA deadlines equal freshly counted ones, asked in any order and twice', () => {
    fc.assert(
      fc.property(fc.array(isoDate, { minLength: 1, maxLength: 20 }), (dates) => {
        for (const date of [...dates, ...dates]) {
          expect(openNegotiationDeadline(date)).toBe(ref.nth(date, 30));
          const window = idrInitiationWindow(date);
          expect(window).toEqual({
            negotiationEnds: ref.nth(date, 30),
            from: ref.nth(date, 31),
            to: ref.nth(date, 34),
          });
          window.from = 'changed by a caller';
          expect(idrInitiationWindow(date).from).toBe(ref.nth(date, 31));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('still refuses bad dates by name after good ones were remembered', () => {
    expect(openNegotiationDeadline('2025-03-03')).toBe(ref.nth('2025-03-03', 30));
    for (const bad of ['2025-02-30', '2025-3-03', '', '0050-01-01']) {
      expect(() => openNegotiationDeadline(bad)).toThrow(/YYYY-MM-DD/);
      expect(() => addBusinessDays(bad, 3)).toThrow(/YYYY-MM-DD/);
      expect(() => daysBetween(bad, '2025-03-03')).toThrow(/YYYY-MM-DD/);
    }
  });
});
