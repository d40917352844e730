import type { Claim } from '../rules/model';
import { audit } from './audit';
import { hasPlainPhi, type ProtectedClaim, withoutPhi } from './crypto';
import type { ClaimRecord, OonDatabase } from './db';

/** Retention of patient-identifying fields, "Delete all data", and the browser's storage state (issue 7). */

export const DEFAULT_RETENTION_DAYS = 180;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
const RETENTION_SETTING = 'retentionDays';

export async function getRetentionDays(db: OonDatabase): Promise<number> {
  const v = (await db.settings.get(RETENTION_SETTING))?.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_RETENTION_DAYS && v <= MAX_RETENTION_DAYS
    ? v
    : DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(db: OonDatabase, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    throw new RangeError(
      `Keep patient details for ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} days (a whole number).`,
    );
  }
  await db.settings.put({ key: RETENTION_SETTING, value: days });
}

/**
 * When the practice last had this claim's patient fields from a source: the latest read. Re-scoring
 * changes `updatedAt`, not when the patient data came in, so reads count, not updates.
 */
export function lastReadAt(record: ClaimRecord): string {
  const reads = record.sources.map((s) => s.readAt).filter((t) => t.length > 0);
  return reads.length > 0 ? reads.sort().at(-1)! : record.updatedAt;
}

function hasPhi(claim: Claim): boolean {
  return hasPlainPhi(claim) || (claim as ProtectedClaim).phi !== undefined;
}

/**
 * Removes the patient-identifying fields (plain or sealed) of every claim last read more than
 * `retentionDays` before `asOf` (ISO timestamp). Amounts, codes, dates, scores and the biller's
 * worklist state stay, so reports keep working. One transaction; one audit line with the count.
 */
export async function purgeExpired(
  db: OonDatabase,
  asOf: string,
  retentionDays?: number,
): Promise<{ purged: number; cutoff: string }> {
  const days = retentionDays ?? (await getRetentionDays(db));
  const cutoff = new Date(Date.parse(asOf) - days * 86_400_000).toISOString();
  const purged = await db.transaction('rw', db.claims, db.auditLog, async () => {
    const n = await db.claims
      .filter((r) => hasPhi(r.claim) && lastReadAt(r) < cutoff)
      .modify((r) => {
        r.claim = withoutPhi(r.claim as Claim & { phi?: unknown }) as Claim;
      });
    if (n > 0)
      await audit(db, 'purge', `retention ${days} days: patient fields removed from ${n} claims`, asOf);
    return n;
  });
  return { purged, cutoff };
}

/** What the biller must type to delete everything. */
export const DELETE_ALL_CONFIRMATION = 'DELETE';

/**
 * Deletes every claim, schedule, benchmark, appeal, taught rule, setting (the lock with them) and
 * page read, and the audit log, in one transaction, then writes one audit line saying so. Refuses
 * unless `typed` is exactly DELETE_ALL_CONFIRMATION.
 */
export async function deleteAllData(
  db: OonDatabase,
  typed: string,
  at: string,
): Promise<{ ok: true; claims: number } | { ok: false; error: string }> {
  if (typed.trim() !== DELETE_ALL_CONFIRMATION) {
    return { ok: false, error: `Type ${DELETE_ALL_CONFIRMATION} to confirm. Nothing was deleted.` };
  }
  const claims = await db.transaction('rw', db.tables, async () => {
    const n = await db.claims.count();
    await Promise.all(db.tables.map((t) => t.clear()));
    await audit(db, 'delete-all', `all data deleted: ${n} claims and every setting`, at);
    return n;
  });
  return { ok: true, claims };
}

/** The part of the browser's StorageManager this page uses (navigator.storage; a fake in tests). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** undefined when the browser cannot say. */
  persisted?: boolean;
  usageBytes?: number;
  quotaBytes?: number;
}

export async function storageStatus(manager: StorageManagerLike | undefined): Promise<StorageStatus> {
  const out: StorageStatus = {};
  const persisted = await manager?.persisted?.().catch(() => undefined);
  if (persisted !== undefined) out.persisted = persisted;
  const est = await manager?.estimate?.().catch(() => undefined);
  if (est?.usage !== undefined) out.usageBytes = est.usage;
  if (est?.quota !== undefined) out.quotaBytes = est.quota;
  return out;
}

/**
 * Asks the browser not to evict our data under storage pressure. Chromium decides by itself (an
 * extension with unlimitedStorage is usually granted); the answer is shown, never assumed.
 */
export async function requestPersistentStorage(manager: StorageManagerLike | undefined): Promise<boolean> {
  if (!manager?.persist) return false;
  return manager.persist().catch(() => false);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
