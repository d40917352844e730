import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCents, parseCentsIn } from '../../../../rules/x12/amount';

/**
 * parseCents written the plain way (a regular expression and BigInt), for comparison: an optional
 * minus, digits, an optional dot and digits, some digit present; decimals past the second only zeros;
 * fewer than 14 whole-dollar digits once leading zeros are dropped.
 */
function referenceCents(text: string): number | null {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const [, minus, whole = '', frac] = m;
  if (whole === '' && (frac === undefined || frac === '')) return null;
  if (frac !== undefined && /[^0]/.test(frac.slice(2))) return null;
  const dollars = BigInt(whole || '0');
  if (dollars >= 10n ** 13n) return null;
  const cents = dollars * 100n + BigInt((frac ?? '').slice(0, 2).padEnd(2, '0'));
  const value = Number(cents);
  return minus ? -value : value;
}

describe('parseCents against a plain reading (fast-check)', () => {
  const digits = (max: number) =>
    fc.array(fc.constantFrom('0', '1', '5', '9'), { maxLength: max }).map((d) => d.join(''));
  const amountLike = fc.oneof(
    fc
      .tuple(fc.constantFrom('', '-', '+', ' '), digits(18), fc.constantFrom('', '.', '..'), digits(5))
      .map(([sign, whole, dot, frac]) => `${sign}${whole}${dot}${frac}`),
    fc.constantFrom('9999999999999.99', '10000000000000', '0009999999999999', '00000000000000000000001.5'),
    fc.string({ maxLength: 8 }),
  );

  it('gives the same cents or refusal, the sign of zero included', () => {
    fc.assert(
      fc.property(amountLike, (text) => {
        expect(Object.is(parseCents(text), referenceCents(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads in place the same as on its own', () => {
    fc.assert(
      fc.property(
        amountLike,
        fc.string({ maxLength: 3 }),
        fc.string({ maxLength: 3 }),
        (text, before, after) => {
          const whole = before + text + after;
          const inPlace = parseCentsIn(whole, before.length, before.length + text.length);
          expect(Object.is(inPlace, parseCents(text))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
