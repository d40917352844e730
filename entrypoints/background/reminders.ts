import { browser } from 'wxt/browser';
import { dueReminders, type Reminder, reminderNotification } from '../../storage/reminders';
import type { BackgroundEnv } from './service';

export const REMINDER_ALARM = 'deadline-reminders';
export const REMINDER_NOTIFICATION = 'oon-deadline-reminders';
const DAY_MINUTES = 24 * 60;
/** The hour (local) the daily reminder fires: before the office's first call to a payer. */
export const REMINDER_HOUR = 8;

/** A 48 px mark for notifications: the extension ships no icon files, and a notification requires one. */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAcElEQVR42u3ZMQrAIBAEQHsfmA/mn6ZOKfGWg8yC/U1xiOsYIvLKvO7V/QAAAPwJ0CEAAJ0AiSUFAAAAAAAAAAAAAADwIgMAOAD4snw7Q7WpFquHj3SjlcPHyt2q4aPtdNUFGK3XK25vHxwAACLH8gCaRpxyTorRhgAAAABJRU5ErkJggg==';

/** The parts of the browser reminders use; tests pass fakes. */
export interface ReminderApi {
  getAlarm: (name: string) => Promise<{ name: string } | undefined>;
  createAlarm: (name: string, info: { when: number; periodInMinutes: number }) => Promise<void>;
  onAlarm: (listener: (alarm: { name: string }) => void) => void;
  notify: (id: string, options: { title: string; message: string; iconUrl: string }) => Promise<void>;
  clearNotification: (id: string) => Promise<void>;
  onNotificationClicked: (listener: (id: string) => void) => void;
  openDashboard: () => Promise<void>;
  /** Local time now, ms. */
  now: () => number;
}

/** The next REMINDER_HOUR o'clock local time after `nowMs` (today's if it is still ahead). */
export function nextReminderTime(nowMs: number, hour = REMINDER_HOUR): number {
  const next = new Date(nowMs);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= nowMs) next.setDate(next.getDate() + 1);
  return next.getTime();
}

/** Counts what is due in the next 7 days and shows it, or clears yesterday's notification. */
export async function runReminders(env: BackgroundEnv, api: ReminderApi): Promise<Reminder[]> {
  const reminders = await dueReminders(env.db, env.today());
  const n = reminderNotification(reminders);
  if (n) await api.notify(REMINDER_NOTIFICATION, { ...n, iconUrl: NOTIFICATION_ICON });
  else await api.clearNotification(REMINDER_NOTIFICATION);
  return reminders;
}

function browserApi(): ReminderApi {
  return {
    getAlarm: async (name) => (await browser.alarms.get(name)) ?? undefined,
    createAlarm: async (name, info) => {
      await browser.alarms.create(name, info);
    },
    onAlarm: (listener) => browser.alarms.onAlarm.addListener(listener),
    notify: async (id, o) => {
      await browser.notifications.create(id, {
        type: 'basic',
        title: o.title,
        message: o.message,
        iconUrl: o.iconUrl,
        priority: 1,
      });
    },
    clearNotification: async (id) => {
      await browser.notifications.clear(id);
    },
    onNotificationClicked: (listener) => browser.notifications.onClicked.addListener(listener),
    openDashboard: async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    },
    now: () => Date.now(),
  };
}

/**
 * Deadline and follow-up reminders (issues 6 and 10): a daily alarm at 8 o'clock counts the appeal,
 * NSA notice, IDR and follow-up dates in the next 7 days and shows one notification (claim numbers
 * and amounts, never patient names); clicking it opens the worklist. Listeners are registered on
 * every service-worker start; the alarm is created once and survives restarts.
 */
export function installReminders(env: BackgroundEnv, api: ReminderApi = browserApi()): void {
  api.onAlarm((alarm) => {
    if (alarm.name === REMINDER_ALARM) void runReminders(env, api).catch(() => undefined);
  });
  api.onNotificationClicked((id) => {
    if (id !== REMINDER_NOTIFICATION) return;
    void api.openDashboard().catch(() => undefined);
    void api.clearNotification(id).catch(() => undefined);
  });
  void (async () => {
    if (await api.getAlarm(REMINDER_ALARM)) return;
    await api.createAlarm(REMINDER_ALARM, {
      when: nextReminderTime(api.now()),
      periodInMinutes: DAY_MINUTES,
    });
  })().catch(() => undefined);
}
