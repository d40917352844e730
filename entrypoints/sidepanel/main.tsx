import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ClaimFindings } from '../../components/ClaimFindings';
import { ClaimListSummary } from '../../components/ClaimListSummary';
import { PAGE_KIND_LABEL } from '../../components/format';
import { UnreadablePage } from '../../components/PageStatus';
import { useSubscription } from '../../components/use-subscription';
import { CATEGORY_INFO } from '../../rules/adjustments/index';
import { AppealSection } from './appeal-section';
import { db } from './env';
import { NotesSection } from './notes-section';
import { TeachSection } from './teach-section';
import { useRevealed } from './use-revealed';
import '../../components/theme.css';
import type { ClaimRecord, PageReadRecord } from '../../storage/db';

z.config({ jitless: true });

/**
 * The tab whose claim is shown: the active tab of this window, following tab switches; or the tab
 * named by `?tabId=` when the panel is opened as a page of its own (a pinned findings window).
 */
function useActiveTabId(): number | undefined {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | undefined>(
    Number.isInteger(pinned) && pinned > 0 ? pinned : undefined,
  );
  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    const refresh = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => setTabId(t?.id));
    void refresh();
    const onActivated = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}

function App() {
  const tabId = useActiveTabId();
  const view = useSubscription<{ read?: PageReadRecord; record?: ClaimRecord; list?: ClaimRecord[] }>(
    (next, fail) => {
      if (tabId === undefined) return () => undefined;
      const sub = liveQuery(async () => {
        const read = await db.pageReads.get(tabId);
        const record = read?.claimKey ? await db.claims.get(read.claimKey) : undefined;
        const list = read?.listKeys?.length
          ? (await db.claims.bulkGet(read.listKeys)).filter((r): r is ClaimRecord => r !== undefined)
          : undefined;
        return { read, record, list };
      }).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    [tabId],
  );
  const read = view.value?.read;
  const { record, locked } = useRevealed(view.value?.record);
  const list = view.value?.list;
  return (
    <main aria-live="polite">
      <h1>OON Guard</h1>
      {locked && (
        <p class="notice notice-warning" data-testid="locked">
          Patient names and IDs are locked. Unlock them in Settings → Privacy to see them here and in letters.
        </p>
      )}
      {view.error !== undefined && (
        <p class="notice notice-error" role="alert">
          The claim store could not be opened: {String(view.error)}
        </p>
      )}
      {!read && (
        <p class="empty" data-testid="no-page">
          Open a claim or EOB page on a supported payer portal. Its lines are checked here as soon as the page
          is read.
        </p>
      )}
      {read && !read.ok && (
        <UnreadablePage portalName={read.portalName} pageKind={read.pageKind} missing={read.missing ?? []} />
      )}
      {read?.ok && list && (
        <ClaimListSummary
          portalName={read.portalName}
          rows={list.map((r) => ({ claim: r.claim, score: r.score }))}
        />
      )}
      {read?.ok && !read.claimKey && !list && (
        <p class="empty" data-testid="page-kind">
          {read.portalName}: {PAGE_KIND_LABEL[read.pageKind] ?? read.pageKind} page. Open a claim to see its
          findings.
        </p>
      )}
      {record?.score && (
        <ClaimFindings
          claim={record.claim}
          score={record.score}
          portalName={read?.portalName}
          actionFor={(c) => CATEGORY_INFO[c]?.action}
        />
      )}
      {record?.score && <NotesSection record={record} />}
      {tabId !== undefined && <TeachSection tabId={tabId} read={read} />}
      {record?.score && tabId !== undefined && <AppealSection record={record} read={read} tabId={tabId} />}
      <p class="row">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Fee schedules and settings
        </a>
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer">
          Worklist and reports
        </a>
      </p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
