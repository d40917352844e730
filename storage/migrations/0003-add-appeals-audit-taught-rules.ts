import type Dexie from 'dexie';

/**
 * Version 3: appeal tracking, the local audit log, rules taught by the biller, and a worklist status
 * on each claim (indexed, so the worklist can filter on it). Existing claims become `open`.
 */
export function addAppealsAuditTaughtRules(db: Dexie): void {
  db.version(3)
    .stores({
      claims: '&key, payerName, status, priority, paidDate, updatedAt, *flagKinds, worklistStatus',
      schedules: '&id, name',
      pageReads: '&tabId, claimKey',
      settings: '&key',
      benchmarks: '&id',
      appeals: '&id, claimKey, status, followUpDate, updatedAt',
      auditLog: '++id, at, action',
      taughtRules: '&id, origin',
    })
    .upgrade((tx) =>
      tx
        .table('claims')
        .toCollection()
        .modify((c: { worklistStatus?: string }) => {
          c.worklistStatus ??= 'open';
        }),
    );
}
