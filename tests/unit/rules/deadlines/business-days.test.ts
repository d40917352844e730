import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayNumber,
  isBusinessDay,
  nextBusinessDayOnOrAfter,
  nthBusinessDay,
} from '../../../../rules/deadlines/business-days';
import { addCalendarDays, addCalendarMonths, daysBetween } from '../../../../rules/deadlines/calendar';

describe('isBusinessDay', () => {
  it.each<[string, boolean, string]>([
    ['2026-11-25', true, 'Wednesday before Thanksgiving'],
    ['2026-11-26', false, 'Thanksgiving 2026 (Thursday)'],
    ['2026-11-27', true, 'Friday after Thanksgiving is not a federal holiday'],
    ['2026-11-28', false, 'Saturday'],
    ['2026-11-29', false, 'Sunday'],
    ['2026-11-11', false, 'Veterans Day 2026 (Wednesday)'],
    ['2026-12-25', false, 'Christmas 2026 (Friday)'],
    ['2021-12-24', false, 'Christmas 2021 fell on Saturday: observed Friday'],
    ['2021-12-25', false, 'Christmas 2021 itself, a Saturday'],
    ['2022-12-26', false, 'Christmas 2022 fell on Sunday: observed Monday'],
    ['2021-12-31', false, 'New Year 2022 fell on Saturday: observed Friday Dec 31 of the year before'],
    ['2022-01-03', true, 'the Monday after that New Year is a working day'],
    ['2023-01-02', false, 'New Year 2023 fell on Sunday: observed Monday'],
    ['2020-06-19', true, 'Juneteenth was not yet a federal holiday in 2020'],
    ['2021-06-18', false, 'Juneteenth 2021 fell on Saturday: observed Friday'],
    ['2022-06-20', false, 'Juneteenth 2022 fell on Sunday: observed Monday'],
    ['2026-06-19', false, 'Juneteenth 2026 (Friday)'],
    ['2026-07-03', false, 'Independence Day 2026 falls on Saturday: observed Friday'],
    [
      '2021-01-20',
      true,
      'Inauguration Day is a holiday only in the DC area (5 U.S.C. 6103(c)): a business day here',
    ],
    ['2025-01-20', false, 'Inauguration Day 2025 coincided with Martin Luther King Jr. Day'],
  ])('%s is %s: %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('treats extra closed days as closed', () => {
    expect(isBusinessDay('2025-01-09', { extraClosedDays: ['2025-01-09'] })).toBe(false);
    expect(isBusinessDay('2025-01-09')).toBe(true);
  });

  it.each(['2026-13-01', '2026-02-30', '11/26/2026', ''])('refuses %j by name', (bad) => {
    expect(() => isBusinessDay(bad)).toThrow(/YYYY-MM-DD/);
  });
});

describe('addBusinessDays', () => {
  it.each<[string, number, string, string]>([
    ['2026-11-25', 1, '2026-11-27', 'Wed + 1 skips Thanksgiving'],
    ['2026-11-27', 1, '2026-11-30', 'Fri + 1 is Monday'],
    ['2026-11-28', 1, '2026-11-30', 'Sat + 1 is Monday'],
    ['2021-12-23', 1, '2021-12-27', 'Thu + 1 skips observed Christmas (Fri 24) and the weekend'],
    ['2021-12-30', 1, '2022-01-03', 'Thu + 1 skips observed New Year (Fri 31) and the weekend'],
    ['2026-11-30', -1, '2026-11-27', 'Mon - 1 is Friday'],
    ['2026-11-27', -1, '2026-11-25', 'Fri - 1 skips Thanksgiving'],
    ['2026-11-02', 0, '2026-11-02', 'zero leaves the date alone'],
    // Nov 3,4,5,6 = 4; 9,10 = 6; (11 Veterans Day) 12,13 = 8; 16,17 = 10
    ['2026-11-02', 10, '2026-11-17', 'ten business days across Veterans Day'],
  ])('%s + %i = %s (%s)', (start, n, expected) => {
    expect(addBusinessDays(start, n)).toBe(expected);
  });
});

describe('nextBusinessDayOnOrAfter / nthBusinessDay', () => {
  it.each<[string, string]>([
    ['2026-11-26', '2026-11-27'],
    ['2026-11-28', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
  ])('%s rolls to %s', (date, expected) => {
    expect(nextBusinessDayOnOrAfter(date)).toBe(expected);
  });

  it('makes the start day 1, or the next business day when the start is not one', () => {
    expect(nthBusinessDay('2026-11-02', 1)).toBe('2026-11-02');
    expect(nthBusinessDay('2026-11-21', 1)).toBe('2026-11-23');
    expect(() => nthBusinessDay('2026-11-02', 0)).toThrow(/counts from 1/);
  });
});

describe('businessDayNumber', () => {
  it.each<[string, string, number, string]>([
    ['2026-11-02', '2026-11-02', 1, 'the start day is day 1'],
    ['2026-11-02', '2026-11-06', 5, 'Mon..Fri'],
    ['2026-11-02', '2026-11-08', 5, 'a Sunday carries the Friday before'],
    ['2026-11-02', '2026-11-12', 8, 'Nov 2-6 = 5, 9-10 = 7, (11 Veterans Day), 12 = 8'],
    ['2026-11-21', '2026-11-22', 0, 'Saturday start: the weekend is before day 1'],
    ['2026-11-21', '2026-11-23', 1, 'Saturday start: Monday is day 1'],
    ['2026-11-02', '2026-10-30', 0, 'before the start'],
    ['2026-11-02', '2026-12-15', 30, 'the open negotiation deadline row below'],
  ])('from %s, %s is business day %i (%s)', (start, date, expected) => {
    expect(businessDayNumber(start, date)).toBe(expected);
  });
});

describe('calendar arithmetic', () => {
  it.each<[string, number, string]>([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-08-31', 12, '2025-08-31'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addCalendarMonths(start, months)).toBe(expected);
  });

  it('keeps the calendar-day helpers score.ts uses', () => {
    expect(addCalendarDays('2026-01-15', 180)).toBe('2026-07-14');
    expect(daysBetween('2026-01-15', '2026-07-14')).toBe(180);
    expect(daysBetween('2026-07-14', '2026-01-15')).toBe(-180);
  });
});
