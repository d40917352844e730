import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { formatCents } from '../../components/format';
import { useSubscription } from '../../components/use-subscription';
import '../../components/theme.css';
import { openDatabase } from '../../storage/db';

z.config({ jitless: true });
const db = openDatabase();

async function summary() {
  const flagged = await db.claims.where('flagKinds').anyOf('underpaid', 'denied').distinct().toArray();
  const last = await db.pageReads.orderBy('tabId').toArray();
  const latest = last.sort((a, b) => b.at.localeCompare(a.at))[0];
  return {
    flaggedClaims: flagged.length,
    shortfallCents: flagged.reduce((a, r) => a + r.shortfallCents, 0),
    last: latest,
  };
}

async function openSidePanel() {
  const win = await browser.windows.getCurrent();
  if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
  window.close();
}

function App() {
  const s = useSubscription<Awaited<ReturnType<typeof summary>>>((next, fail) => {
    const sub = liveQuery(summary).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  return (
    <main style={{ minWidth: '300px' }}>
      <h1>OON Guard</h1>
      <div class="stat">
        <span>Flagged claims</span>
        <strong data-testid="flagged-claims">{s.value?.flaggedClaims ?? '…'}</strong>
      </div>
      <div class="stat">
        <span>Total shortfall</span>
        <strong data-testid="total-shortfall">{s.value ? formatCents(s.value.shortfallCents) : '…'}</strong>
      </div>
      {s.value?.last && (
        <p class="muted">
          Last page read: {s.value.last.portalName}, {s.value.last.ok ? 'read' : 'could not be read'}
        </p>
      )}
      <p class="row">
        <button type="button" onClick={() => void openSidePanel()} data-testid="open-side-panel">
          Open side panel
        </button>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings
        </a>
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer">
          Worklist and reports
        </a>
      </p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
