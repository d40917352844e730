import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  installReminders,
  NOTIFICATION_ICON,
  nextReminderTime,
  REMINDER_ALARM,
  REMINDER_NOTIFICATION,
  type ReminderApi,
  runReminders,
} from '../../../../entrypoints/background/reminders';
import type { BackgroundEnv } from '../../../../entrypoints/background/service';
import type { ClaimRecord, OonDatabase } from '../../../../storage/db';
import { openDatabase } from '../../../../storage/db';

const TODAY = '2026-11-27';

function record(key: string, appealBy: string): ClaimRecord {
  return {
    key,
    claim: { claimNumber: key, patientName: 'TESTPATIENT, BOB' } as unknown as ClaimRecord['claim'],
    sources: [],
    score: { deadlines: { appealBy }, totals: { shortfallCents: 18_240 } } as unknown as ClaimRecord['score'],
    payerName: 'TEST PAYER',
    status: 'paid',
    priority: 1,
    flagKinds: ['underpaid'],
    shortfallCents: 18_240,
    paidDate: '2026-06-01',
    updatedAt: '2026-11-27T08:00:00.000Z',
    worklistStatus: 'open',
  };
}

function fakeApi(existingAlarm = false) {
  const calls = {
    alarms: [] as { name: string; when: number; periodInMinutes: number }[],
    notified: [] as { id: string; title: string; message: string; iconUrl: string }[],
    cleared: [] as string[],
    dashboards: 0,
  };
  let onAlarm: (a: { name: string }) => void = () => undefined;
  let onClick: (id: string) => void = () => undefined;
  const api: ReminderApi = {
    getAlarm: async (name) => (existingAlarm ? { name } : undefined),
    createAlarm: async (name, info) => {
      calls.alarms.push({ name, ...info });
    },
    onAlarm: (l) => {
      onAlarm = l;
    },
    notify: async (id, o) => {
      calls.notified.push({ id, ...o });
    },
    clearNotification: async (id) => {
      calls.cleared.push(id);
    },
    onNotificationClicked: (l) => {
      onClick = l;
    },
    openDashboard: async () => {
      calls.dashboards += 1;
    },
    now: () => new Date(2026, 10, 27, 14, 30).getTime(),
  };
  return { api, calls, fireAlarm: (name: string) => onAlarm({ name }), click: (id: string) => onClick(id) };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

let db: OonDatabase;
let n = 0;
let env: BackgroundEnv;
beforeEach(() => {
  db = openDatabase(`background-reminders-${++n}`);
  env = {
    db,
    runtimeId: 'x',
    today: () => TODAY,
    now: () => '2026-11-27T10:00:00.000Z',
    setBadge: async () => undefined,
    grantedOrigins: async () => [],
  } as BackgroundEnv;
});
afterEach(() => db.delete());

describe('nextReminderTime', () => {
  it.each<[string, Date, Date]>([
    ['before 8: today at 8', new Date(2026, 10, 27, 6, 15), new Date(2026, 10, 27, 8, 0)],
    ['after 8: tomorrow at 8', new Date(2026, 10, 27, 14, 30), new Date(2026, 10, 28, 8, 0)],
    ['exactly 8: tomorrow', new Date(2026, 10, 27, 8, 0), new Date(2026, 10, 28, 8, 0)],
    ['last day of the month', new Date(2026, 10, 30, 9, 0), new Date(2026, 11, 1, 8, 0)],
  ])('%s', (_name, now, expected) => expect(nextReminderTime(now.getTime())).toBe(expected.getTime()));
});

describe('installReminders', () => {
  it('creates one daily alarm, not again when it already exists', async () => {
    const fresh = fakeApi();
    installReminders(env, fresh.api);
    await settle();
    expect(fresh.calls.alarms).toEqual([
      { name: REMINDER_ALARM, when: new Date(2026, 10, 28, 8, 0).getTime(), periodInMinutes: 1440 },
    ]);
    const again = fakeApi(true);
    installReminders(env, again.api);
    await settle();
    expect(again.calls.alarms).toEqual([]);
  });

  it('the alarm shows the deadlines due, with claim numbers and amounts and no patient name; a click opens the dashboard', async () => {
    await db.claims.bulkPut([record('A26110400017', '2026-12-01'), record('A26110400099', '2027-03-01')]);
    const f = fakeApi();
    installReminders(env, f.api);
    f.fireAlarm('some-other-alarm');
    await settle();
    expect(f.calls.notified).toEqual([]);
    f.fireAlarm(REMINDER_ALARM);
    await settle();
    expect(f.calls.notified).toEqual([
      {
        id: REMINDER_NOTIFICATION,
        title: 'OON Guard: 1 deadline in the next 7 days',
        message: 'Appeal by Dec 1: claim A26110400017, $182.40',
        iconUrl: NOTIFICATION_ICON,
      },
    ]);
    expect(JSON.stringify(f.calls.notified)).not.toContain('TESTPATIENT');
    f.click('someone-elses-notification');
    await settle();
    expect(f.calls.dashboards).toBe(0);
    f.click(REMINDER_NOTIFICATION);
    await settle();
    expect(f.calls.dashboards).toBe(1);
    expect(f.calls.cleared).toContain(REMINDER_NOTIFICATION);
  });

  it('nothing due: yesterday’s notification is cleared, none shown', async () => {
    await db.claims.put(record('A26110400099', '2027-03-01'));
    const f = fakeApi();
    expect(await runReminders(env, f.api)).toEqual([]);
    expect(f.calls.notified).toEqual([]);
    expect(f.calls.cleared).toEqual([REMINDER_NOTIFICATION]);
  });

  it('the notification icon is a PNG data URL', () => {
    expect(NOTIFICATION_ICON).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
