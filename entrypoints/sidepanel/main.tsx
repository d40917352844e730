import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { AppealPanel } from '../../components/AppealPanel';
import { ClaimFindings } from '../../components/ClaimFindings';
import { PAGE_KIND_LABEL } from '../../components/format';
import { UnreadablePage } from '../../components/PageStatus';
import { useSubscription } from '../../components/use-subscription';
import '../../components/theme.css';
import { type AppealDraft, appealText, draftAppeal, REASON_KEYWORDS } from '../../storage/appeals';
import type { ClaimRecord, PageReadRecord } from '../../storage/db';
import { openDatabase } from '../../storage/db';
import { sendMessage } from '../../utils/messaging';

z.config({ jitless: true });
const db = openDatabase();

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

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function AppealSection({
  record,
  read,
  tabId,
}: {
  record: ClaimRecord;
  read: PageReadRecord | undefined;
  tabId: number;
}) {
  const [templateId, setTemplateId] = useState<string>();
  const [draft, setDraft] = useState<AppealDraft>();
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  const [printText, setPrintText] = useState<string>();
  useEffect(() => {
    if (!record.score) return;
    void draftAppeal(db, record.claim, record.score, localDate(), templateId).then(setDraft);
  }, [record, templateId]);
  if (!draft || !record.score) return null;
  const shortfall = record.score.totals.shortfallCents;
  return (
    <>
      <AppealPanel
        templates={draft.templates}
        templateId={draft.templateId}
        subject={draft.letter.subject}
        body={draft.letter.body}
        missing={draft.letter.missing}
        attachments={draft.letter.attachments}
        canFill={read?.pageKind === 'disputeForm'}
        status={status}
        onTemplate={(id) => {
          setStatus(undefined);
          setTemplateId(id);
        }}
        onCopy={(body) =>
          void navigator.clipboard
            .writeText(appealText(draft.letter, body))
            .then(() =>
              setStatus({
                text: 'Appeal text copied. Paste it into the portal or your letter.',
                error: false,
              }),
            )
            .catch((e: unknown) => setStatus({ text: `Could not copy: ${String(e)}`, error: true }))
        }
        onPrint={(body) => {
          setPrintText(appealText(draft.letter, body));
          requestAnimationFrame(() => window.print());
        }}
        onFill={(body) =>
          void sendMessage(
            'fillAppealForm',
            {
              claimNumber: record.claim.claimNumber,
              ...(record.claim.patientAccount ? { patientAccount: record.claim.patientAccount } : {}),
              message: appealText(draft.letter, body),
              ...(shortfall > 0 ? { amount: (shortfall / 100).toFixed(2) } : {}),
              reasonKeywords: REASON_KEYWORDS[draft.templateId],
            },
            { tabId, ...(read?.formFrameId !== undefined ? { frameId: read.formFrameId } : {}) },
          )
            .then((r) =>
              setStatus(
                r.ok
                  ? {
                      text: `Filled the form (${(r.filled ?? []).join(', ')}). Review it and submit it yourself.`,
                      error: false,
                    }
                  : { text: r.error ?? 'The form could not be filled.', error: true },
              ),
            )
            .catch((e: unknown) =>
              setStatus({ text: `The portal page did not answer: ${String(e)}`, error: true }),
            )
        }
      />
      {printText && <pre class="print-only">{printText}</pre>}
    </>
  );
}

function App() {
  const tabId = useActiveTabId();
  const view = useSubscription<{ read?: PageReadRecord; record?: ClaimRecord }>(
    (next, fail) => {
      if (tabId === undefined) return () => undefined;
      const sub = liveQuery(async () => {
        const read = await db.pageReads.get(tabId);
        const record = read?.claimKey ? await db.claims.get(read.claimKey) : undefined;
        return { read, record };
      }).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    [tabId],
  );
  const read = view.value?.read;
  const record = view.value?.record;
  return (
    <main aria-live="polite">
      <h1>OON Guard</h1>
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
      {read?.ok && !read.claimKey && (
        <p class="empty" data-testid="page-kind">
          {read.portalName}: {PAGE_KIND_LABEL[read.pageKind] ?? read.pageKind} page. Open a claim to see its
          findings.
        </p>
      )}
      {record?.score && (
        <ClaimFindings claim={record.claim} score={record.score} portalName={read?.portalName} />
      )}
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
