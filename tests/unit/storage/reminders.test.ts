import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimScore, FlagKind } from '../../../rules/model';
import type { AppealRecord, ClaimRecord, OonDatabase } from '../../../storage/db';
import { DB_NAME, openDatabase } from '../../../storage/db';
import { EMPTY_SNAPSHOT, GLANCE_DB_NAME, glanceDeadlines, readGlanceSnapshot } from '../../../storage/glance';
import {
  claimReminders,
  computeGlance,
  dueFollowUps,
  dueReminders,
  loadGlance,
  refreshGlance,
  reminderLine,
  reminderNotification,
  selectReminders,
} from '../../../storage/reminders';

const AS_OF = '2026-11-27';

interface Synth {
  key: string;
  flags?: FlagKind[];
  shortfall?: number;
  appealBy?: string;
  nsaBy?: string;
  idrBy?: string;
  worklistStatus?: ClaimRecord['worklistStatus'];
  noticeSent?: string;
}

function rec(s: Synth): ClaimRecord {
  const score = {
    asOf: AS_OF,
    totals: { shortfallCents: s.shortfall ?? 10_000 },
    deadlines: {
      ...(s.appealBy ? { appealBy: s.appealBy } : {}),
      ...(s.nsaBy ? { openNegotiationNoticeBy: s.nsaBy } : {}),
      ...(s.idrBy ? { idrInitiationBy: s.idrBy } : {}),
    },
  } as unknown as ClaimScore;
  return {
    key: s.key,
    claim: { claimNumber: s.key, patientName: 'TESTPATIENT, ALICE' } as unknown as ClaimRecord['claim'],
    sources: [],
    score,
    payerName: 'TEST PAYER',
    status: 'paid',
    priority: 1,
    flagKinds: s.flags ?? ['underpaid'],
    shortfallCents: s.shortfall ?? 10_000,
    paidDate: '2026-06-01',
    updatedAt: '2026-11-27T08:00:00.000Z',
    worklistStatus: s.worklistStatus ?? 'open',
    ...(s.noticeSent ? { notes: { openNegotiationSentDate: s.noticeSent } } : {}),
  };
}

function appeal(over: Partial<AppealRecord>): AppealRecord {
  return {
    id: 'a',
    claimKey: 'C1',
    templateId: 'oon-underpayment',
    status: 'sent',
    disputedCents: 5_000,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

describe('claimReminders: which deadlines fall in the next 7 days', () => {
  it.each<[string, Synth, string[]]>([
    ['appeal-by today', { key: 'C1', appealBy: '2026-11-27' }, ['appeal-by 2026-11-27']],
    [
      'appeal-by in 7 days (the window is inclusive)',
      { key: 'C1', appealBy: '2026-12-04' },
      ['appeal-by 2026-12-04'],
    ],
    ['appeal-by in 8 days: not yet', { key: 'C1', appealBy: '2026-12-05' }, []],
    ['appeal-by yesterday: lapsed, not a reminder', { key: 'C1', appealBy: '2026-11-26' }, []],
    [
      'appealed already: the appeal-by date no longer matters',
      { key: 'C1', appealBy: '2026-11-30', worklistStatus: 'appealed' },
      [],
    ],
    [
      'resolved: nothing',
      { key: 'C1', appealBy: '2026-11-30', nsaBy: '2026-11-29', worklistStatus: 'resolved' },
      [],
    ],
    ['nothing flagged to pursue', { key: 'C1', appealBy: '2026-11-30', flags: ['no-benchmark'] }, []],
    [
      'NSA claim: notice and appeal both',
      { key: 'C1', flags: ['nsa'], appealBy: '2026-12-01', nsaBy: '2026-11-28' },
      ['appeal-by 2026-12-01', 'nsa-notice-by 2026-11-28'],
    ],
    [
      'NSA notice already sent: the IDR initiation date instead',
      {
        key: 'C1',
        flags: ['nsa', 'underpaid'],
        nsaBy: '2026-11-28',
        noticeSent: '2026-10-01',
        idrBy: '2026-12-02',
      },
      ['idr-initiation-by 2026-12-02'],
    ],
    [
      'denied claims count',
      { key: 'C1', flags: ['denied'], appealBy: '2026-11-29' },
      ['appeal-by 2026-11-29'],
    ],
  ])('%s', (_name, synth, expected) => {
    expect(claimReminders(rec(synth), AS_OF).map((r) => `${r.kind} ${r.date}`)).toEqual(expected);
  });

  it('the window moves with the injected date', () => {
    const r = rec({ key: 'C1', appealBy: '2026-12-10' });
    expect(claimReminders(r, '2026-12-02')).toHaveLength(0);
    expect(claimReminders(r, '2026-12-03')).toHaveLength(1);
    expect(claimReminders(r, '2026-12-10')).toHaveLength(1);
    expect(claimReminders(r, '2026-12-11')).toHaveLength(0);
    expect(claimReminders(r, '2026-11-27', 30)).toHaveLength(1);
  });
});

describe('selectReminders', () => {
  it('claims and follow-ups together, soonest first; only appeals awaiting the payer are followed up', () => {
    const records = [
      rec({ key: 'C2', appealBy: '2026-12-03', shortfall: 20_000 }),
      rec({ key: 'C1', appealBy: '2026-11-30', worklistStatus: 'appealed' }),
    ];
    const appeals = [
      appeal({ id: 'x', claimKey: 'C1', status: 'sent', followUpDate: '2026-11-29' }),
      appeal({ id: 'y', claimKey: 'C1', status: 'in-review', followUpDate: '2026-12-04' }),
      appeal({ id: 'z', claimKey: 'C2', status: 'draft', followUpDate: '2026-11-28' }),
      appeal({ id: 'w', claimKey: 'C2', status: 'won', followUpDate: '2026-11-28' }),
      appeal({ id: 'v', claimKey: 'C2', status: 'sent', followUpDate: '2026-12-20' }),
    ];
    expect(
      selectReminders(records, appeals, AS_OF).map((r) => `${r.date} ${r.kind} ${r.claimNumber}`),
    ).toEqual(['2026-11-29 follow-up C1', '2026-12-03 appeal-by C2', '2026-12-04 follow-up C1']);
  });
});

describe('reminder text', () => {
  it('names claim numbers and amounts, never the patient', () => {
    const reminders = claimReminders(
      rec({ key: 'A26110400017', appealBy: '2026-12-02', shortfall: 18_240 }),
      AS_OF,
    );
    expect(reminderLine(reminders[0]!)).toBe('Appeal by Dec 2: claim A26110400017, $182.40');
    const n = reminderNotification(reminders);
    expect(n?.title).toBe('OON Guard: 1 deadline in the next 7 days');
    expect(`${n?.title} ${n?.message}`).not.toMatch(/TESTPATIENT|ALICE/);
  });

  it('nothing due: no notification; many: the first few and a count', () => {
    expect(reminderNotification([])).toBeUndefined();
    const many = Array.from({ length: 6 }, (_, i) =>
      claimReminders(rec({ key: `C${i}`, appealBy: '2026-11-30' }), AS_OF),
    ).flat();
    const n = reminderNotification(many);
    expect(n?.title).toBe('OON Guard: 6 deadlines in the next 7 days');
    expect(n?.message.split('\n')).toHaveLength(5);
    expect(n?.message).toContain('and 2 more in the worklist');
  });
});

describe('computeGlance', () => {
  it('counts open underpaid or denied claims and their shortfall; resolved and unflagged ones do not count', () => {
    const g = computeGlance(
      [
        rec({ key: 'C1', shortfall: 18_240, appealBy: '2026-12-01' }),
        rec({ key: 'C2', flags: ['denied'], shortfall: 78_000 }),
        rec({ key: 'C3', worklistStatus: 'resolved', shortfall: 5_000 }),
        rec({ key: 'C4', flags: ['nsa'], shortfall: 0, nsaBy: '2026-11-28' }),
        rec({ key: 'C5', flags: ['underpaid'], worklistStatus: 'appealed', shortfall: 1_000 }),
      ],
      AS_OF,
      'stamp',
    );
    expect(g).toMatchObject({ flaggedClaims: 3, recoverableCents: 97_240, stamp: 'stamp', asOf: AS_OF });
    expect(g.reminders.map((r) => `${r.claimNumber} ${r.kind}`)).toEqual([
      'C4 nsa-notice-by',
      'C1 appeal-by',
    ]);
  });
});

describe('stored glance and reminders', () => {
  let db: OonDatabase;
  let n = 0;
  beforeEach(() => {
    db = openDatabase(`reminders-test-${++n}`);
  });
  afterEach(() => db.delete());

  it('the kept glance is fresh until a claim or an appeal changes, or the day turns', async () => {
    await db.claims.bulkPut([
      rec({ key: 'C1', shortfall: 18_240, appealBy: '2026-12-01' }),
      rec({ key: 'C2', flags: ['denied', 'underpaid'], shortfall: 1_000 }),
      rec({ key: 'C3', flags: [], shortfall: 0 }),
    ]);
    expect((await loadGlance(db, AS_OF)).glance).toBeUndefined();
    const g = await refreshGlance(db, AS_OF);
    // A claim flagged twice is counted once.
    expect(g).toMatchObject({ flaggedClaims: 2, recoverableCents: 19_240 });
    expect(await loadGlance(db, AS_OF)).toMatchObject({ fresh: true, glance: { flaggedClaims: 2 } });
    expect((await loadGlance(db, '2026-11-28')).fresh).toBe(false);

    await db.claims.put({ ...rec({ key: 'C4' }), updatedAt: '2026-11-27T09:00:00.000Z' });
    expect((await loadGlance(db, AS_OF)).fresh).toBe(false);
    await refreshGlance(db, AS_OF);
    await db.claims.update('C1', { worklistStatus: 'resolved' });
    expect((await loadGlance(db, AS_OF)).fresh).toBe(false);
    expect(await refreshGlance(db, AS_OF)).toMatchObject({ flaggedClaims: 2, recoverableCents: 11_000 });
    await db.appeals.put(appeal({ claimKey: 'C2', updatedAt: '2026-11-27T09:30:00.000Z' }));
    expect((await loadGlance(db, AS_OF)).fresh).toBe(false);
  });

  it('follow-ups come from the follow-up index with the claim number; the daily list merges both', async () => {
    await db.claims.bulkPut([
      rec({ key: 'C1', appealBy: '2026-12-02' }),
      rec({ key: 'C2', worklistStatus: 'appealed' }),
    ]);
    await db.appeals.bulkPut([
      appeal({ id: 'a', claimKey: 'C2', followUpDate: '2026-11-28' }),
      appeal({ id: 'b', claimKey: 'C2', followUpDate: '2027-01-28' }),
    ]);
    expect((await dueFollowUps(db, AS_OF)).map((r) => `${r.claimNumber} ${r.date}`)).toEqual([
      'C2 2026-11-28',
    ]);
    expect((await dueReminders(db, AS_OF)).map((r) => `${r.kind} ${r.claimNumber}`)).toEqual([
      'follow-up C2',
      'appeal-by C1',
    ]);
  });
});

describe("the popup's first paint: the kept glance read without Dexie", () => {
  let db: OonDatabase;
  let n = 0;
  beforeEach(() => {
    db = openDatabase(`glance-snapshot-test-${++n}`);
  });
  afterEach(() => db.delete());

  it('reads the kept glance with its follow-ups, the last page read and its claim number', async () => {
    await db.claims.bulkPut([
      rec({ key: 'C1', appealBy: '2026-12-02' }),
      rec({ key: 'C2', worklistStatus: 'appealed' }),
    ]);
    await db.appeals.put(appeal({ id: 'a', claimKey: 'C2', followUpDate: '2026-11-28' }));
    const read = { tabId: 7, url: 'https://x.test/', portal: 'p', portalName: 'P', pageKind: 'claimDetail' };
    await db.pageReads.bulkPut([
      { ...read, ok: true, claimKey: 'C1', at: '2026-11-27T10:00:00.000Z' },
      { ...read, tabId: 8, ok: true, claimKey: 'C2', at: '2026-11-27T09:00:00.000Z' },
    ]);
    const kept = await refreshGlance(db, AS_OF);
    const snapshot = await readGlanceSnapshot(indexedDB, db.name);
    expect(snapshot.glance).toEqual(kept);
    expect(glanceDeadlines(snapshot.glance!).map((r) => `${r.kind} ${r.claimNumber}`)).toEqual([
      'follow-up C2',
      'appeal-by C1',
    ]);
    expect(snapshot.lastRead?.tabId).toBe(7);
    expect(snapshot.lastClaimNumber).toBe('C1');
  });

  it('nothing counted yet: no glance; a malformed kept value is ignored', async () => {
    await db.open();
    expect(await readGlanceSnapshot(indexedDB, db.name)).toEqual(EMPTY_SNAPSHOT);
    await db.settings.put({ key: 'glance', value: { flaggedClaims: '2' } });
    expect((await readGlanceSnapshot(indexedDB, db.name)).glance).toBeUndefined();
  });

  it('does not create a database that does not exist', async () => {
    expect(await readGlanceSnapshot(indexedDB, 'glance-snapshot-never-opened')).toEqual(EMPTY_SNAPSHOT);
    expect(await indexedDB.databases()).not.toContainEqual(
      expect.objectContaining({ name: 'glance-snapshot-never-opened' }),
    );
  });

  it('names the same database as storage/db.ts', () => {
    expect(GLANCE_DB_NAME).toBe(DB_NAME);
  });
});
