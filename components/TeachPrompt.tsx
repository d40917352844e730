export interface TeachPromptProps {
  host: string;
  /** The biller already let OON Guard read this site. */
  granted: boolean;
  /** Something was read on this page (by the generic reader): teaching is still offered, quieter. */
  readSomething: boolean;
  busy: boolean;
  message?: string | undefined;
  error?: boolean | undefined;
  onTeach: () => void;
}

/** "Teach this page" for a portal no built-in rule knows. Props in, one event out. */
export function TeachPrompt({
  host,
  granted,
  readSomething,
  busy,
  message,
  error,
  onTeach,
}: TeachPromptProps) {
  return (
    <section class="card" aria-labelledby="teach-title" data-testid="teach-section">
      <h2 id="teach-title">
        {readSomething ? 'Read this portal better' : `OON Guard has no rule for ${host}`}
      </h2>
      <p class="muted">
        Teach this page: point at the claim number, the totals and the service-line table. OON Guard then
        reads every page like it on {host}, on this computer only.
        {granted ? '' : ` Your browser will ask you to let OON Guard read ${host}.`}
      </p>
      <button type="button" onClick={onTeach} disabled={busy} data-testid="teach-start">
        Teach this page
      </button>
      {message && (
        <p
          class={error ? 'notice notice-error' : 'notice'}
          role={error ? 'alert' : 'status'}
          data-testid="teach-message"
        >
          {message}
        </p>
      )}
    </section>
  );
}
