import type Dexie from 'dexie';

/**
 * Version 4: the claims table keeps only the indexes something queries (priority for the worklist's
 * first screen, updatedAt for the popup's freshness stamp, flagKinds and worklistStatus for its counts).
 * payerName, status and paidDate were never queried through an index, yet every stored claim paid for
 * them: IndexedDB writes one entry per index per record, which is most of the cost of a large 835
 * import. Only indexes go; every record stays as it was.
 */
export function dropUnusedClaimIndexes(db: Dexie): void {
  db.version(4).stores({
    claims: '&key, priority, updatedAt, *flagKinds, worklistStatus',
  });
}
