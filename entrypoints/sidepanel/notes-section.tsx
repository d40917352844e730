import { liveQuery } from 'dexie';
import { ClaimNotesForm, type NsaMark } from '../../components/ClaimNotesForm';
import { useSubscription } from '../../components/use-subscription';
import type { ClaimNotes } from '../../rules/score';
import { setClaimNotes } from '../../storage/claim-notes';
import type { ClaimRecord } from '../../storage/db';
import { listPractices, type Practice } from '../../storage/practices';
import { loadScorer } from '../../storage/scoring';
import { db, localDate } from './env';

/** The No Surprises Act mark and the open negotiation notice date for the claim on screen. */
export function NotesSection({ record }: { record: ClaimRecord }) {
  const notes = record.notes ?? {};
  const practices = useSubscription<Practice[]>((next, fail) => {
    const sub = liveQuery(() => listPractices(db)).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const save = (next: ClaimNotes) =>
    void loadScorer(db, localDate()).then((scorer) =>
      setClaimNotes(db, record.key, next, scorer, new Date().toISOString()),
    );
  const d = record.score?.deadlines;
  return (
    <ClaimNotesForm
      nsaMark={(notes.nsaMark ?? '') as NsaMark}
      noticeSentDate={notes.openNegotiationSentDate ?? ''}
      nsaFromRemarks={Boolean(record.score?.nsa) && !notes.nsaMark}
      {...(d?.idrInitiationFrom && d.idrInitiationBy
        ? { idrWindow: { from: d.idrInitiationFrom, to: d.idrInitiationBy } }
        : {})}
      practices={practices.value ?? []}
      practiceId={notes.practiceId}
      onPractice={(practiceId) => {
        const { practiceId: _old, ...rest } = notes;
        save({ ...rest, ...(practiceId !== undefined ? { practiceId } : {}) });
      }}
      onSave={(mark, sent) => {
        const { nsaMark: _m, openNegotiationSentDate: _s, ...rest } = notes;
        save({
          ...rest,
          ...(mark ? { nsaMark: mark } : {}),
          ...(sent ? { openNegotiationSentDate: sent } : {}),
        });
      }}
    />
  );
}
