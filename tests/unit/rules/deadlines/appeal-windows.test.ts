import { describe, expect, it } from 'vitest';
import {
  appealDeadline,
  appealWindowFor,
  DEFAULT_APPEAL_WINDOWS,
} from '../../../../rules/deadlines/appeal-windows';

describe('appealWindowFor', () => {
  it.each<[string, string]>([
    ['UnitedHealthcare', 'unitedhealthcare'],
    ['UNITED HEALTHCARE SERVICES INC', 'unitedhealthcare'],
    ['UHC', 'unitedhealthcare'],
    ['Optum', 'unitedhealthcare'],
    ['Aetna Life Insurance Company', 'aetna'],
    ['CIGNA Health and Life', 'cigna'],
    ['Anthem Blue Cross', 'anthem-elevance'],
    ['Elevance Health', 'anthem-elevance'],
    ['Empire BlueCross BlueShield', 'anthem-elevance'],
    ['Humana Insurance Company', 'humana'],
    ['Humana Medicare Advantage', 'humana-medicare-advantage'],
    ['Blue Cross Blue Shield of Illinois', 'bcbs'],
    ['BCBS of Texas', 'bcbs'],
    ['MultiPlan', 'multiplan'],
    ['PHCS / MultiPlan network', 'multiplan'],
    ['The Empire Plan', 'erisa-floor'],
    ['United Medical Resources', 'erisa-floor'],
    ['Acme Health Plan', 'erisa-floor'],
  ])('%s uses the %s window', (payer, id) => {
    expect(appealWindowFor(payer).id).toBe(id);
  });

  it('gives every default window a source', () => {
    for (const w of DEFAULT_APPEAL_WINDOWS) expect(w.source, w.id).toMatch(/domain\.md 5/);
  });
});

describe('appealDeadline', () => {
  it.each<[string, string, string, string]>([
    // calendar months: Feb 2025 has no 29th, so the window ends on its last day
    ['UnitedHealthcare', '2024-02-29', '2025-02-28', '12 months, end of month clamps'],
    ['UHC', '2024-01-31', '2025-01-31', '12 months'],
    ['MultiPlan', '2024-02-29', '2025-02-28', '12 months, end of month clamps'],
    // Jan 16-31 = 16, Feb 28 = 44, Mar 31 = 75, Apr 30 = 105, May 31 = 136, Jun 30 = 166, Jul 14 = 180
    ['Aetna', '2026-01-15', '2026-07-14', '180 days'],
    ['Cigna', '2026-01-15', '2026-07-14', '180 calendar days'],
    ['Blue Cross Blue Shield of Illinois', '2026-01-15', '2026-07-14', '180 days plan default'],
    ['Acme Health Plan', '2026-01-15', '2026-07-14', 'ERISA floor, 180 days'],
    // Jan 1-31 = 31, Feb 28 = 59, Mar 31 = 90, Apr 30 = 120, May 31 = 151, Jun 29 = 180
    ['Humana', '2025-12-31', '2026-06-29', '180 days'],
    // Jan 11-31 = 21, Feb 28 = 49, Mar 11 = 60
    ['Humana Medicare Advantage', '2026-01-10', '2026-03-11', '60 days'],
    // 2024-03-01 .. 2025-03-01 holds no Feb 29: 365 days
    ['Anthem', '2024-03-01', '2025-03-01', '365 days'],
    // 2023-03-01 .. 2024-03-01 holds Feb 29 2024 (366 days), so 365 days ends the day before
    ['Elevance', '2023-03-01', '2024-02-29', '365 days across a leap day'],
  ])('%s from %s: %s (%s)', (payer, paidDate, expected) => {
    expect(appealDeadline(paidDate, payer).date).toBe(expected);
  });

  it.each<[string, string]>([
    [
      'Aetna',
      'Aetna: 180 days from the remittance date (aetna.com provider appeals; state exceptions apply; domain.md 5)',
    ],
    [
      'UHC',
      'UnitedHealthcare: 12 months from the EOB/PRA date for reconsideration and appeal together (uhcprovider.com administrative guide, claim reconsideration and appeals; domain.md 5)',
    ],
    [
      'Acme Health Plan',
      'No payer window on file: 180 days from the remittance date, the ERISA minimum (29 CFR 2560.503-1(h)(3)(i))',
    ],
  ])('%s basis explains the window', (payer, basis) => {
    expect(appealDeadline('2026-01-15', payer).basis).toBe(basis);
  });

  it('lets a policy override the window', () => {
    // Jan 16-31 = 16, Feb 28 = 44, Mar 31 = 75, Apr 15 = 90
    expect(appealDeadline('2026-01-15', 'Aetna', 90, 'Aetna policy')).toEqual({
      date: '2026-04-15',
      basis: 'Aetna: 90 days from the remittance date (Aetna policy)',
    });
    expect(() => appealDeadline('2026-01-15', 'Aetna', 0)).toThrow(/positive whole number/);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => appealDeadline('01/15/2026', 'Aetna')).toThrow(/YYYY-MM-DD/);
  });
});
