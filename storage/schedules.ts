import type { FeeSchedule } from '../rules/pricing/schedule';
import type { OonDatabase } from './db';
import { getActiveScheduleId, practiceKey } from './settings';

/** Saves a schedule and makes it its practice's active one, in one transaction. */
export async function saveActiveSchedule(db: OonDatabase, schedule: FeeSchedule): Promise<void> {
  await db.transaction('rw', db.schedules, db.settings, async () => {
    await db.schedules.put(schedule);
    await db.settings.put({ key: practiceKey('activeScheduleId', schedule.practiceId), value: schedule.id });
  });
}

/**
 * A practice's schedules in pricing order: the active one first, then the rest by name. A practice
 * with no schedule of its own is priced with the default practice's.
 */
export async function schedulesInOrder(db: OonDatabase, practiceId = ''): Promise<FeeSchedule[]> {
  const all = await db.schedules.toArray();
  const own = all.filter((s) => (s.practiceId ?? '') === practiceId);
  const pick = own.length > 0 || practiceId === '' ? practiceId : '';
  const mine = pick === practiceId ? own : all.filter((s) => (s.practiceId ?? '') === '');
  const activeId = await getActiveScheduleId(db, pick);
  return mine.sort((a, b) => (a.id === activeId ? -1 : b.id === activeId ? 1 : a.name.localeCompare(b.name)));
}
