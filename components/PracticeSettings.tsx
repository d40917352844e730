import { useState } from 'preact/hooks';

export interface PracticeRow {
  id: string;
  name: string;
  npi?: string;
  tin?: string;
}

export interface PracticeSettingsProps {
  practices: PracticeRow[];
  currentId: string;
  message?: { text: string; error: boolean };
  onSwitch: (id: string) => void;
  onAdd: (p: { name: string; npi: string; tin: string }) => void;
  onRemove: (id: string) => void;
}

/**
 * Practices for billing services: each has its own schedules, policies, location and profile. The
 * current practice is the one being edited below and the default for claims no NPI or TIN places.
 */
export function PracticeSettings(p: PracticeSettingsProps) {
  const [name, setName] = useState('');
  const [npi, setNpi] = useState('');
  const [tin, setTin] = useState('');
  const all: PracticeRow[] = [{ id: '', name: 'This practice (default)' }, ...p.practices];
  return (
    <section aria-labelledby="practices-heading">
      <h2 id="practices-heading">Practices</h2>
      <p class="muted">
        Billing for several practices? Add each with its NPI or TIN: a claim is priced with the schedules and
        policies of the practice whose NPI or TIN is on the remittance or page.
      </p>
      <label>
        Working on{' '}
        <select
          value={p.currentId}
          data-testid="current-practice"
          onChange={(e) => p.onSwitch(e.currentTarget.value)}
        >
          {all.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
              {x.npi ? ` · NPI ${x.npi}` : ''}
              {x.tin ? ` · TIN ${x.tin}` : ''}
            </option>
          ))}
        </select>
      </label>
      {p.practices.length > 0 && (
        <ul>
          {p.practices.map((x) => (
            <li key={x.id}>
              {x.name} {x.npi ? `NPI ${x.npi}` : ''} {x.tin ? `TIN ${x.tin}` : ''}{' '}
              <button type="button" class="secondary" onClick={() => p.onRemove(x.id)}>
                Remove {x.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <label>
          Name{' '}
          <input value={name} data-testid="practice-name" onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          NPI{' '}
          <input
            value={npi}
            inputMode="numeric"
            data-testid="practice-npi"
            onInput={(e) => setNpi(e.currentTarget.value)}
          />
        </label>
        <label>
          TIN{' '}
          <input
            value={tin}
            inputMode="numeric"
            data-testid="practice-tin"
            onInput={(e) => setTin(e.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            p.onAdd({ name, npi, tin });
            setName('');
            setNpi('');
            setTin('');
          }}
        >
          Add practice
        </button>
      </div>
      {p.message && (
        <p
          class={p.message.error ? 'notice notice-error' : 'notice'}
          role={p.message.error ? 'alert' : 'status'}
        >
          {p.message.text}
        </p>
      )}
    </section>
  );
}
