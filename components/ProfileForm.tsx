import { useEffect, useState } from 'preact/hooks';

/** One field of the practice profile form. */
export interface ProfileFieldSpec {
  id: string;
  label: string;
  hint?: string;
  /** Several lines (the street address), one value per line. */
  multiline?: boolean;
  autocomplete?: string;
  type?: 'text' | 'email' | 'tel';
}

export interface ProfileFormProps {
  fields: readonly ProfileFieldSpec[];
  /** Stored values, as text (address lines joined by newlines). */
  values: Record<string, string>;
  /** Why a value cannot be used, or undefined when it can (an empty field is not an error). */
  validate: (field: string, raw: string) => string | undefined;
  /** Labels of the fields a letter cannot fill yet. */
  missing: readonly string[];
  busy?: boolean;
  message?: { text: string; error: boolean };
  onSave: (values: Record<string, string>) => void;
}

// theme.css has no form-field rule; these few lines stay with the one form that needs them.
const FIELD_STYLE = { display: 'grid', gap: '2px', margin: '0 0 10px', maxWidth: '30rem' };

/** The practice's name, identifiers, address, contact and signer, as every appeal letter prints them. */
export function ProfileForm(p: ProfileFormProps) {
  const [values, setValues] = useState<Record<string, string>>(p.values);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [dirty, setDirty] = useState(false);
  const storedKey = JSON.stringify(p.values);
  // Show what is stored when it arrives, unless the biller is typing (an invalid value is never stored).
  useEffect(() => {
    if (!dirty) setValues(p.values);
  }, [storedKey]);
  const edit = (id: string, value: string) => {
    setDirty(true);
    setValues((v) => ({ ...v, [id]: value }));
  };
  const errorOf = (id: string) => (touched[id] ? p.validate(id, values[id] ?? '') : undefined);
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Practice profile</h2>
      <p class="muted">
        Printed on every appeal letter. A field left empty shows in the letter as [MISSING: …].
      </p>
      {p.missing.length > 0 ? (
        <p class="notice notice-warning" data-testid="profile-missing">
          Letters cannot fill yet: {p.missing.join(', ')}.
        </p>
      ) : (
        <p class="notice" data-testid="profile-complete">
          The profile is complete.
        </p>
      )}
      <form
        class="profile-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(Object.fromEntries(p.fields.map((f) => [f.id, true])));
          p.onSave(values);
        }}
      >
        {p.fields.map((f) => {
          const error = errorOf(f.id);
          const inputId = `profile-${f.id}`;
          const common = {
            id: inputId,
            name: f.id,
            'data-testid': inputId,
            value: values[f.id] ?? '',
            'aria-invalid': error ? ('true' as const) : undefined,
            'aria-describedby': error ? `${inputId}-error` : f.hint ? `${inputId}-hint` : undefined,
            onBlur: () => setTouched((t) => ({ ...t, [f.id]: true })),
          };
          return (
            <div key={f.id} style={FIELD_STYLE}>
              <label for={inputId}>{f.label}</label>
              {f.multiline ? (
                <textarea
                  {...common}
                  rows={3}
                  autocomplete={f.autocomplete}
                  onInput={(e) => edit(f.id, e.currentTarget.value)}
                />
              ) : (
                <input
                  {...common}
                  type={f.type ?? 'text'}
                  autocomplete={f.autocomplete}
                  onInput={(e) => edit(f.id, e.currentTarget.value)}
                />
              )}
              {error ? (
                <span id={`${inputId}-error`} role="alert" style={{ color: 'var(--danger)' }}>
                  {error}
                </span>
              ) : (
                f.hint && (
                  <span class="muted" id={`${inputId}-hint`}>
                    {f.hint}
                  </span>
                )
              )}
            </div>
          );
        })}
        <p class="row">
          <button type="submit" data-testid="profile-save" disabled={p.busy}>
            Save profile
          </button>
        </p>
      </form>
      {p.message && (
        <p
          class={p.message.error ? 'notice notice-error' : 'notice'}
          role={p.message.error ? 'alert' : 'status'}
          data-testid="profile-message"
        >
          {p.message.text}
        </p>
      )}
    </section>
  );
}
