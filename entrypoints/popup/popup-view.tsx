import { formatCents } from '../../components/format';

export interface PopupViewProps {
  /** Undefined until first counted. */
  flaggedClaims?: number;
  recoverableCents?: number;
  /** True while the numbers shown are being counted again. */
  updating: boolean;
  /** "Appeal by Dec 2: claim A261…, $182.40" lines, soonest first; undefined until known. */
  deadlines?: string[];
  lastRead?: { portalName: string; pageKind: string; ok: boolean; at: string; claimNumber?: string };
  /** The claim in the active tab, when one is read there. */
  tabClaim?: { claimNumber: string; shortfallCents: number; hasLetter: boolean; canFill: boolean };
  message?: { text: string; error: boolean };
  onCopy: () => void;
  onFill: () => void;
  onOpenSidePanel: () => void;
  dashboardUrl: string;
  optionsUrl: string;
}

const MAX_DEADLINE_LINES = 3;

function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
}

/** Today at a glance, and the common appeal actions for the claim in the active tab. */
export function PopupView(p: PopupViewProps) {
  return (
    <main style={{ minWidth: '320px', maxWidth: '420px' }} aria-busy={p.updating}>
      <h1>OON Guard</h1>
      <div class="stat">
        <span>Flagged claims</span>
        <strong data-testid="flagged-claims">{p.flaggedClaims ?? '…'}</strong>
      </div>
      <div class="stat">
        <span>Total recoverable</span>
        <strong data-testid="total-shortfall">
          {p.recoverableCents === undefined ? '…' : formatCents(p.recoverableCents)}
        </strong>
      </div>
      <div class="stat">
        <span>Deadlines in the next 7 days</span>
        <strong data-testid="deadlines-count">{p.deadlines?.length ?? '…'}</strong>
      </div>
      {p.deadlines && p.deadlines.length > 0 && (
        <ul class="muted" data-testid="deadlines" style={{ paddingLeft: '18px', margin: '6px 0' }}>
          {p.deadlines.slice(0, MAX_DEADLINE_LINES).map((d) => (
            <li key={d}>{d}</li>
          ))}
          {p.deadlines.length > MAX_DEADLINE_LINES && (
            <li>and {p.deadlines.length - MAX_DEADLINE_LINES} more in the worklist</li>
          )}
        </ul>
      )}
      {p.updating && (
        <p class="muted" role="status">
          Counting again…
        </p>
      )}
      <p class="muted" data-testid="last-read">
        {p.lastRead
          ? `Last page read: ${p.lastRead.portalName}, ${p.lastRead.pageKind}${
              p.lastRead.claimNumber ? ` ${p.lastRead.claimNumber}` : ''
            }, ${p.lastRead.ok ? 'read' : 'could not be read'} ${time(p.lastRead.at)}`.trim()
          : 'No portal page read yet.'}
      </p>
      {p.tabClaim && (
        <section aria-labelledby="tab-claim-heading" data-testid="tab-claim">
          <h2 id="tab-claim-heading">
            Claim <span data-testid="tab-claim-number">{p.tabClaim.claimNumber}</span>
          </h2>
          <p class="muted">Shortfall {formatCents(p.tabClaim.shortfallCents)}</p>
          {p.tabClaim.hasLetter ? (
            <p class="row">
              <button type="button" data-testid="popup-copy-appeal" onClick={p.onCopy}>
                Copy appeal text
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="popup-fill-appeal"
                disabled={!p.tabClaim.canFill}
                title={p.tabClaim.canFill ? undefined : "Open the portal's dispute or appeal form first"}
                onClick={p.onFill}
              >
                Fill appeal form
              </button>
            </p>
          ) : (
            <p class="muted">Nothing on this claim to appeal.</p>
          )}
        </section>
      )}
      {p.message && (
        <p
          class={p.message.error ? 'notice notice-error' : 'notice'}
          role={p.message.error ? 'alert' : 'status'}
          data-testid="popup-status"
        >
          {p.message.text}
        </p>
      )}
      <p class="row">
        <button type="button" class="secondary" onClick={p.onOpenSidePanel} data-testid="open-side-panel">
          Open side panel
        </button>
        <a href={p.dashboardUrl} target="_blank" rel="noreferrer" data-testid="open-dashboard">
          Worklist and reports
        </a>
        <a href={p.optionsUrl} target="_blank" rel="noreferrer">
          Settings
        </a>
      </p>
    </main>
  );
}
