import { describe, expect, it } from 'vitest';
import { missingProfileFields, PracticeProfileSchema } from '../../../../rules/appeals/profile';
import { PROFILE } from './claims';

describe('PracticeProfileSchema', () => {
  it('accepts a complete profile', () => {
    expect(PracticeProfileSchema.safeParse(PROFILE).success).toBe(true);
  });

  it.each([
    ['npi', '123456789', 'an NPI has 10 digits'],
    ['tin', '00-0000019', 'a TIN has 9 digits'],
    ['state', 'New York', 'two-letter state'],
    ['zip', '1000', 'ZIP code'],
  ])('rejects %s = %s with a message that says how to fix it', (field, value, message) => {
    const result = PracticeProfileSchema.safeParse({ ...PROFILE, [field]: value });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe('missingProfileFields', () => {
  it('finds nothing missing in a complete profile', () => {
    expect(missingProfileFields(PROFILE)).toEqual([]);
  });

  it('lists every field of an empty draft, in form order', () => {
    expect(missingProfileFields({})).toEqual(Object.keys(PracticeProfileSchema.shape));
  });

  it.each([
    ['a blank name', { practiceName: '   ' }, ['practiceName']],
    ['an NPI of the wrong length', { npi: '100000001' }, ['npi']],
    ['no street lines', { addressLines: [] }, ['addressLines']],
    [
      'no signer',
      { signatureName: undefined, signatureTitle: undefined },
      ['signatureName', 'signatureTitle'],
    ],
  ])('counts %s as missing', (_case, change, fields) => {
    expect(missingProfileFields({ ...PROFILE, ...change })).toEqual(fields);
  });
});
