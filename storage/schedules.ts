import type { FeeSchedule } from '../rules/pricing/schedule';
import type { OonDatabase } from './db';
import { getActiveScheduleId } from './settings';

/** Saves a schedule and makes it the active one, in one transaction. */
export async function saveActiveSchedule(db: OonDatabase, schedule: FeeSchedule): Promise<void> {
  await db.transaction('rw', db.schedules, db.settings, async () => {
    await db.schedules.put(schedule);
    await db.settings.put({ key: 'activeScheduleId', value: schedule.id });
  });
}

/** Schedules in pricing order: the active one first, then the rest by name. */
export async function schedulesInOrder(db: OonDatabase): Promise<FeeSchedule[]> {
  const [all, activeId] = await Promise.all([db.schedules.toArray(), getActiveScheduleId(db)]);
  return all.sort((a, b) => (a.id === activeId ? -1 : b.id === activeId ? 1 : a.name.localeCompare(b.name)));
}
