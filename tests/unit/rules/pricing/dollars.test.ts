import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dollarText } from '../../../../rules/pricing/dollars';

/** Basis text must read exactly as it did when it was built with toFixed. */
const reference = (cents: number) => `$${(cents / 100).toFixed(2)}`;

describe('dollarText', () => {
  it.each([
    0,
    -0,
    1,
    5,
    10,
    99,
    100,
    105,
    1005,
    -3,
    -105,
    123456789,
    Number.MAX_SAFE_INTEGER,
    12.5,
    0.5,
    -0.5,
    1e20,
  ])('writes %s cents as toFixed does', (cents) => {
    expect(dollarText(cents)).toBe(reference(cents));
  });

  it('agrees with toFixed on random whole and fractional cents', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.maxSafeInteger(),
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
        ),
        (cents) => {
          expect(dollarText(cents)).toBe(reference(cents));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
