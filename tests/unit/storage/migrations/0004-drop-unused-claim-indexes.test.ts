import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabaseAt } from '../../../../storage/db';

const stored = [
  {
    key: 'A1',
    claim: { claimNumber: 'A1', payerName: 'ACME', lines: [{ code: '99213', paidCents: 100 }] },
    payerName: 'ACME',
    status: 'paid',
    priority: 3,
    paidDate: '2026-11-04',
    updatedAt: '2026-11-04T10:00:00.000Z',
    flagKinds: ['underpaid'],
    worklistStatus: 'open',
    recoveredCents: 1250,
    notes: { nsaMark: 'emergency' },
  },
  {
    key: 'A2',
    claim: { claimNumber: 'A2', payerName: 'ACME', lines: [] },
    payerName: 'ACME',
    status: 'denied',
    priority: 9,
    paidDate: '2026-11-05',
    updatedAt: '2026-11-05T10:00:00.000Z',
    flagKinds: ['denied', 'deadline'],
    worklistStatus: 'appealed',
  },
];

describe('migration 0004: claims keep only the indexes that are queried', () => {
  it('opens a version-3 database with every record unchanged and the queried indexes working', async () => {
    const name = 'migration-0004';
    const v3 = openDatabaseAt(3, name);
    await v3.table('claims').bulkPut(stored);
    await v3.table('appeals').put({ id: 'ap1', claimKey: 'A2', status: 'sent', updatedAt: 'x' });
    v3.close();

    const db = openDatabaseAt(4, name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.claims.toArray()).toEqual(stored);
    expect(db.claims.schema.indexes.map((i) => i.name).sort()).toEqual([
      'flagKinds',
      'priority',
      'updatedAt',
      'worklistStatus',
    ]);
    expect(await db.claims.orderBy('priority').reverse().primaryKeys()).toEqual(['A2', 'A1']);
    expect(await db.claims.where('flagKinds').equals('deadline').primaryKeys()).toEqual(['A2']);
    expect(await db.claims.where('worklistStatus').equals('appealed').primaryKeys()).toEqual(['A2']);
    expect(await db.claims.orderBy('updatedAt').reverse().limit(1).primaryKeys()).toEqual(['A2']);
    expect(await db.appeals.where('claimKey').equals('A2').count()).toBe(1);
    db.close();

    // The browser's own view of the store: the dropped indexes are gone, not merely unused.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const names = [...raw.transaction('claims').objectStore('claims').indexNames].sort();
    raw.close();
    expect(names).toEqual(['flagKinds', 'priority', 'updatedAt', 'worklistStatus']);
    await Dexie.delete(name);
  });
});
