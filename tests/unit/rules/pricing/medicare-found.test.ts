import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  medicareAmount,
  medicareFound,
  type PfsModifier,
  rvuKey,
  rvuRowFor,
} from '../../../../rules/pricing/medicare-pfs';
import { medicare2025 } from './fixtures';

/**
 * Pricing looks rows up by code in a per-modifier index (rvuRowFor) and, while it only asks whether a
 * method prices a line, asks medicareFound, which writes no reason. Both must answer as the plain lookups
 * do: rvus.get(rvuKey(...)) and medicareAmount.
 */
describe('rvuRowFor and medicareFound against the 2025 files', () => {
  const mpfs = medicare2025();
  const codes = [...new Set([...mpfs.rvus.values()].map((r) => r.hcpcs))];
  const some = fc.oneof(fc.constantFrom(...codes), fc.constantFrom('99999', 'X1234', ''));
  const modifiers = fc.constantFrom<PfsModifier>('', '26', 'TC', '53');
  const localities = fc.constantFrom(...mpfs.localities.slice(0, 20));

  it('finds the row rvus.get(rvuKey(code, modifier)) finds', () => {
    fc.assert(
      fc.property(some, modifiers, (code, modifier) => {
        expect(rvuRowFor(mpfs, code, modifier)).toBe(mpfs.rvus.get(rvuKey(code, modifier)));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives medicareAmount’s amount (the same object), or nothing where it gives a reason', () => {
    fc.assert(
      fc.property(some, modifiers, localities, fc.boolean(), (code, modifier, locality, facility) => {
        const amount = medicareAmount(mpfs, { code, modifier, locality, facility });
        expect(medicareFound(mpfs, code, modifier, locality, facility)).toBe(amount.ok ? amount : undefined);
      }),
      { numRuns: 2000 },
    );
  });
});
