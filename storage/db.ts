import Dexie, { type EntityTable } from 'dexie';
import type { Claim, ClaimScore, ClaimSource, FlagKind } from '../rules/model';
import type { PortalRule } from '../rules/portals/schema';
import type { GpciRow, RvuRow } from '../rules/pricing/medicare-pfs';
import type { FeeSchedule } from '../rules/pricing/schedule';
import type { UcrTable } from '../rules/pricing/ucr';
import type { ClaimNotes } from '../rules/score';
import type { PackedRvus } from './benchmarks';
import { addBenchmarks } from './migrations/0002-add-benchmarks';
import { addAppealsAuditTaughtRules } from './migrations/0003-add-appeals-audit-taught-rules';
import { dropUnusedClaimIndexes } from './migrations/0004-drop-unused-claim-indexes';

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
  /** Where the biller has the claim in the worklist; kept when the claim is read again. */
  worklistStatus?: WorklistStatus;
  worklistStatusAt?: string;
  /** Money recovered on appeal, from the appeal outcomes. */
  recoveredCents?: number;
  /** What the biller recorded (NSA mark, open negotiation notice date); kept across reads. */
  notes?: ClaimNotes;
}

export type WorklistStatus = 'open' | 'appealed' | 'resolved';

export const APPEAL_STATUSES = ['draft', 'sent', 'in-review', 'won', 'partly-won', 'lost'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** One appeal or dispute followed to the money. */
export interface AppealRecord {
  id: string;
  claimKey: string;
  templateId: string;
  status: AppealStatus;
  sentDate?: string;
  channel?: 'portal' | 'fax' | 'mail' | 'email' | 'phone';
  followUpDate?: string;
  /** What the appeal pursued and what came back. */
  disputedCents: number;
  recoveredCents?: number;
  outcomeDate?: string;
  createdAt: string;
  updatedAt: string;
}

/** A local record of what left the extension or changed data; never patient values. */
export interface AuditRecord {
  id?: number;
  at: string;
  action:
    | 'export'
    | 'copy'
    | 'fill'
    | 'print'
    | 'purge'
    | 'delete-all'
    | 'backup'
    | 'restore'
    | 'import'
    | 'lock'
    | 'unlock';
  /** Counts and kinds only, e.g. "worklist CSV, 42 claims". */
  detail: string;
}

/** A rule the biller taught for a portal without a built-in one. */
export interface TaughtRuleRecord {
  id: string;
  /** https origin the rule is for. */
  origin: string;
  rule: PortalRule;
  createdAt: string;
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
  /** Claims read from a claim list page, in page order. */
  listKeys?: string[];
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
      /** Records stored before rows were packed; newer ones carry `packedRvus` (storage/benchmarks.ts). */
      rvus?: RvuRow[];
      packedRvus?: PackedRvus;
      /** Distinct codes, for the status line (absent on older records). */
      codeCount?: number;
      localities: GpciRow[];
      importedAt: string;
    }
  | { id: 'ucr'; table: UcrTable; importedAt: string };

export type OonDatabase = Dexie & {
  appeals: EntityTable<AppealRecord, 'id'>;
  auditLog: EntityTable<AuditRecord, 'id'>;
  taughtRules: EntityTable<TaughtRuleRecord, 'id'>;
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
  addAppealsAuditTaughtRules(db);
  dropUnusedClaimIndexes(db);
  return db;
}
