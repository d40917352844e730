import { liveQuery } from 'dexie';
import { useState } from 'preact/hooks';
import { type ProfileFieldSpec, ProfileForm } from '../../../components/ProfileForm';
import { useSubscription } from '../../../components/use-subscription';
import {
  missingProfileFields,
  PROFILE_FIELD_LABEL,
  type PracticeProfileDraft,
  PracticeProfileSchema,
  type ProfileField,
} from '../../../rules/appeals/index';
import { describeStorageError } from '../../../storage/errors';
import { getProfile, setProfile } from '../../../storage/settings';
import { db } from '../env';

const FIELDS: readonly (ProfileFieldSpec & { id: ProfileField })[] = [
  { id: 'practiceName', label: 'Practice name', hint: 'As the payer knows it', autocomplete: 'organization' },
  { id: 'npi', label: 'Billing NPI', hint: '10 digits' },
  { id: 'tin', label: 'Tax ID (TIN)', hint: '9 digits; a dash is removed' },
  {
    id: 'addressLines',
    label: 'Street address',
    hint: 'Up to 3 lines',
    multiline: true,
    autocomplete: 'street-address',
  },
  { id: 'city', label: 'City', autocomplete: 'address-level2' },
  { id: 'state', label: 'State', hint: 'Two letters, such as NY', autocomplete: 'address-level1' },
  { id: 'zip', label: 'ZIP code', autocomplete: 'postal-code' },
  { id: 'contactName', label: 'Contact name', hint: 'Who the payer should call about the claim' },
  { id: 'phone', label: 'Contact phone', type: 'tel', autocomplete: 'tel' },
  { id: 'email', label: 'Contact email', type: 'email', autocomplete: 'email' },
  { id: 'signatureName', label: 'Signed by' },
  { id: 'signatureTitle', label: "Signer's title" },
];

function isField(id: string): id is ProfileField {
  return id in PracticeProfileSchema.shape;
}

/** The form's text for a field → the value the schema checks (trimmed; lines split; dashes dropped). */
function toValue(field: ProfileField, raw: string): unknown {
  const t = raw.trim();
  if (field === 'addressLines') {
    const lines = raw
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return lines.length ? lines : undefined;
  }
  if (!t) return undefined;
  if (field === 'npi' || field === 'tin') return t.replace(/[\s-]/g, '');
  if (field === 'state') return t.toUpperCase();
  return t;
}

function toText(profile: PracticeProfileDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = profile[f.id];
    out[f.id] = Array.isArray(v) ? v.join('\n') : (v ?? '');
  }
  return out;
}

/** Why a typed value cannot go on a letter; empty is not an error here (the letter marks it missing). */
function validate(field: string, raw: string): string | undefined {
  if (!isField(field)) return undefined;
  const value = toValue(field, raw);
  if (value === undefined) return undefined;
  const r = PracticeProfileSchema.shape[field].safeParse(value);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'not valid');
}

/**
 * The profile is saved as a draft, field by field: valid values are kept, an invalid one is named and
 * left out (a letter must not print a wrong identifier), and the still-missing fields are listed.
 */
export function ProfileSection() {
  const stored = useSubscription<PracticeProfileDraft>((next, fail) => {
    const sub = liveQuery(() => getProfile(db)).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const profile = stored.value ?? {};
  const save = async (values: Record<string, string>) => {
    const draft: Record<string, unknown> = {};
    const invalid: string[] = [];
    for (const f of FIELDS) {
      const value = toValue(f.id, values[f.id] ?? '');
      if (value === undefined) continue;
      const r = PracticeProfileSchema.shape[f.id].safeParse(value);
      if (r.success) draft[f.id] = r.data;
      else invalid.push(`${f.label} (${r.error.issues[0]?.message ?? 'not valid'})`);
    }
    await setProfile(db, draft as PracticeProfileDraft);
    const missing = missingProfileFields(draft as PracticeProfileDraft).map((f) => PROFILE_FIELD_LABEL[f]);
    const parts = ['Profile saved.'];
    if (invalid.length) parts.push(`Not saved, please correct: ${invalid.join('; ')}.`);
    if (missing.length) parts.push(`Letters will mark as missing: ${missing.join(', ')}.`);
    setMessage({ text: parts.join(' '), error: invalid.length > 0 });
  };
  return (
    <ProfileForm
      fields={FIELDS}
      values={toText(profile)}
      validate={validate}
      missing={missingProfileFields(profile).map((f) => PROFILE_FIELD_LABEL[f])}
      busy={busy}
      message={message}
      onSave={(values) => {
        setBusy(true);
        setMessage(undefined);
        void save(values)
          .catch((e: unknown) => setMessage({ text: describeStorageError(e), error: true }))
          .finally(() => setBusy(false));
      }}
    />
  );
}
