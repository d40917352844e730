import { describe, expect, it } from 'vitest';
import { formatCents, formatDate, formatDateRange, joinWords } from '../../../../rules/appeals/format';

describe('letter formatting', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [123450, '$1,234.50'],
    [100000000, '$1,000,000.00'],
    [-1200, '-$12.00'],
  ])('formats %i cents as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it.each([
    ['2026-11-27', 'November 27, 2026'],
    ['2027-01-01', 'January 1, 2027'],
  ])('formats %s as %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });

  it('rejects a date that is not YYYY-MM-DD, naming it', () => {
    expect(() => formatDate('11/27/2026')).toThrow(/11\/27\/2026/);
  });

  it('writes a range only when the dates differ', () => {
    expect(formatDateRange('2026-10-14', '2026-10-14')).toBe('October 14, 2026');
    expect(formatDateRange('2026-10-14', '2026-10-16')).toBe('October 14, 2026 through October 16, 2026');
  });

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('joins %j as "%s"', (words, text) => {
    expect(joinWords(words)).toBe(text);
  });
});
