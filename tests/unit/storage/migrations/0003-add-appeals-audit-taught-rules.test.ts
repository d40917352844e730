import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabaseAt } from '../../../../storage/db';

describe('migration 0003: appeals, audit log, taught rules, worklist status', () => {
  it('opens a version-2 database with everything intact, marks its claims open and indexes them', async () => {
    const name = 'migration-0003';
    const v2 = new Dexie(name);
    v2.version(2).stores({
      claims: '&key, payerName, status, priority, paidDate, updatedAt, *flagKinds',
      schedules: '&id, name',
      pageReads: '&tabId, claimKey',
      settings: '&key',
      benchmarks: '&id',
    });
    await v2.table('claims').bulkPut([
      {
        key: 'A1',
        payerName: 'ACME',
        status: 'paid',
        priority: 3,
        paidDate: '2026-11-04',
        updatedAt: 'x',
        flagKinds: ['underpaid'],
      },
      {
        key: 'A2',
        payerName: 'ACME',
        status: 'denied',
        priority: 9,
        paidDate: '2026-11-05',
        updatedAt: 'x',
        flagKinds: ['denied'],
      },
    ]);
    await v2
      .table('benchmarks')
      .put({ id: 'ucr', table: { name: 'T', percentiles: [80], rows: [] }, importedAt: 'now' });
    v2.close();

    const db = openDatabaseAt(3, name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.claims.where('worklistStatus').equals('open').primaryKeys()).toEqual(['A1', 'A2']);
    expect(await db.claims.orderBy('priority').reverse().primaryKeys()).toEqual(['A2', 'A1']);
    expect(await db.benchmarks.count()).toBe(1);
    await db.appeals.put({
      id: 'ap1',
      claimKey: 'A1',
      templateId: 'oon-underpayment',
      status: 'draft',
      disputedCents: 100,
      createdAt: 'x',
      updatedAt: 'x',
    });
    await db.auditLog.add({ at: 'x', action: 'export', detail: 'worklist CSV, 2 claims' });
    expect(await db.appeals.where('claimKey').equals('A1').count()).toBe(1);
    expect(await db.auditLog.count()).toBe(1);
    await db.delete();
  });
});
