import type Dexie from 'dexie';

/**
 * Version 2: a `benchmarks` table for the Medicare PFS files and UCR tables the practice loads.
 * Adds a table only; every version-1 row stays as it was.
 */
export function addBenchmarks(db: Dexie): void {
  db.version(2).stores({
    claims: '&key, payerName, status, priority, paidDate, updatedAt, *flagKinds',
    schedules: '&id, name',
    pageReads: '&tabId, claimKey',
    settings: '&key',
    benchmarks: '&id',
  });
}
