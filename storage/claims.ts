import { type Claim, type ClaimScore, type ClaimSource, claimKey } from '../rules/model';
import type { ClaimNotes } from '../rules/score';
import { protectReads } from './crypto';
import type { ClaimRecord, OonDatabase } from './db';

function sameSource(a: ClaimSource, b: ClaimSource): boolean {
  return a.kind === b.kind && a.portal === b.portal && a.url === b.url && a.fileName === b.fileName;
}

/** The newer read wins field by field; what it does not carry is kept from before. */
export function mergeClaims(older: Claim, newer: Claim): Claim {
  const merged: Claim = { ...older };
  for (const [k, v] of Object.entries(newer)) {
    if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  }
  if (newer.lines.length === 0 && older.lines.length > 0) merged.lines = older.lines;
  return merged;
}

/** The biller's own state on a record, which a new read or re-score must never drop. */
function kept(before: ClaimRecord | undefined): Partial<ClaimRecord> {
  if (!before) return { worklistStatus: 'open' };
  const out: Partial<ClaimRecord> = { worklistStatus: before.worklistStatus ?? 'open' };
  if (before.worklistStatusAt) out.worklistStatusAt = before.worklistStatusAt;
  if (before.recoveredCents !== undefined) out.recoveredCents = before.recoveredCents;
  if (before.notes) out.notes = before.notes;
  return out;
}

export function toRecord(
  claim: Claim,
  sources: ClaimSource[],
  score: ClaimScore | null,
  now: string,
  before?: ClaimRecord,
): ClaimRecord {
  return {
    ...kept(before),
    key: claimKey(claim.claimNumber),
    claim,
    sources,
    score,
    payerName: claim.payerName,
    status: claim.status,
    priority: score?.priority ?? 0,
    flagKinds: [
      ...new Set(
        [...(score?.flags ?? []), ...(score?.lines.flatMap((l) => l.flags) ?? [])].map((f) => f.kind),
      ),
    ],
    shortfallCents: score?.totals.shortfallCents ?? 0,
    paidDate: claim.paidDate ?? '',
    updatedAt: now,
  };
}

/** Claims written per bulk step inside the one transaction; progress is reported between steps. */
const CHUNK = 2000;

/**
 * Stores claims read from a page or file, each merged with what was stored under the same claim
 * number (reading a page twice never duplicates it; a claim seen in an 835 and on a portal page is one
 * claim with both sources), and scored. One transaction: all or nothing, whatever the size.
 */
export async function saveClaims(
  db: OonDatabase,
  reads: { claim: Claim; source: ClaimSource }[],
  score: (claim: Claim, notes?: ClaimNotes) => ClaimScore,
  now: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ClaimRecord[]> {
  // Under the passphrase lock patient fields are sealed before the write (crypto cannot run inside it).
  reads = await protectReads(db, reads);
  return db.transaction('rw', db.claims, async () => {
    // A file may hold the same claim twice (a reversal and its correction): later reads merge over earlier.
    const byKey = new Map<string, ClaimRecord>();
    for (let start = 0; start < reads.length; start += CHUNK) {
      const chunk = reads.slice(start, start + CHUNK);
      const keys = chunk.map((r) => claimKey(r.claim.claimNumber));
      const missing = [...new Set(keys.filter((k) => !byKey.has(k)))];
      const existing = await db.claims.bulkGet(missing);
      existing.forEach((rec) => {
        if (rec) byKey.set(rec.key, rec);
      });
      const touched = new Set<string>();
      chunk.forEach(({ claim, source }, i) => {
        const key = keys[i]!;
        const before = byKey.get(key);
        const merged = before ? mergeClaims(before.claim, claim) : claim;
        const sources = before ? before.sources.filter((s) => !sameSource(s, source)) : [];
        sources.push(source);
        byKey.set(key, toRecord(merged, sources, score(merged, before?.notes), now, before));
        touched.add(key);
      });
      await db.claims.bulkPut([...touched].map((k) => byKey.get(k)!));
      onProgress?.(Math.min(start + CHUNK, reads.length), reads.length);
    }
    return reads.map((r) => byKey.get(claimKey(r.claim.claimNumber))!);
  });
}

/** Re-scores every stored claim, e.g. after a schedule or policy change. */
export async function rescoreAll(
  db: OonDatabase,
  score: (claim: Claim, notes?: ClaimNotes) => ClaimScore,
  now: string,
): Promise<number> {
  return db.transaction('rw', db.claims, async () => {
    const all = await db.claims.toArray();
    await db.claims.bulkPut(all.map((r) => toRecord(r.claim, r.sources, score(r.claim, r.notes), now, r)));
    return all.length;
  });
}
