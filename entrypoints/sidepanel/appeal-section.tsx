import { liveQuery } from 'dexie';
import { useState } from 'preact/hooks';
import { AppealPanel } from '../../components/AppealPanel';
import { AppealTracker, type TrackerInput } from '../../components/AppealTracker';
import { useSubscription } from '../../components/use-subscription';
import { getTemplate } from '../../rules/appeals/index';
import {
  APPEAL_CHANNELS,
  type AppealChange,
  type AppealChannel,
  type AppealDraft,
  appealsForClaim,
  appealText,
  createAppeal,
  draftAppeal,
  fillValues,
  OUTCOME_STATUSES,
  parseDollars,
  updateAppeal,
} from '../../storage/appeals';
import { audit } from '../../storage/audit';
import { APPEAL_STATUSES, type AppealStatus, type ClaimRecord, type PageReadRecord } from '../../storage/db';
import { sendToPortal } from '../../utils/messaging';
import { db, localDate } from './env';

type Message = { text: string; error: boolean };

/** The tracker's form, parsed: what updateAppeal accepts, or what is wrong with it. */
function toChange(input: TrackerInput, status: AppealStatus): AppealChange | string {
  const change: AppealChange = { status };
  if (input.sentDate) change.sentDate = input.sentDate;
  if ((APPEAL_CHANNELS as readonly string[]).includes(input.channel)) {
    change.channel = input.channel as AppealChannel;
  }
  if (input.followUpDate) change.followUpDate = input.followUpDate;
  if (status === 'won' || status === 'partly-won') {
    if (input.recovered.trim()) {
      const cents = parseDollars(input.recovered);
      if (cents === undefined) return `"${input.recovered}" is not an amount: write it like 182.40.`;
      change.recoveredCents = cents;
    }
  }
  return change;
}

/** The appeal for the claim on screen: letter, copy, print, fill, and where the appeal stands. */
export function AppealSection({
  record,
  read,
  tabId,
}: {
  record: ClaimRecord;
  read: PageReadRecord | undefined;
  tabId: number;
}) {
  const [templateId, setTemplateId] = useState<string>();
  const [status, setStatus] = useState<Message>();
  const [trackerMessage, setTrackerMessage] = useState<Message>();
  const [printText, setPrintText] = useState<string>();
  // A live query: the letter follows the practice profile when it is edited in the options.
  const drafted = useSubscription<AppealDraft | undefined>(
    (next, fail) => {
      const score = record.score;
      if (!score) return () => undefined;
      const sub = liveQuery(() => draftAppeal(db, record.claim, score, localDate(), templateId)).subscribe({
        next,
        error: fail,
      });
      return () => sub.unsubscribe();
    },
    [record, templateId],
  );
  const draft = drafted.value;
  const appeals = useSubscription<Awaited<ReturnType<typeof appealsForClaim>>>(
    (next, fail) => {
      const sub = liveQuery(() => appealsForClaim(db, record.key)).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    [record.key],
  );
  if (!draft || !record.score) return null;
  const score = record.score;
  const now = () => new Date().toISOString();
  // Copying, filling, printing or "Mark sent" is when an appeal starts being tracked.
  const track = (channel?: AppealChannel) =>
    createAppeal(
      db,
      {
        claimKey: record.key,
        templateId: draft.templateId,
        disputedCents: score.totals.shortfallCents,
        ...(channel ? { channel } : {}),
      },
      now(),
    );
  const trackAndAudit = async (action: 'copy' | 'fill' | 'print', channel?: AppealChannel) => {
    await track(channel);
    await audit(db, action, `appeal letter (${draft.templateId}), 1 claim`);
  };
  const save = async (id: string | undefined, input: TrackerInput, status: AppealStatus) => {
    setTrackerMessage(undefined);
    const change = toChange(input, status);
    if (typeof change === 'string') {
      setTrackerMessage({ text: change, error: true });
      return;
    }
    const appealId = id ?? (await track(change.channel)).id;
    const r = await updateAppeal(db, appealId, change, localDate(), now());
    setTrackerMessage(
      r.ok
        ? { text: `Saved: ${r.appeal.status.replace('-', ' ')}.`, error: false }
        : { text: r.error, error: true },
    );
  };
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
            .then(() => trackAndAudit('copy'))
            .catch((e: unknown) => setStatus({ text: `Could not copy: ${String(e)}`, error: true }))
        }
        onPrint={(body) => {
          setPrintText(appealText(draft.letter, body));
          void trackAndAudit('print').catch(() => undefined);
          requestAnimationFrame(() => window.print());
        }}
        onFill={(body) =>
          void sendToPortal('fillAppealForm', fillValues(record.claim, score, draft, body), {
            tabId,
            ...(read?.formFrameId !== undefined ? { frameId: read.formFrameId } : {}),
          })
            .then(async (r) => {
              setStatus(
                r.ok
                  ? {
                      text: `Filled the form (${(r.filled ?? []).join(', ')}). Review it and submit it yourself.`,
                      error: false,
                    }
                  : { text: r.error ?? 'The form could not be filled.', error: true },
              );
              if (r.ok) await trackAndAudit('fill', 'portal');
            })
            .catch((e: unknown) =>
              setStatus({ text: `The portal page did not answer: ${String(e)}`, error: true }),
            )
        }
      />
      {printText && <pre class="print-only">{printText}</pre>}
      <AppealTracker
        appeals={(appeals.value ?? []).map((a) => ({
          id: a.id,
          templateTitle: getTemplate(a.templateId)?.title ?? a.templateId,
          status: a.status,
          disputedCents: a.disputedCents,
          ...(a.sentDate ? { sentDate: a.sentDate } : {}),
          ...(a.channel ? { channel: a.channel } : {}),
          ...(a.followUpDate ? { followUpDate: a.followUpDate } : {}),
          ...(a.recoveredCents !== undefined ? { recoveredCents: a.recoveredCents } : {}),
          ...(a.outcomeDate ? { outcomeDate: a.outcomeDate } : {}),
        }))}
        statuses={APPEAL_STATUSES}
        channels={APPEAL_CHANNELS}
        outcomes={OUTCOME_STATUSES}
        today={localDate()}
        recoveredCents={record.recoveredCents ?? 0}
        message={trackerMessage}
        onMarkSent={(input) =>
          void save(undefined, input, 'sent').catch((e: unknown) =>
            setTrackerMessage({ text: `Could not save: ${String(e)}`, error: true }),
          )
        }
        onSave={(id, input) =>
          void save(id, input, input.status as AppealStatus).catch((e: unknown) =>
            setTrackerMessage({ text: `Could not save: ${String(e)}`, error: true }),
          )
        }
      />
    </>
  );
}
