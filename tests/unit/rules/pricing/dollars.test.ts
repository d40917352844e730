import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dollarsGrouped, dollarText } from '../../../../rules/pricing/dollars';

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

/** Finding messages must read exactly as they did when built with toLocaleString. */
const groupedReference = (cents: number) =>
  `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('dollarsGrouped', () => {
  it.each([
    0,
    -0,
    1,
    5,
    10,
    99,
    100,
    105,
    99_999,
    100_000,
    100_001,
    123_456,
    1_000_000,
    99_999_999,
    100_000_000,
    123_456_789,
    -3,
    -105,
    -123_456_789,
    1e13,
    1e13 + 1,
    Number.MAX_SAFE_INTEGER,
    12.5,
    0.5,
    -0.5,
    1e20,
  ])('writes %s cents as toLocaleString does', (cents) => {
    expect(dollarsGrouped(cents)).toBe(groupedReference(cents));
  });

  it('agrees with toLocaleString on random whole and fractional cents', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.maxSafeInteger(),
          fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        ),
        (cents) => {
          expect(dollarsGrouped(cents)).toBe(groupedReference(cents));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
