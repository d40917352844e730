import Dexie, { type EntityTable } from 'dexie';
import type { Claim, ClaimScore, ClaimSource, FlagKind } from '../rules/model';
import type { GpciRow, RvuRow } from '../rules/pricing/medicare-pfs';
import type { FeeSchedule } from '../rules/pricing/schedule';
import type { UcrTable } from '../rules/pricing/ucr';
import { addBenchmarks } from './migrations/0002-add-benchmarks';

/** One claim as stored: the merged claim, every place it was read, and its latest score. */
export interface ClaimRecord {
  /** claimKey(claim.claimNumber). */
  key: string;
  claim: Claim;
  sources: ClaimSource[];
  score: ClaimScore | null;
  /** Denormalised for indexes and the worklist. */
  payerName: string;
  status: Claim['status'];
  priority: number;
  flagKinds: FlagKind[];
  shortfallCents: number;
  paidDate: string;
  updatedAt: string;
}

/** What the content script last reported for a tab: read, unreadable, or nothing to read. */
export interface PageReadRecord {
  tabId: number;
  url: string;
  portal: string;
  portalName: string;
  pageKind: string;
  ok: boolean;
  claimKey?: string;
  missing?: string[];
  /** The frame holding a dispute form, for "Fill appeal form". */
  formFrameId?: number;
  at: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A loaded public or licensed benchmark: the Medicare PFS files, or a UCR percentile table. */
export type BenchmarkRecord =
  | {
      id: 'medicare';
      year: number;
      conversionFactor?: number;
      rvus: RvuRow[];
      localities: GpciRow[];
      importedAt: string;
    }
  | { id: 'ucr'; table: UcrTable; importedAt: string };

export type OonDatabase = Dexie & {
  benchmarks: EntityTable<BenchmarkRecord, 'id'>;
  claims: EntityTable<ClaimRecord, 'key'>;
  schedules: EntityTable<FeeSchedule, 'id'>;
  pageReads: EntityTable<PageReadRecord, 'tabId'>;
  settings: EntityTable<SettingRecord, 'key'>;
};

export const DB_NAME = 'oon-guard';

/**
 * Opens the database. Each `version(n)` restates the whole schema; upgrades live in
 * storage/migrations/NNNN-verb-noun.ts and are tested from data of the version before.
 */
export function openDatabase(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): OonDatabase {
  const db = new Dexie(name, options) as OonDatabase;
  db.version(1).stores({
    claims: '&key, payerName, status, priority, paidDate, updatedAt, *flagKinds',
    schedules: '&id, name',
    pageReads: '&tabId, claimKey',
    settings: '&key',
  });
  addBenchmarks(db);
  return db;
}
