import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabaseAt } from '../../../../storage/db';

describe('migration 0002: add benchmarks', () => {
  it('opens a version-1 database with its claims, schedules and settings intact, and adds the benchmarks table', async () => {
    const name = 'migration-0002';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      claims: '&key, payerName, status, priority, paidDate, updatedAt, *flagKinds',
      schedules: '&id, name',
      pageReads: '&tabId, claimKey',
      settings: '&key',
    });
    await v1.table('claims').put({
      key: 'A1',
      payerName: 'ACME',
      status: 'paid',
      priority: 3,
      paidDate: '2026-11-04',
      updatedAt: 'x',
      flagKinds: ['underpaid'],
      claim: { claimNumber: 'A1' },
    });
    await v1
      .table('schedules')
      .put({ id: 's', name: 'Office', rows: [{ code: '99213', modifier: '', amountCents: 14500 }] });
    await v1.table('settings').put({ key: 'activeScheduleId', value: 's' });
    v1.close();

    const db = openDatabaseAt(2, name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.claims.get('A1')).toMatchObject({ payerName: 'ACME', flagKinds: ['underpaid'] });
    expect(await db.claims.where('flagKinds').equals('underpaid').count()).toBe(1);
    expect((await db.schedules.get('s'))?.rows).toHaveLength(1);
    expect(await db.settings.get('activeScheduleId')).toEqual({ key: 'activeScheduleId', value: 's' });
    await db.benchmarks.put({
      id: 'ucr',
      table: { name: 'T', percentiles: [80], rows: [] },
      importedAt: 'now',
    } as never);
    expect(await db.benchmarks.count()).toBe(1);
    await db.delete();
  });
});
