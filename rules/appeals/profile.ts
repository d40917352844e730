import { z } from 'zod';

/**
 * The practice's own details, printed on every letter (letterhead, identification, signature).
 * Stored by the options page; a draft may be incomplete, and the letter then shows a visible
 * `[MISSING: ...]` placeholder instead of a blank (issue "Appeals" item 3).
 */

const text = z.string().trim().min(1).max(200);

export const PracticeProfileSchema = z.strictObject({
  /** Legal or billing name as the payer knows it. */
  practiceName: text,
  /** Billing (type 2) NPI: 10 digits. */
  npi: z.string().regex(/^\d{10}$/, 'an NPI has 10 digits'),
  /** Tax identification number (EIN): 9 digits, no dash. */
  tin: z.string().regex(/^\d{9}$/, 'a TIN has 9 digits, without the dash'),
  /** Street lines, first line first. */
  addressLines: z.array(text).min(1).max(3),
  city: text,
  /** Two-letter USPS state code. */
  state: z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code such as NY'),
  /** 5-digit ZIP or ZIP+4 (`12345-6789`). */
  zip: z.string().regex(/^\d{5}(-\d{4})?$/, 'a ZIP code such as 12345 or 12345-6789'),
  /** The person the payer should call about this claim. */
  contactName: text,
  phone: z.string().regex(/^[0-9()+.\s-]{10,20}$/, 'a phone number such as (555) 010-0100'),
  email: z.email(),
  /** Who signs the letters, and as what. */
  signatureName: text,
  signatureTitle: text,
});
export type PracticeProfile = z.infer<typeof PracticeProfileSchema>;

/** A profile being filled in: every field optional; letters mark the gaps. */
export const PracticeProfileDraftSchema = PracticeProfileSchema.partial();
export type PracticeProfileDraft = z.infer<typeof PracticeProfileDraftSchema>;

export type ProfileField = keyof PracticeProfile;

/** The words a letter uses for a field in its `[MISSING: ...]` placeholder. */
export const PROFILE_FIELD_LABEL: Record<ProfileField, string> = {
  practiceName: 'practice name',
  npi: 'practice NPI',
  tin: 'practice TIN',
  addressLines: 'practice street address',
  city: 'practice city',
  state: 'practice state',
  zip: 'practice ZIP code',
  contactName: 'contact name',
  phone: 'contact phone',
  email: 'contact email',
  signatureName: 'signer name',
  signatureTitle: 'signer title',
};

const FIELDS = Object.keys(PracticeProfileSchema.shape) as ProfileField[];

/**
 * The fields a letter cannot fill from this profile, in form order. A value that fails its format
 * (a 9-digit NPI, say) counts as missing: a letter must not print a wrong identifier.
 */
export function missingProfileFields(profile: PracticeProfileDraft): ProfileField[] {
  return FIELDS.filter((field) => !PracticeProfileSchema.shape[field].safeParse(profile[field]).success);
}

/** The profile's value for a field when it is valid, else undefined. */
export function validProfileValue<F extends ProfileField>(
  profile: PracticeProfileDraft,
  field: F,
): PracticeProfile[F] | undefined {
  const parsed = PracticeProfileSchema.shape[field].safeParse(profile[field]);
  return parsed.success ? (parsed.data as PracticeProfile[F]) : undefined;
}
