import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The default pricing method the biller picks on first install. */
export type DefaultMethodChoice =
  | { method: 'schedule' }
  | { method: 'percent-of-medicare'; percent: number }
  | { method: 'ucr'; percentile: number };

export interface OnboardingProps {
  /** The schedule step: the import component, rendered by the page. */
  scheduleStep: ComponentChildren;
  /** Name of the active fee schedule, once one is saved. */
  activeSchedule?: string;
  profileUrl: string;
  policy: DefaultMethodChoice;
  /** Set after a save: errors are role=alert. */
  policyMessage?: { text: string; error: boolean };
  busy: boolean;
  onSavePolicy: (choice: DefaultMethodChoice) => void;
  onDone: () => void;
}

function Step({ n, title, children }: { n: number; title: string; children: ComponentChildren }) {
  return (
    <section class="onboarding-step" aria-labelledby={`step-${n}`}>
      <h2 id={`step-${n}`}>
        <span class="step-number" aria-hidden="true">
          {n}
        </span>{' '}
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * First install: where the data lives, then three steps (fee schedule, practice profile, default
 * payer policy) and Done. Every step can be skipped and done later in the settings.
 */
export function Onboarding(p: OnboardingProps) {
  const [method, setMethod] = useState<DefaultMethodChoice['method']>(p.policy.method);
  const [percent, setPercent] = useState(
    p.policy.method === 'percent-of-medicare' ? String(p.policy.percent) : '150',
  );
  const [percentile, setPercentile] = useState(
    p.policy.method === 'ucr' ? String(p.policy.percentile) : '80',
  );
  useEffect(() => {
    setMethod(p.policy.method);
    if (p.policy.method === 'percent-of-medicare') setPercent(String(p.policy.percent));
    if (p.policy.method === 'ucr') setPercentile(String(p.policy.percentile));
  }, [p.policy]);

  const percentValue = Number(percent);
  const percentileValue = Number(percentile);
  const invalid =
    method === 'percent-of-medicare'
      ? !(percentValue > 0 && percentValue <= 10_000)
      : method === 'ucr'
        ? !(Number.isInteger(percentileValue) && percentileValue >= 1 && percentileValue <= 99)
        : false;
  const choice = (): DefaultMethodChoice =>
    method === 'percent-of-medicare'
      ? { method, percent: percentValue }
      : method === 'ucr'
        ? { method, percentile: percentileValue }
        : { method: 'schedule' };
  const radio = (value: DefaultMethodChoice['method'], label: string) => (
    <label class="choice">
      <input
        type="radio"
        name="default-method"
        value={value}
        checked={method === value}
        onChange={() => setMethod(value)}
      />{' '}
      {label}
    </label>
  );

  return (
    <main class="onboarding">
      <h1>Welcome to OON Guard</h1>
      <section class="notice privacy-note" aria-labelledby="privacy-heading" data-testid="privacy-note">
        <h2 id="privacy-heading">Your data stays on this computer</h2>
        <p>
          Claims, remittances and fee schedules are kept in this browser profile only. OON Guard sends nothing
          to any server: there is no account and no cloud copy. Three short steps set it up; each can be
          changed later in the settings.
        </p>
      </section>

      <Step n={1} title="Fee schedule">
        <p>The amounts your practice expects per procedure code. Import your CSV or start with the sample.</p>
        {p.scheduleStep}
        <p role="status" data-testid="onboarding-schedule">
          {p.activeSchedule ? `Active fee schedule: ${p.activeSchedule}.` : 'No fee schedule yet.'}
        </p>
      </Step>

      <Step n={2} title="Practice profile">
        <p>
          The practice name, NPI, tax ID and address that appeal letters are signed with.{' '}
          <a href={p.profileUrl} target="_blank" rel="noopener" data-testid="profile-link">
            Set the practice profile in the settings (opens a new tab)
          </a>
          .
        </p>
      </Step>

      <Step n={3} title="Payer policies">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) p.onSavePolicy(choice());
          }}
        >
          <fieldset>
            <legend>How should a payment be priced when no payer-specific policy applies?</legend>
            {radio('schedule', 'By the fee schedule')}
            <div class="choice-row">
              {radio('percent-of-medicare', 'As a percent of Medicare')}
              <label>
                Percent of Medicare{' '}
                <input
                  type="number"
                  min={1}
                  max={10000}
                  step="any"
                  value={percent}
                  disabled={method !== 'percent-of-medicare'}
                  data-testid="policy-percent"
                  onInput={(e) => setPercent((e.currentTarget as HTMLInputElement).value)}
                />
              </label>
            </div>
            <div class="choice-row">
              {radio('ucr', 'By a UCR percentile')}
              <label>
                Percentile{' '}
                <input
                  type="number"
                  min={1}
                  max={99}
                  step={1}
                  value={percentile}
                  disabled={method !== 'ucr'}
                  data-testid="policy-percentile"
                  onInput={(e) => setPercentile((e.currentTarget as HTMLInputElement).value)}
                />
              </label>
            </div>
          </fieldset>
          {invalid && (
            <p class="notice notice-error" role="alert">
              {method === 'ucr'
                ? 'The percentile is a whole number from 1 to 99.'
                : 'The percent is above 0.'}
            </p>
          )}
          <p class="row">
            <button type="submit" disabled={p.busy || invalid} data-testid="save-policy">
              Save the default policy
            </button>
          </p>
        </form>
        {p.policyMessage && (
          <p
            class={p.policyMessage.error ? 'notice notice-error' : 'notice'}
            role={p.policyMessage.error ? 'alert' : 'status'}
            data-testid="policy-message"
          >
            {p.policyMessage.text}
          </p>
        )}
      </Step>

      <p class="row done-row">
        <button type="button" onClick={p.onDone} data-testid="onboarding-done">
          Done: open the worklist
        </button>
      </p>
    </main>
  );
}
