import { useEffect, useState } from 'preact/hooks';
import { formatCents, formatDate } from './format';

/** One tracked appeal as the tracker shows it. Money in cents, dates ISO. */
export interface TrackedAppeal {
  id: string;
  templateTitle: string;
  status: string;
  sentDate?: string;
  channel?: string;
  followUpDate?: string;
  disputedCents: number;
  recoveredCents?: number;
  outcomeDate?: string;
}

/** What the biller submits from the form; amounts as typed, parsed by the caller. */
export interface TrackerInput {
  status: string;
  sentDate: string;
  channel: string;
  followUpDate: string;
  recovered: string;
}

export interface AppealTrackerProps {
  /** Newest first; the first is the one the form edits. */
  appeals: TrackedAppeal[];
  statuses: readonly string[];
  channels: readonly string[];
  /** Statuses that record an outcome (the amount recovered is asked for). */
  outcomes: readonly string[];
  today: string;
  /** Recovered on this claim across its appeals. */
  recoveredCents: number;
  message?: { text: string; error: boolean };
  /** Creates the appeal when there is none yet, then records it as sent. */
  onMarkSent: (input: TrackerInput) => void;
  onSave: (id: string, input: TrackerInput) => void;
}

export const APPEAL_STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  sent: 'Sent',
  'in-review': 'In review',
  won: 'Won',
  'partly-won': 'Partly won',
  lost: 'Lost',
};

function centsToInput(cents: number | undefined): string {
  return cents === undefined ? '' : (cents / 100).toFixed(2);
}

function initial(a: TrackedAppeal | undefined, today: string): TrackerInput {
  return {
    status: a?.status ?? 'draft',
    sentDate: a?.sentDate ?? today,
    channel: a?.channel ?? 'portal',
    followUpDate: a?.followUpDate ?? '',
    recovered: centsToInput(a?.recoveredCents ?? a?.disputedCents),
  };
}

/** Where the claim's appeal stands: status, date sent, channel, follow-up, and the money recovered. */
export function AppealTracker(p: AppealTrackerProps) {
  const current = p.appeals[0];
  const [form, setForm] = useState<TrackerInput>(() => initial(current, p.today));
  // Reset when the stored appeal changes, not on every re-render of an equal copy.
  const currentKey = JSON.stringify(current ?? null);
  useEffect(() => setForm(initial(current, p.today)), [currentKey, p.today]);
  const set = (patch: Partial<TrackerInput>) => setForm((f) => ({ ...f, ...patch }));
  const unsent = !current || current.status === 'draft';
  const outcome = p.outcomes.includes(form.status);
  return (
    <section class="appeal-tracker" aria-labelledby="tracker-heading" data-testid="appeal-tracker">
      <h3 id="tracker-heading">Appeal tracking</h3>
      {current ? (
        <p data-testid="tracker-summary">
          <strong data-testid="tracker-status">
            {APPEAL_STATUS_LABEL[current.status] ?? current.status}
          </strong>
          {' · '}
          {current.templateTitle}
          {current.sentDate && <> · sent {formatDate(current.sentDate)}</>}
          {current.channel && <> by {current.channel}</>}
          {current.followUpDate && <> · follow up {formatDate(current.followUpDate)}</>}
          {current.outcomeDate && <> · decided {formatDate(current.outcomeDate)}</>}
        </p>
      ) : (
        <p class="muted" data-testid="tracker-summary">
          Not sent yet. Copying, filling or printing the letter starts a draft here.
        </p>
      )}
      <p class="muted">
        Disputed {formatCents(current?.disputedCents)} · recovered on this claim{' '}
        <strong data-testid="tracker-recovered">{formatCents(p.recoveredCents)}</strong>
      </p>
      <form
        class="tracker-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (current) p.onSave(current.id, form);
        }}
      >
        <div class="row">
          <label>
            Status{' '}
            <select
              data-testid="tracker-status-select"
              value={form.status}
              disabled={!current}
              onChange={(e) => set({ status: e.currentTarget.value })}
            >
              {p.statuses.map((s) => (
                <option key={s} value={s}>
                  {APPEAL_STATUS_LABEL[s] ?? s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Date sent{' '}
            <input
              type="date"
              data-testid="tracker-sent-date"
              value={form.sentDate}
              max={p.today}
              onInput={(e) => set({ sentDate: e.currentTarget.value })}
            />
          </label>
          <label>
            Channel{' '}
            <select
              data-testid="tracker-channel"
              value={form.channel}
              onChange={(e) => set({ channel: e.currentTarget.value })}
            >
              {p.channels.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Follow up on{' '}
            <input
              type="date"
              data-testid="tracker-follow-up"
              value={form.followUpDate}
              onInput={(e) => set({ followUpDate: e.currentTarget.value })}
            />
          </label>
          {outcome && (
            <label>
              Amount recovered ${' '}
              <input
                inputMode="decimal"
                data-testid="tracker-recovered-input"
                value={form.status === 'lost' ? '0.00' : form.recovered}
                disabled={form.status === 'lost'}
                size={10}
                onInput={(e) => set({ recovered: e.currentTarget.value })}
              />
            </label>
          )}
        </div>
        <p class="row">
          {unsent && (
            <button type="button" data-testid="mark-sent" onClick={() => p.onMarkSent(form)}>
              Mark sent
            </button>
          )}
          <button type="submit" class="secondary" data-testid="tracker-save" disabled={!current}>
            {outcome ? 'Record outcome' : 'Save'}
          </button>
        </p>
      </form>
      {p.message && (
        <p
          class={p.message.error ? 'notice notice-error' : 'notice'}
          role={p.message.error ? 'alert' : 'status'}
          data-testid="tracker-message"
        >
          {p.message.text}
        </p>
      )}
      {p.appeals.length > 1 && (
        <details>
          <summary>Earlier appeals ({p.appeals.length - 1})</summary>
          <ul>
            {p.appeals.slice(1).map((a) => (
              <li key={a.id}>
                {APPEAL_STATUS_LABEL[a.status] ?? a.status}: {a.templateTitle}
                {a.sentDate && <>, sent {formatDate(a.sentDate)}</>}
                {a.recoveredCents !== undefined && <>, recovered {formatCents(a.recoveredCents)}</>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
