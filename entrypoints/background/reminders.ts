import type { BackgroundEnv } from './service';

/** Deadline and follow-up reminders through alarms and notifications (issues 6 and 10). */
export function installReminders(_env: BackgroundEnv): void {}
