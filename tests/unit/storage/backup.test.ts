import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSource } from '../../../rules/model';
import { DEFAULT_POLICY_SET } from '../../../rules/pricing/policy';
import { createBackup, readBackup, restoreBackup } from '../../../storage/backup';
import { saveClaims } from '../../../storage/claims';
import { createOpener, enableLock, getLockConfig, openLock, revealClaim } from '../../../storage/crypto';
import { type OonDatabase, openDatabase } from '../../../storage/db';
import { parseFeeScheduleCsv } from '../../../storage/imports/fee-schedule-csv';
import { saveActiveSchedule } from '../../../storage/schedules';
import { loadScorer } from '../../../storage/scoring';
import { setPolicies } from '../../../storage/settings';

const claim: Claim = JSON.parse(
  readFileSync(
    path.resolve(process.cwd(), 'tests/fixtures/portals/availity/claim-detail--underpaid.expected.json'),
    'utf8',
  ),
).claim;
const NOW = '2026-11-27T10:00:00.000Z';
const PASS = 'backup passphrase 1';

let dbs: OonDatabase[] = [];
let n = 0;
const fresh = () => {
  const db = openDatabase(`backup-${++n}`);
  dbs.push(db);
  return db;
};
beforeEach(() => {
  dbs = [];
});
afterEach(async () => {
  for (const db of dbs) await db.delete();
});

/** A profile with a schedule, policies, two claims, an appeal and a taught rule. */
async function seeded(): Promise<OonDatabase> {
  const db = fresh();
  const csv = readFileSync(path.resolve(process.cwd(), 'public/samples/fee-schedule.csv'), 'utf8');
  await saveActiveSchedule(db, {
    id: 's',
    name: 'Sample',
    practiceId: '',
    rows: parseFeeScheduleCsv(csv).rows,
    importedAt: NOW,
  });
  await setPolicies(db, DEFAULT_POLICY_SET);
  const source: ClaimSource = { kind: 'portal', portal: 'availity', readAt: NOW };
  const scorer = await loadScorer(db, '2026-11-27');
  await saveClaims(
    db,
    [
      { claim, source },
      { claim: { ...claim, claimNumber: 'T2' }, source },
    ],
    scorer,
    NOW,
  );
  await db.appeals.add({
    id: 'ap1',
    claimKey: 'A26110400017',
    templateId: 'underpayment',
    status: 'sent',
    disputedCents: 18240,
    createdAt: NOW,
    updatedAt: NOW,
  });
  await db.taughtRules.add({
    id: 'taught-1',
    origin: 'https://portal.example-payer.com',
    rule: { id: 'taught-1' } as never,
    createdAt: NOW,
    updatedAt: NOW,
  });
  return db;
}

async function dump(db: OonDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['settings', 'schedules', 'benchmarks', 'claims', 'appeals', 'taughtRules'])
    out[t] = await db.table(t).toArray();
  return out;
}

describe('backup then restore', () => {
  it('restores into a fresh profile exactly what was backed up, and says so in both audit logs', async () => {
    const from = await seeded();
    const { text, fileName, counts } = await createBackup(from, PASS, { now: NOW });
    expect(fileName).toBe('oon-guard-backup-2026-11-27.json');
    expect(counts).toEqual({ claims: 2, schedules: 1, appeals: 1, settings: 2 });
    for (const secret of ['TESTPATIENT', 'SYN000123', 'A26110400017', 'ACME'])
      expect(text).not.toContain(secret);
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'oon-guard-backup',
      schemaVersion: from.verno,
      cipher: { name: 'AES-GCM' },
    });
    expect(file.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const to = fresh();
    expect(await restoreBackup(to, text, PASS, NOW)).toEqual({ ok: true, counts });
    expect(await dump(to)).toEqual(await dump(from));
    expect((await from.auditLog.toArray()).map((a) => a.action)).toEqual(['backup']);
    // The backup is a snapshot taken before its own audit line was written.
    expect((await to.auditLog.toArray()).map((a) => [a.action, a.detail])).toEqual([
      ['restore', 'restored backup of 2026-11-27: 2 claims, 1 schedules, 1 appeals, 2 settings'],
    ]);
  });

  it('keeps sealed claims sealed, and the lock passphrase opens them in the restored profile', async () => {
    const from = await seeded();
    await enableLock(from, 'lock passphrase 1', { now: NOW });
    const { text } = await createBackup(from, PASS, { now: NOW });
    const to = fresh();
    expect((await restoreBackup(to, text, PASS, NOW)).ok).toBe(true);
    const stored = (await to.claims.get('A26110400017'))!;
    expect(stored.claim.patientName).toBeUndefined();
    const opened = await openLock((await getLockConfig(to))!, 'lock passphrase 1');
    if (!opened.ok) throw new Error(opened.error);
    expect(await revealClaim(stored.claim, createOpener(opened.unlocked))).toEqual(claim);
  });
});

describe('restore refuses, naming why, and changes nothing', () => {
  const tamper = (text: string, change: (f: Record<string, unknown>) => void) => {
    const f = JSON.parse(text);
    change(f);
    return JSON.stringify(f);
  };

  it.each([
    ['a file from a newer schema', (f: Record<string, unknown>) => (f.schemaVersion = 99), /newer OON Guard/],
    [
      'a bad checksum (one byte of data changed)',
      (f: Record<string, unknown>) => {
        const d = f.data as string;
        f.data = (d[0] === 'A' ? 'B' : 'A') + d.slice(1);
      },
      /checksum does not match/,
    ],
    [
      'a file that is not a backup',
      (f: Record<string, unknown>) => (f.format = 'something-else'),
      /not an OON Guard backup/,
    ],
    ['a missing field', (f: Record<string, unknown>) => delete f.kdf, /damaged/],
  ])('%s', async (_what, change, message) => {
    const from = await seeded();
    const { text } = await createBackup(from, PASS, { now: NOW });
    const to = await seeded();
    const before = await dump(to);
    const r = await restoreBackup(to, tamper(text, change), PASS, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
    expect(!r.ok && r.error).toMatch(/Nothing was restored/);
    expect(await dump(to)).toEqual(before);
  });

  it('a wrong passphrase', async () => {
    const { text } = await createBackup(await seeded(), PASS, { now: NOW });
    const to = fresh();
    expect(await restoreBackup(to, text, 'not the passphrase', NOW)).toEqual({
      ok: false,
      error: 'That passphrase does not open this backup. Check it and try again. Nothing was restored.',
    });
    expect(await to.claims.count()).toBe(0);
  });

  it('not JSON at all', async () => {
    expect(await readBackup('<html>', PASS, 3)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    });
  });

  it('a full disk mid-restore keeps what was there', async () => {
    const { text } = await createBackup(await seeded(), PASS, { now: NOW });
    const to = fresh();
    await to.settings.put({ key: 'retentionDays', value: 30 });
    to.claims.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await restoreBackup(to, text, PASS, NOW);
    expect(!r.ok && r.error).toMatch(/run out of space/);
    expect(await to.settings.toArray()).toEqual([{ key: 'retentionDays', value: 30 }]);
    expect(await to.auditLog.count()).toBe(0);
  });
});
