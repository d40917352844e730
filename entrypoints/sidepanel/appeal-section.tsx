import { useEffect, useState } from 'preact/hooks';
import { AppealPanel } from '../../components/AppealPanel';
import { type AppealDraft, appealText, draftAppeal, REASON_KEYWORDS } from '../../storage/appeals';
import type { ClaimRecord, PageReadRecord } from '../../storage/db';
import { sendMessage } from '../../utils/messaging';
import { db, localDate } from './env';

/** The appeal for the claim on screen: letter, copy, print, fill. */
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
