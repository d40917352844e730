import type Dexie from 'dexie';
import type { FlagKind } from '../../rules/model';
import type { ClaimRecord } from '../db';
import { ACTIONABLE_FLAGS } from '../reminders';

/**
 * Version 5: the claims' flag, worklist-status and write-time indexes hold only the values something
 * asks them for. The glance asks `flagKinds` for the actionable flags only, `worklistStatus` for
 * appealed and resolved only, and `updatedAt` for its newest value only, yet every stored claim wrote
 * an entry in each (most claims are open and carry some other flag, e.g. no-benchmark). IndexedDB
 * writes one entry per index value per record, and in Chromium each entry costs the browser process
 * about a fifth of what the record itself costs: a 185,000-claim 835 wrote 555,000 entries nobody
 * read. The records keep `flagKinds`, `worklistStatus` and `updatedAt` as before; three derived fields,
 * kept in step on every write (storage/db.ts), carry the indexed values.
 */
export function indexOnlyQueriedClaimValues(db: Dexie): void {
  db.version(5)
    .stores({ claims: '&key, priority, *actionableFlags, nonOpenStatus, lastWriteAt' })
    .upgrade(async (tx) => {
      // Only claims with a value to index are written again (the write sets the fields, storage/db.ts),
      // and the newest claim, for lastWriteAt: reading every claim costs far less than writing it.
      const claims = tx.table('claims');
      let newestKey: string | undefined;
      let newestAt = '';
      await claims
        .filter((r: ClaimRecord) => {
          if (r.updatedAt > newestAt) {
            newestAt = r.updatedAt;
            newestKey = r.key;
          }
          const indexed = queriedClaimValues(r);
          return indexed.actionableFlags !== undefined || indexed.nonOpenStatus !== undefined;
        })
        .modify(() => {});
      if (newestKey !== undefined)
        await claims
          .where(':id')
          .equals(newestKey)
          .modify(() => {});
    });
}

/**
 * The indexed fields of a claim record: its actionable flags (absent when it has none) and its
 * worklist status unless open (absent when open). An absent field writes no index entry.
 */
export function queriedClaimValues(
  r: Pick<ClaimRecord, 'flagKinds' | 'worklistStatus'>,
): Pick<ClaimRecord, 'actionableFlags' | 'nonOpenStatus'> {
  let actionable: FlagKind[] | undefined;
  for (const k of r.flagKinds ?? []) {
    if (!ACTIONABLE_FLAGS.includes(k)) continue;
    if (actionable) actionable.push(k);
    else actionable = [k];
  }
  const status = r.worklistStatus;
  return {
    actionableFlags: actionable,
    nonOpenStatus: status === 'appealed' || status === 'resolved' ? status : undefined,
  };
}
