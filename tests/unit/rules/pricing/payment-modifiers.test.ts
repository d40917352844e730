import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPaymentModifier, PAYMENT_MODIFIERS } from '../../../../rules/pricing/modifiers';

/** Payment modifiers are recognised by character codes on the hot path: exactly PAYMENT_MODIFIERS. */
describe('isPaymentModifier', () => {
  it('answers as PAYMENT_MODIFIERS.has for the listed ones, near misses and any short string', () => {
    const near = [
      '50',
      '51',
      '62',
      '66',
      '80',
      '81',
      '82',
      'AS',
      'RT',
      'LT',
      '52',
      '83',
      '8',
      'as',
      'rt',
      'Lt',
      '26',
      'TC',
      '',
      '500',
      'A',
      'S',
    ];
    for (const m of near) expect(isPaymentModifier(m)).toBe(PAYMENT_MODIFIERS.has(m));
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), (m) => {
        expect(isPaymentModifier(m)).toBe(PAYMENT_MODIFIERS.has(m));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...'0123456789ACLRSTX'),
        fc.constantFrom(...'0123456789ACLRSTX'),
        (a, b) => {
          expect(isPaymentModifier(a + b)).toBe(PAYMENT_MODIFIERS.has(a + b));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
