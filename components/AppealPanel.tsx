import { useEffect, useState } from 'preact/hooks';

export interface AppealChoice {
  id: string;
  title: string;
}

export interface AppealPanelProps {
  templates: AppealChoice[];
  templateId: string;
  subject: string;
  body: string;
  missing: string[];
  attachments: string[];
  canFill: boolean;
  status?: { text: string; error: boolean };
  onTemplate: (id: string) => void;
  onCopy: (text: string) => void;
  onPrint: (text: string) => void;
  onFill: (text: string) => void;
}

/** The appeal for the claim on screen: choose a letter, edit it, copy, print or fill the portal's form. */
export function AppealPanel(p: AppealPanelProps) {
  const [text, setText] = useState(p.body);
  useEffect(() => setText(p.body), [p.body]);
  if (p.templates.length === 0) return null;
  return (
    <section class="appeal" aria-labelledby="appeal-heading">
      <h3 id="appeal-heading">Appeal</h3>
      <label>
        Letter{' '}
        <select
          value={p.templateId}
          data-testid="appeal-template"
          onChange={(e) => p.onTemplate(e.currentTarget.value)}
        >
          {p.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      {p.missing.length > 0 && (
        <p class="notice notice-warning" data-testid="appeal-missing">
          Fill in before sending: {p.missing.join(', ')}. Add them in Settings → Practice profile.
        </p>
      )}
      <p class="muted">{p.subject}</p>
      <textarea
        aria-label="Appeal letter text"
        data-testid="appeal-text"
        rows={14}
        style={{ width: '100%', boxSizing: 'border-box', font: '12px/1.4 ui-monospace, monospace' }}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p class="row">
        <button type="button" data-testid="copy-appeal" onClick={() => p.onCopy(text)}>
          Copy appeal text
        </button>
        <button type="button" class="secondary" onClick={() => p.onPrint(text)}>
          Print letter
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="fill-appeal"
          disabled={!p.canFill}
          title={p.canFill ? undefined : "Open the portal's dispute or appeal form first"}
          onClick={() => p.onFill(text)}
        >
          Fill appeal form
        </button>
      </p>
      {p.status && (
        <p
          class={p.status.error ? 'notice notice-error' : 'notice'}
          role={p.status.error ? 'alert' : 'status'}
          data-testid="appeal-status"
        >
          {p.status.text}
        </p>
      )}
      {p.attachments.length > 0 && (
        <details>
          <summary>Documents to attach ({p.attachments.length})</summary>
          <ul>
            {p.attachments.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
