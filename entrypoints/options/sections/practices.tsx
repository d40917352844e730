import { liveQuery } from 'dexie';
import { useState } from 'preact/hooks';
import { PracticeSettings } from '../../../components/PracticeSettings';
import { useSubscription } from '../../../components/use-subscription';
import {
  getCurrentPracticeId,
  listPractices,
  type Practice,
  PracticeSchema,
  savePractices,
  setCurrentPracticeId,
} from '../../../storage/practices';
import { sendMessage } from '../../../utils/messaging';
import { db } from '../env';

export function PracticesSection() {
  const state = useSubscription<{ practices: Practice[]; currentId: string }>((next, fail) => {
    const sub = liveQuery(async () => ({
      practices: await listPractices(db),
      currentId: await getCurrentPracticeId(db),
    })).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const practices = state.value?.practices ?? [];
  const rescore = async (text: string) => {
    const r = await sendMessage('rescoreClaims', undefined);
    setMessage({ text: `${text} ${r.count} stored claims re-scored.`, error: false });
  };
  return (
    <PracticeSettings
      practices={practices}
      currentId={state.value?.currentId ?? ''}
      message={message}
      onSwitch={(id) => void setCurrentPracticeId(db, id).then(() => rescore('Switched practice.'))}
      onRemove={(id) =>
        void savePractices(
          db,
          practices.filter((x) => x.id !== id),
        ).then(() => rescore('Practice removed.'))
      }
      onAdd={({ name, npi, tin }) => {
        const id =
          name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
            .slice(0, 40) || 'practice';
        const candidate = {
          id: practices.some((x) => x.id === id) ? `${id}-${practices.length + 1}` : id,
          name,
          ...(npi.trim() ? { npi: npi.trim() } : {}),
          ...(tin.replace(/-/g, '').trim() ? { tin: tin.replace(/-/g, '').trim() } : {}),
        };
        const parsed = PracticeSchema.safeParse(candidate);
        if (!parsed.success) {
          setMessage({
            text: `The practice was not added: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'practice'}: ${i.message}`).join('; ')}`,
            error: true,
          });
          return;
        }
        void savePractices(db, [...practices, parsed.data]).then(() =>
          setMessage({ text: `Added ${parsed.data.name}.`, error: false }),
        );
      }}
    />
  );
}
