import { useState } from 'preact/hooks';
import type { PortalRule } from '../rules/portals/schema';
import { formatDate } from './format';

export interface TaughtRuleRow {
  id: string;
  origin: string;
  rule: PortalRule;
  updatedAt: string;
  /** The biller has let OON Guard read this origin (else it is stored but not applied). */
  granted: boolean;
}

export interface TeachRuleListProps {
  rows: TaughtRuleRow[];
  onRemove: (id: string) => void;
  onAllow: (origin: string) => void;
  /** Saves edited JSON; resolves with the errors that refused it (empty when saved). */
  onSaveEdit: (id: string, json: string) => Promise<string[]>;
}

/** The rules the biller taught: what each reads, whether its site is allowed, edit as JSON, remove. */
export function TeachRuleList({ rows, onRemove, onAllow, onSaveEdit }: TeachRuleListProps) {
  const [editing, setEditing] = useState<{ id: string; text: string; errors: string[] }>();
  if (rows.length === 0)
    return (
      <p class="empty" data-testid="no-taught-rules">
        No taught portals yet. Open a claim page of a portal OON Guard does not know and use "Teach this page"
        in the side panel.
      </p>
    );
  return (
    <ul class="plain" data-testid="taught-rules">
      {rows.map((r) => (
        <li key={r.id} data-testid="taught-rule">
          <strong>{r.rule.name}</strong> <span class="muted">{r.origin}</span>
          <p class="muted">
            {r.rule.pageKinds.map((k) => k.kind).join(', ')} · updated {formatDate(r.updatedAt.slice(0, 10))}
            {r.granted ? '' : ' · not allowed to read this site yet'}
          </p>
          <p class="row">
            {!r.granted && (
              <button type="button" onClick={() => onAllow(r.origin)}>
                Allow reading {new URL(r.origin).host}
              </button>
            )}
            <button
              type="button"
              class="secondary"
              onClick={() => setEditing({ id: r.id, text: JSON.stringify(r.rule, null, 2), errors: [] })}
            >
              Edit
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => onRemove(r.id)}
              aria-label={`Remove ${r.rule.name}`}
            >
              Remove
            </button>
          </p>
          {editing?.id === r.id && (
            <div>
              <label>
                Rule JSON (same schema as the built-in rules)
                <textarea
                  rows={16}
                  cols={80}
                  value={editing.text}
                  onInput={(e) => setEditing({ ...editing, text: (e.target as HTMLTextAreaElement).value })}
                />
              </label>
              {editing.errors.length > 0 && (
                <ul class="notice notice-error" role="alert">
                  {editing.errors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
              <p class="row">
                <button
                  type="button"
                  onClick={() =>
                    void onSaveEdit(r.id, editing.text).then((errors) =>
                      setEditing(errors.length ? { ...editing, errors } : undefined),
                    )
                  }
                >
                  Save changes
                </button>
                <button type="button" class="secondary" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
              </p>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
