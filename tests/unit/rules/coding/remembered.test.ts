import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaimCoding, writeCodingFlags } from '../../../../rules/coding/index';
import type { Flag } from '../../../../rules/model';
import { claim, medicare2025 } from '../pricing/fixtures';

/**
 * checkClaimCoding remembers what the per-code checks say for each code and modifier list. A wrong key
 * (modifier order, a modifier dropped, a code mixed up) would hand one line another line's findings:
 * every claim is checked against a schedule that has seen many claims and against a fresh copy of the
 * same schedule that has seen none, and both must agree.
 */
const CODES = [
  '99213',
  '99214',
  '27447',
  '29881',
  '71046',
  '70553',
  '83020',
  '88305',
  '93000',
  '64483',
  '19301',
  '36415',
  '99999',
];
const MODIFIERS = ['26', 'TC', '53', '50', '51', '62', '66', '80', '81', '82', 'AS', 'RT', 'LT', '25', '59'];

const lines = fc.array(
  fc.record({
    code: fc.constantFrom(...CODES),
    modifiers: fc.array(fc.constantFrom(...MODIFIERS), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('remembered per-code coding findings', () => {
  it('equal the findings of a schedule that remembers nothing yet', () => {
    const warm = medicare2025();
    fc.assert(
      fc.property(lines, (ls) => {
        const c = claim(ls);
        const first = checkClaimCoding(c, warm);
        expect(checkClaimCoding(c, warm)).toEqual(first);
        expect(first).toEqual(checkClaimCoding(c, { ...warm }));
        for (const f of first) expect(c.lines[f.lineNumber - 1]!.code).toBe(f.code.split('-')[0]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('coding flags for the score', () => {
  const dated = fc.array(
    fc.record({
      code: fc.constantFrom(...CODES),
      modifiers: fc.array(fc.constantFrom(...MODIFIERS), { maxLength: 3 }),
      serviceDate: fc.constantFrom('2025-03-03', '2025-03-04', '2025-03-05'),
      lineNumber: fc.integer({ min: 1, max: 70 }),
    }),
    { minLength: 1, maxLength: 6 },
  );

  it('are the findings checkClaimCoding gives, in its order, as "Line n: message"', () => {
    const mpfs = medicare2025();
    fc.assert(
      fc.property(dated, (ls) => {
        // Line numbers as a remittance may write them: out of order, repeated, past the first few.
        const c = claim(ls);
        c.lines.forEach((l, i) => {
          l.lineNumber = ls[i]!.lineNumber;
        });
        const flags: Flag[] = [{ kind: 'nsa', message: 'before' }];
        expect(writeCodingFlags(c, mpfs, flags, 1)).toBe(flags.length);
        expect(flags.shift()).toEqual({ kind: 'nsa', message: 'before' });
        const expected = checkClaimCoding(c, mpfs).map((f) => ({
          kind: 'coding',
          message: `Line ${f.lineNumber}: ${f.message}`,
        }));
        expect(flags).toEqual(expected);
        // Asked again (flags remembered by then), the answer is the same.
        const again: Flag[] = [];
        writeCodingFlags(c, mpfs, again, 0);
        expect(again).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
