import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaimCoding } from '../../../../rules/coding/index';
import { claim, medicare2025 } from '../pricing/fixtures';

/**
 * RT and LT pairs are found line by line on claims of up to 64 lines and through a keyed map on longer
 * ones. A claim must get the same findings either way: the same claim padded past 64 lines with lines
 * that cannot pair or be flagged (a code the PFS does not list, no modifiers) keeps its findings.
 */
const CODES = ['27447', '29881', '20610', '64483', '19301', '71046'];
const line = fc.record({
  code: fc.constantFrom(...CODES),
  modifiers: fc.constantFrom(
    [],
    ['RT'],
    ['LT'],
    ['RT', 'LT'],
    ['LT', 'RT'],
    ['RT', '51'],
    ['50'],
    ['LT', '59'],
  ),
  serviceDate: fc.constantFrom('2025-03-03', '2025-03-04', undefined),
});

describe('RT/LT pairs', () => {
  it('are the same found line by line as through the keyed map', () => {
    const mpfs = medicare2025();
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 8 }), (ls) => {
        const lines = ls.map((l) => ({
          code: l.code,
          modifiers: [...l.modifiers],
          ...(l.serviceDate ? { serviceDate: l.serviceDate } : {}),
        }));
        const short = checkClaimCoding(claim(lines), mpfs);
        const padding = Array.from({ length: 64 }, () => ({ code: 'X9999' }));
        const long = checkClaimCoding(claim([...lines, ...padding]), mpfs);
        expect(long).toEqual(short);
      }),
      { numRuns: 400 },
    );
  });
});
