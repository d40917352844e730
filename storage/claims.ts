import { type Claim, type ClaimScore, type ClaimSource, claimKey } from '../rules/model';
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

function toRecord(claim: Claim, sources: ClaimSource[], score: ClaimScore | null, now: string): ClaimRecord {
  return {
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

/**
 * Stores a claim read from a page or file, merged with what was stored under the same claim number
 * (reading a page twice never duplicates it), and scored. One transaction: all or nothing.
 */
export async function saveClaims(
  db: OonDatabase,
  reads: { claim: Claim; source: ClaimSource }[],
  score: (claim: Claim) => ClaimScore,
  now: string,
): Promise<ClaimRecord[]> {
  return db.transaction('rw', db.claims, async () => {
    const keys = reads.map((r) => claimKey(r.claim.claimNumber));
    const existing = await db.claims.bulkGet(keys);
    const byKey = new Map<string, ClaimRecord>();
    existing.forEach((rec) => {
      if (rec) byKey.set(rec.key, rec);
    });
    for (const { claim, source } of reads) {
      const key = claimKey(claim.claimNumber);
      const before = byKey.get(key);
      const merged = before ? mergeClaims(before.claim, claim) : claim;
      const sources = before ? before.sources.filter((s) => !sameSource(s, source)) : [];
      sources.push(source);
      byKey.set(key, toRecord(merged, sources, score(merged), now));
    }
    const records = [...byKey.values()].filter((r) => keys.includes(r.key));
    await db.claims.bulkPut(records);
    return keys.map((k) => byKey.get(k)!);
  });
}

/** Re-scores every stored claim, e.g. after a schedule or policy change. */
export async function rescoreAll(
  db: OonDatabase,
  score: (claim: Claim) => ClaimScore,
  now: string,
): Promise<number> {
  return db.transaction('rw', db.claims, async () => {
    const all = await db.claims.toArray();
    await db.claims.bulkPut(all.map((r) => toRecord(r.claim, r.sources, score(r.claim), now)));
    return all.length;
  });
}
