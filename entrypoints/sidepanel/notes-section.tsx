import { ClaimNotesForm, type NsaMark } from '../../components/ClaimNotesForm';
import { setClaimNotes } from '../../storage/claim-notes';
import type { ClaimRecord } from '../../storage/db';
import { loadScorer } from '../../storage/scoring';
import { db, localDate } from './env';

/** The No Surprises Act mark and the open negotiation notice date for the claim on screen. */
export function NotesSection({ record }: { record: ClaimRecord }) {
  const notes = record.notes ?? {};
  const d = record.score?.deadlines;
  return (
    <ClaimNotesForm
      nsaMark={(notes.nsaMark ?? '') as NsaMark}
      noticeSentDate={notes.openNegotiationSentDate ?? ''}
      nsaFromRemarks={Boolean(record.score?.nsa) && !notes.nsaMark}
      {...(d?.idrInitiationFrom && d.idrInitiationBy
        ? { idrWindow: { from: d.idrInitiationFrom, to: d.idrInitiationBy } }
        : {})}
      onSave={(mark, sent) =>
        void loadScorer(db, localDate()).then((scorer) =>
          setClaimNotes(
            db,
            record.key,
            { ...(mark ? { nsaMark: mark } : {}), ...(sent ? { openNegotiationSentDate: sent } : {}) },
            scorer,
            new Date().toISOString(),
          ),
        )
      }
    />
  );
}
