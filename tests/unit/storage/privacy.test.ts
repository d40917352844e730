import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSource } from '../../../rules/model';
import { saveClaims } from '../../../storage/claims';
import { enableLock, type ProtectedClaim, protectForStorage } from '../../../storage/crypto';
import { type OonDatabase, openDatabase } from '../../../storage/db';
import { describeStorageError } from '../../../storage/errors';
import {
  DEFAULT_RETENTION_DAYS,
  DELETE_ALL_CONFIRMATION,
  deleteAllData,
  formatBytes,
  getRetentionDays,
  purgeExpired,
  requestPersistentStorage,
  setRetentionDays,
  storageStatus,
} from '../../../storage/privacy';
import { loadScorer } from '../../../storage/scoring';

const base: Claim = JSON.parse(
  readFileSync(
    path.resolve(process.cwd(), 'tests/fixtures/portals/availity/claim-detail--underpaid.expected.json'),
    'utf8',
  ),
).claim;
const AS_OF = '2026-11-27T10:00:00.000Z';

let db: OonDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`privacy-${++n}`);
});
afterEach(() => db.delete());

/** Stores claim T<n> as last read `daysAgo` days before AS_OF. */
async function stored(num: number, daysAgo: number, claim: Claim = base) {
  const readAt = new Date(Date.parse(AS_OF) - daysAgo * 86_400_000).toISOString();
  const source: ClaimSource = { kind: 'portal', portal: 'availity', readAt };
  const scorer = await loadScorer(db, '2026-11-27');
  await saveClaims(db, [{ claim: { ...claim, claimNumber: `T${num}` }, source }], scorer, readAt);
}

describe('retention', () => {
  it('defaults to 180 days and keeps a valid setting', async () => {
    expect(await getRetentionDays(db)).toBe(DEFAULT_RETENTION_DAYS);
    expect(DEFAULT_RETENTION_DAYS).toBe(180);
    await setRetentionDays(db, 30);
    expect(await getRetentionDays(db)).toBe(30);
    await expect(setRetentionDays(db, 0)).rejects.toThrow(/1 to 3650 days/);
  });

  it('purges patient fields of claims last read more than the retention ago; amounts, codes and scores stay', async () => {
    await stored(1, 181);
    await stored(2, 179);
    await stored(3, 400);
    const scoreBefore = (await db.claims.get('T1'))!.score;
    const r = await purgeExpired(db, AS_OF);
    expect(r.purged).toBe(2);
    const [t1, t2, t3] = await db.claims.bulkGet(['T1', 'T2', 'T3']);
    for (const t of [t1, t3]) {
      expect(t!.claim.patientName).toBeUndefined();
      expect(t!.claim.memberId).toBeUndefined();
      expect(t!.claim.patientAccount).toBeUndefined();
      expect(t!.claim.lines).toEqual(base.lines);
      expect(t!.claim.paidCents).toBe(base.paidCents);
    }
    expect(t1!.score).toEqual(scoreBefore);
    expect(t2!.claim.patientName).toBe('TESTPATIENT, ALPHA');
    const log = await db.auditLog.toArray();
    expect(log).toEqual([
      {
        id: 1,
        at: AS_OF,
        action: 'purge',
        detail: 'retention 180 days: patient fields removed from 2 claims',
      },
    ]);
    // Purging again finds nothing and writes no line.
    expect((await purgeExpired(db, AS_OF)).purged).toBe(0);
    expect(await db.auditLog.count()).toBe(1);
  });

  it('purges sealed patient fields too', async () => {
    await enableLock(db, 'correct horse battery staple', { now: AS_OF });
    const [sealed] = await protectForStorage(db, [{ ...base, claimNumber: 'T9' }]);
    await stored(9, 200, sealed!);
    expect((await db.claims.get('T9'))!.claim as ProtectedClaim).toHaveProperty('phi');
    expect((await purgeExpired(db, AS_OF, 90)).purged).toBe(1);
    expect((await db.claims.get('T9'))!.claim).not.toHaveProperty('phi');
  });
});

describe('delete all data', () => {
  it('refuses without the typed confirmation, and deletes everything with it, leaving one audit line', async () => {
    await stored(1, 1);
    await setRetentionDays(db, 30);
    expect(await deleteAllData(db, 'delete', AS_OF)).toEqual({
      ok: false,
      error: 'Type DELETE to confirm. Nothing was deleted.',
    });
    expect(await db.claims.count()).toBe(1);
    expect(await deleteAllData(db, DELETE_ALL_CONFIRMATION, AS_OF)).toEqual({ ok: true, claims: 1 });
    expect(await db.claims.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
    const log = await db.auditLog.toArray();
    expect(log.map((l) => [l.action, l.detail])).toEqual([
      ['delete-all', 'all data deleted: 1 claims and every setting'],
    ]);
  });
});

describe('storage state and errors', () => {
  it('reports persistence and quota from the StorageManager, and survives one that says nothing', async () => {
    const manager = {
      persisted: async () => false,
      persist: async () => true,
      estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 2 * 1024 ** 3 }),
    };
    expect(await storageStatus(manager)).toEqual({
      persisted: false,
      usageBytes: 5_242_880,
      quotaBytes: 2_147_483_648,
    });
    expect(await requestPersistentStorage(manager)).toBe(true);
    expect(await storageStatus(undefined)).toEqual({});
    expect(await requestPersistentStorage({})).toBe(false);
    expect([formatBytes(512), formatBytes(5_242_880), formatBytes(2_147_483_648)]).toEqual([
      '512 B',
      '5.0 MB',
      '2.0 GB',
    ]);
  });

  it('a full disk during a write is told to the biller, and nothing of the write is kept', async () => {
    await stored(1, 1);
    const scorer = await loadScorer(db, '2026-11-27');
    const realBulkPut = db.claims.bulkPut.bind(db.claims);
    let calls = 0;
    db.claims.bulkPut = ((...args: Parameters<typeof realBulkPut>) => {
      calls++;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realBulkPut(...args);
    }) as typeof db.claims.bulkPut;
    const many = Array.from({ length: 2500 }, (_, i) => ({
      claim: { ...base, claimNumber: `Q${i}` },
      source: { kind: 'file', readAt: AS_OF } as ClaimSource,
    }));
    const error = await saveClaims(db, many, scorer, AS_OF).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(describeStorageError(error)).toMatch(/run out of space.*Nothing was saved/);
    expect(await db.claims.count()).toBe(1);
  });
});
