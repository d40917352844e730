import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { localIsoDate } from '../../components/format';
import { useSubscription } from '../../components/use-subscription';
import { type AppealDraft, appealText, createAppeal, draftAppeal, fillValues } from '../../storage/appeals';
import { audit } from '../../storage/audit';
import { type ClaimRecord, openDatabase, type PageReadRecord } from '../../storage/db';
import { type GlanceSnapshot, glanceDeadlines } from '../../storage/glance';
import { compareReminders, dueFollowUps, loadGlance, refreshGlance } from '../../storage/reminders';
import { sendToPortal } from '../../utils/messaging';
import { glanceProps } from './glance-props';
import { PopupView } from './popup-view';

/**
 * The popup once painted (main.tsx paints the kept glance first): follows the store live, counts the
 * glance again when it is stale, and offers the appeal actions for the claim in the active tab.
 */
z.config({ jitless: true });
const db = openDatabase();

function localDate(d = new Date()): string {
  return localIsoDate(d);
}

const today = localDate();

/**
 * The glance from what indexes reach (the kept count, its stamp, follow-ups, page reads): no claim is
 * read, so the popup paints at once with 50,000 stored. A stale count is shown while it is redone.
 */
async function glanceView() {
  const [{ glance, fresh, stamp }, followUps, reads] = await Promise.all([
    loadGlance(db, today),
    dueFollowUps(db, today),
    db.pageReads.toArray(),
  ]);
  const lastRead = reads.sort((a, b) => b.at.localeCompare(a.at))[0];
  const lastClaim = lastRead?.claimKey ? await db.claims.get(lastRead.claimKey) : undefined;
  const deadlines = glance ? [...glance.reminders, ...followUps].sort(compareReminders) : undefined;
  return { glance, fresh, stamp, deadlines, lastRead, lastClaimNumber: lastClaim?.claim.claimNumber };
}

/** The claim read in a tab, with its default letter (the side panel's first choice). */
async function tabView(tabId: number) {
  const read = await db.pageReads.get(tabId);
  const record = read?.claimKey ? await db.claims.get(read.claimKey) : undefined;
  const draft = record?.score ? await draftAppeal(db, record.claim, record.score, today) : undefined;
  return { read, record, draft };
}

/** `?tabId=` when the popup is opened as a page (as in tests). */
function pinnedTabId(): number | undefined {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(pinned) && pinned > 0 ? pinned : undefined;
}

async function activeTabId(): Promise<number | undefined> {
  const [t] = await browser.tabs.query({ active: true, currentWindow: true });
  return t?.id;
}

/** The tab the popup acts on: `?tabId=`, else the active tab. */
function useTabId(): number | undefined {
  const pinned = pinnedTabId();
  const [tabId, setTabId] = useState<number | undefined>(pinned);
  useEffect(() => {
    if (pinned !== undefined) return;
    void activeTabId().then(setTabId);
  }, [pinned]);
  return tabId;
}

/** Opens the side panel for the popup's tab (or window) and closes the popup. */
export async function openSidePanel(tabId?: number) {
  if (tabId === undefined) tabId = pinnedTabId() ?? (await activeTabId());
  if (tabId !== undefined) await browser.sidePanel.open({ tabId });
  else {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
  }
  window.close();
}

function App({ initial }: { initial: GlanceSnapshot }) {
  const tabId = useTabId();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const g = useSubscription<Awaited<ReturnType<typeof glanceView>>>((next, fail) => {
    const sub = liveQuery(glanceView).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const tab = useSubscription<{ read?: PageReadRecord; record?: ClaimRecord; draft?: AppealDraft }>(
    (next, fail) => {
      if (tabId === undefined) return () => undefined;
      const sub = liveQuery(() => tabView(tabId)).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    [tabId],
  );
  // Count again once per stamp that differs from the kept one; the write wakes the query above.
  // One count at a time: while an import writes, the next count starts when this one is kept.
  const counted = useRef<{ stamp?: string; busy: boolean }>({ busy: false });
  const stale = g.value !== undefined && !g.value.fresh;
  useEffect(() => {
    const c = counted.current;
    if (!g.value || g.value.fresh || c.busy || c.stamp === g.value.stamp) return;
    c.stamp = g.value.stamp;
    c.busy = true;
    void refreshGlance(db, today)
      .catch((e: unknown) => setMessage({ text: `Could not count the claims: ${String(e)}`, error: true }))
      .finally(() => {
        c.busy = false;
      });
  }, [g.value]);
  useEffect(() => {
    // When nothing was kept to paint at once, the content is the first count.
    if (g.value?.glance && performance.getEntriesByName('oon:popup-content').length === 0)
      performance.mark('oon:popup-content');
  }, [g.value?.glance]);

  // Until the live query answers, the kept glance the first paint showed.
  const glance = g.value ? g.value.glance : initial.glance;
  const deadlines = g.value ? g.value.deadlines : initial.glance && glanceDeadlines(initial.glance);
  const last = g.value ? g.value.lastRead : initial.lastRead;
  const lastClaimNumber = g.value ? g.value.lastClaimNumber : initial.lastClaimNumber;
  const read = tab.value?.read;
  const record = tab.value?.record;
  const draft = tab.value?.draft;

  const track = async (action: 'copy' | 'fill') => {
    if (!record?.score || !draft) return;
    await createAppeal(
      db,
      {
        claimKey: record.key,
        templateId: draft.templateId,
        disputedCents: record.score.totals.shortfallCents,
        ...(action === 'fill' ? { channel: 'portal' as const } : {}),
      },
      new Date().toISOString(),
    );
    await audit(db, action, `appeal letter (${draft.templateId}), 1 claim, from the popup`);
  };

  return (
    <PopupView
      {...glanceProps(glance, deadlines, last, lastClaimNumber)}
      updating={stale}
      {...(record
        ? {
            tabClaim: {
              claimNumber: record.claim.claimNumber,
              shortfallCents: record.shortfallCents,
              hasLetter: draft !== undefined,
              canFill: read?.pageKind === 'disputeForm',
            },
          }
        : {})}
      message={
        message ??
        (g.error !== undefined
          ? { text: `The claim store could not be opened: ${String(g.error)}`, error: true }
          : undefined)
      }
      onCopy={() => {
        if (!draft) return;
        void navigator.clipboard
          .writeText(appealText(draft.letter, draft.letter.body))
          .then(() =>
            setMessage({
              text: 'Appeal text copied. Paste it into the portal or your letter.',
              error: false,
            }),
          )
          .then(() => track('copy'))
          .catch((e: unknown) => setMessage({ text: `Could not copy: ${String(e)}`, error: true }));
      }}
      onFill={() => {
        if (!draft || !record?.score || tabId === undefined) return;
        void sendToPortal(
          'fillAppealForm',
          fillValues(record.claim, record.score, draft, draft.letter.body),
          {
            tabId,
            ...(read?.formFrameId !== undefined ? { frameId: read.formFrameId } : {}),
          },
        )
          .then(async (r) => {
            setMessage(
              r.ok
                ? {
                    text: `Filled the form (${(r.filled ?? []).join(', ')}). Review it and submit it yourself.`,
                    error: false,
                  }
                : { text: r.error ?? 'The form could not be filled.', error: true },
            );
            if (r.ok) await track('fill');
          })
          .catch((e: unknown) =>
            setMessage({ text: `The portal page did not answer: ${String(e)}`, error: true }),
          );
      }}
      onOpenSidePanel={() => void openSidePanel(tabId).catch(() => undefined)}
      dashboardUrl={browser.runtime.getURL('/dashboard.html')}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />
  );
}

/** Takes over the view main.tsx painted from the kept glance. */
export function start(root: HTMLElement, initial: GlanceSnapshot): void {
  render(<App initial={initial} />, root);
}
