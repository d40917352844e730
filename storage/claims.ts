import { type Claim, type ClaimScore, type ClaimSource, claimKey, type FlagKind } from '../rules/model';
import type { ClaimNotes } from '../rules/score';
import { protectReads } from './crypto';
import type { ClaimRecord, OonDatabase } from './db';
import { queriedClaimValues } from './migrations/0005-index-only-queried-claim-values';

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

/**
 * The stored record. Written out field by field (the biller's own state first, as before) because it
 * runs once per claim of every import: no spreads or intermediate arrays.
 */
export function toRecord(
  claim: Claim,
  sources: ClaimSource[],
  score: ClaimScore | null,
  now: string,
  before?: ClaimRecord,
): ClaimRecord {
  // The biller's own state on a record, which a new read or re-score must never drop.
  const record = { worklistStatus: before?.worklistStatus ?? 'open' } as ClaimRecord;
  if (before) {
    if (before.worklistStatusAt) record.worklistStatusAt = before.worklistStatusAt;
    if (before.recoveredCents !== undefined) record.recoveredCents = before.recoveredCents;
    if (before.notes) record.notes = before.notes;
  }
  record.key = claimKey(claim.claimNumber);
  record.claim = claim;
  record.sources = sources;
  record.score = score;
  record.payerName = claim.payerName;
  record.status = claim.status;
  record.priority = score?.priority ?? 0;
  record.flagKinds = score ? flagKindsOf(score) : [];
  record.shortfallCents = score?.totals.shortfallCents ?? 0;
  record.paidDate = claim.paidDate ?? '';
  record.updatedAt = now;
  // The indexed fields are set here so the write stores the record as it is (storage/db.ts).
  const indexed = queriedClaimValues(record);
  if (indexed.actionableFlags) record.actionableFlags = indexed.actionableFlags;
  if (indexed.nonOpenStatus) record.nonOpenStatus = indexed.nonOpenStatus;
  return record;
}

/** Every flag kind of the score, claim flags first, each once. */
function flagKindsOf(score: ClaimScore): FlagKind[] {
  const kinds: FlagKind[] = [];
  for (const f of score.flags) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  for (const line of score.lines) {
    for (const f of line.flags) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  }
  return kinds;
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

/**
 * One transaction in which `write` stores claims batch by batch through `save`, for imports too large
 * to hold in memory: each claim is merged with what is stored under its claim number (earlier batches
 * included) and scored, as saveClaims does, but records are not kept or returned. All or nothing: if
 * `write` throws or the page goes away, nothing of it is stored. Claims must already be protected
 * (storage/crypto.ts) when the lock is on.
 */
export async function saveClaimBatches(
  db: OonDatabase,
  score: (claim: Claim, notes?: ClaimNotes) => ClaimScore,
  now: string,
  write: (save: (claims: Claim[], source: ClaimSource) => Promise<void>) => Promise<void>,
): Promise<void> {
  await db.transaction('rw', db.claims, async () => {
    // Only keys stored before or written here are looked up: a first import reads nothing back.
    const known = new KeyHashes();
    for (const key of await db.claims.toCollection().primaryKeys()) known.add(key);
    // Batches are written while the next ones are read and scored: up to IN_FLIGHT writes are left
    // queued, so IndexedDB (in the browser process) and this page work at the same time instead of in
    // turn. The records of those batches answer for them meanwhile.
    const inFlight: { put: Promise<unknown>; records: Map<string, ClaimRecord> }[] = [];
    await write(async (claims, source) => {
      const keys = claims.map((c) => claimKey(c.claimNumber));
      const byKey = new Map<string, ClaimRecord>();
      const lookup = new Set<string>();
      for (const key of keys) {
        if (byKey.has(key) || !known.mightHave(key)) continue;
        const previous = recentRecord(inFlight, key);
        if (previous) byKey.set(key, previous);
        else lookup.add(key);
      }
      if (lookup.size > 0) {
        for (const rec of await db.claims.bulkGet([...lookup])) if (rec) byKey.set(rec.key, rec);
      }
      claims.forEach((claim, i) => {
        const key = keys[i] as string;
        const before = byKey.get(key);
        const merged = before ? mergeClaims(before.claim, claim) : claim;
        const sources = before ? before.sources.filter((s) => !sameSource(s, source)) : [];
        sources.push(source);
        byKey.set(key, toRecord(merged, sources, score(merged, before?.notes), now, before));
        known.add(key);
      });
      const put = db.claims.bulkPut([...byKey.values()]);
      // Awaited below or at the end; a failure aborts the transaction either way.
      put.catch(() => {});
      inFlight.push({ put, records: byKey });
      if (inFlight.length > IN_FLIGHT) await (inFlight.shift() as { put: Promise<unknown> }).put;
    });
    for (const batch of inFlight) await batch.put;
  });
}

/** Batches whose writes may be queued at once: enough to keep IndexedDB busy, few enough to bound memory. */
const IN_FLIGHT = 3;

/** The newest record written under `key` by a batch still being written, if any. */
function recentRecord(
  batches: readonly { records: Map<string, ClaimRecord> }[],
  key: string,
): ClaimRecord | undefined {
  for (let i = batches.length - 1; i >= 0; i--) {
    const rec = batches[i]?.records.get(key);
    if (rec) return rec;
  }
  return undefined;
}

/**
 * A set of claim keys kept as 32-bit hashes in an open-addressed table: about 8 bytes per key instead
 * of a string and a Set entry, so a 185,000-claim import keeps 1.5 MB rather than some 12 MB. It may
 * say yes for a key it never saw (two keys with one hash, about one in 20,000 at that size); that only
 * costs a lookup that finds nothing. It never says no for a key it saw.
 */
export class KeyHashes {
  private table = new Uint32Array(1024);
  private count = 0;

  add(key: string): void {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    if (this.insert(hashKey(key))) this.count++;
  }

  mightHave(key: string): boolean {
    const h = hashKey(key);
    const mask = this.table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = this.table[i] as number;
      if (at === h) return true;
      if (at === 0) return false;
    }
  }

  /** Puts a hash in the table; false when it was there already. */
  private insert(h: number): boolean {
    const mask = this.table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = this.table[i] as number;
      if (at === h) return false;
      if (at === 0) {
        this.table[i] = h;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (const h of old) if (h !== 0) this.insert(h);
  }
}

/** FNV-1a over the key's UTF-16 code units; never 0, which marks an empty slot. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
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
