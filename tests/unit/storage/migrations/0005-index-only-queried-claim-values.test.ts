import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { type ClaimRecord, openDatabase, openDatabaseAt } from '../../../../storage/db';

const base = {
  payerName: 'ACME',
  status: 'paid',
  paidDate: '2026-11-04',
  sources: [],
  score: null,
  shortfallCents: 0,
};

const stored = [
  {
    ...base,
    key: 'A1',
    claim: { claimNumber: 'A1', payerName: 'ACME', lines: [{ code: '99213', paidCents: 100 }] },
    priority: 3,
    updatedAt: '2026-11-04T10:00:00.000Z',
    flagKinds: ['no-benchmark', 'underpaid'],
    worklistStatus: 'open',
    recoveredCents: 1250,
    notes: { nsaMark: 'emergency' },
  },
  {
    ...base,
    key: 'A2',
    claim: { claimNumber: 'A2', payerName: 'ACME', lines: [] },
    priority: 9,
    updatedAt: '2026-11-05T10:00:00.000Z',
    flagKinds: ['denied', 'deadline'],
    worklistStatus: 'appealed',
  },
  {
    ...base,
    key: 'A3',
    claim: { claimNumber: 'A3', payerName: 'ACME', lines: [] },
    priority: 0,
    updatedAt: '2026-11-03T10:00:00.000Z',
    flagKinds: ['no-benchmark'],
    worklistStatus: 'resolved',
  },
  {
    ...base,
    key: 'A4',
    claim: { claimNumber: 'A4', payerName: 'ACME', lines: [] },
    priority: 0,
    updatedAt: '2026-11-02T10:00:00.000Z',
    flagKinds: ['no-benchmark'],
    worklistStatus: 'open',
  },
] as unknown as ClaimRecord[];

/** Entries in one index of the claims store, as the browser keeps them. */
async function indexEntries(name: string, index: string): Promise<number> {
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const count = await new Promise<number>((resolve) => {
    const req = raw.transaction('claims').objectStore('claims').index(index).count();
    req.onsuccess = () => resolve(req.result);
  });
  raw.close();
  return count;
}

describe('migration 0005: claim indexes hold only the flag, status and write-time values the glance queries', () => {
  it('opens a version-4 database with every record kept and the queried values indexed', async () => {
    const name = 'migration-0005';
    const v4 = openDatabaseAt(4, name);
    await v4.claims.bulkPut(stored);
    v4.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    // Every record as it was, with the indexed copies beside it.
    expect(await db.claims.toArray()).toEqual([
      { ...stored[0], actionableFlags: ['underpaid'] },
      // The newest write of the upgrade carries its time for the index.
      {
        ...stored[1],
        actionableFlags: ['denied'],
        nonOpenStatus: 'appealed',
        lastWriteAt: '2026-11-05T10:00:00.000Z',
      },
      { ...stored[2], nonOpenStatus: 'resolved' },
      stored[3],
    ]);
    expect(db.claims.schema.indexes.map((i) => i.name).sort()).toEqual([
      'actionableFlags',
      'lastWriteAt',
      'nonOpenStatus',
      'priority',
    ]);
    expect(await db.claims.where('actionableFlags').equals('underpaid').primaryKeys()).toEqual(['A1']);
    expect(await db.claims.where('actionableFlags').equals('denied').primaryKeys()).toEqual(['A2']);
    expect(await db.claims.where('nonOpenStatus').equals('appealed').primaryKeys()).toEqual(['A2']);
    expect(await db.claims.where('nonOpenStatus').equals('resolved').primaryKeys()).toEqual(['A3']);
    expect(await db.claims.orderBy('priority').reverse().primaryKeys()).toEqual(['A2', 'A1', 'A4', 'A3']);
    expect(await db.claims.orderBy('lastWriteAt').reverse().limit(1).primaryKeys()).toEqual(['A2']);
    db.close();

    // No entry for a flag or status nobody queries, and one write time for the whole upgrade.
    expect(await indexEntries(name, 'actionableFlags')).toBe(2);
    expect(await indexEntries(name, 'nonOpenStatus')).toBe(2);
    expect(await indexEntries(name, 'lastWriteAt')).toBe(1);
    await Dexie.delete(name);
  });

  it('keeps the indexed copies in step whoever writes, without changing the caller’s record', async () => {
    const db = openDatabase('migration-0005-writes');
    const record = { ...stored[2], key: 'B1', flagKinds: ['nsa', 'no-benchmark'], worklistStatus: 'open' };
    await db.claims.put(record as ClaimRecord);
    expect(record).not.toHaveProperty('actionableFlags');
    expect(await db.claims.where('actionableFlags').equals('nsa').primaryKeys()).toEqual(['B1']);
    expect(await db.claims.where('nonOpenStatus').equals('resolved').count()).toBe(0);

    // A status changed in place (as the worklist's bulk mark does) moves the claim in the index.
    await db.claims
      .where('key')
      .equals('B1')
      .modify((r) => {
        r.worklistStatus = 'resolved';
        r.flagKinds = ['no-benchmark'];
      });
    expect(await db.claims.where('nonOpenStatus').equals('resolved').primaryKeys()).toEqual(['B1']);
    expect(await db.claims.where('actionableFlags').equals('nsa').count()).toBe(0);
    expect(await db.claims.get('B1')).not.toHaveProperty('actionableFlags');

    await db.claims.update('B1', { worklistStatus: 'open' });
    expect(await db.claims.where('nonOpenStatus').anyOf('appealed', 'resolved').count()).toBe(0);
    expect((await db.claims.get('B1'))?.worklistStatus).toBe('open');

    // Of a write of several claims, the newest carries its time; the newest write is the index's end.
    const later = [
      { ...record, key: 'B2', updatedAt: '2026-11-27T09:00:00.000Z' },
      { ...record, key: 'B3', updatedAt: '2026-11-27T10:00:00.000Z' },
      { ...record, key: 'B4', updatedAt: '2026-11-27T08:00:00.000Z' },
    ] as ClaimRecord[];
    await db.claims.bulkPut(later);
    expect(later.map((r) => r.lastWriteAt)).toEqual([undefined, undefined, undefined]);
    expect(await db.claims.orderBy('lastWriteAt').primaryKeys()).toEqual(['B1', 'B3']);
    expect(await db.claims.orderBy('lastWriteAt').reverse().limit(1).keys()).toEqual([
      '2026-11-27T10:00:00.000Z',
    ]);
    expect((await db.claims.get('B3'))?.updatedAt).toBe('2026-11-27T10:00:00.000Z');
    db.close();
    await Dexie.delete('migration-0005-writes');
  });
});
