import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Middleware } from 'dexie';
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
import {
  indexOnlyQueriedClaimValues,
  queriedClaimValues,
} from './migrations/0005-index-only-queried-claim-values';

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
  /**
   * Indexed copies of what the glance queries, set on every write (see `claimIndexFields`): the
   * actionable flags among `flagKinds`, and `worklistStatus` unless open. Absent when empty, so most
   * claims write no entry in these indexes.
   */
  actionableFlags?: FlagKind[];
  nonOpenStatus?: 'appealed' | 'resolved';
  /**
   * `updatedAt`, on the one record of each write whose `updatedAt` is the newest of that write (set by
   * `claimIndexFields`); absent on the others. The index's newest entry is the newest claim write,
   * which is all the glance's freshness stamp asks, at one index entry per write instead of per claim.
   */
  lastWriteAt?: string;
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

/** Versions 2 onwards, in order: each restates the schema it changes and upgrades the data. */
const MIGRATIONS = [
  addBenchmarks,
  addAppealsAuditTaughtRules,
  dropUnusedClaimIndexes,
  indexOnlyQueriedClaimValues,
] as const;

/**
 * Opens the database. Each `version(n)` restates the whole schema; upgrades live in
 * storage/migrations/NNNN-verb-noun.ts and are tested from data of the version before.
 */
export function openDatabase(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): OonDatabase {
  return openDatabaseAt(MIGRATIONS.length + 1, name, options);
}

/** The database as version `version` declared it, for testing each migration on its own. */
export function openDatabaseAt(
  version: number,
  name = DB_NAME,
  options?: ConstructorParameters<typeof Dexie>[1],
): OonDatabase {
  const db = new Dexie(name, options) as OonDatabase;
  db.version(1).stores({
    claims: '&key, payerName, status, priority, paidDate, updatedAt, *flagKinds',
    schedules: '&id, name',
    pageReads: '&tabId, claimKey',
    settings: '&key',
  });
  for (const migrate of MIGRATIONS.slice(0, version - 1)) migrate(db);
  if (version >= 5) db.use(claimIndexFields);
  return db;
}

/**
 * Keeps a claim record's indexed fields (`actionableFlags`, `nonOpenStatus`, `lastWriteAt`) in step
 * with `flagKinds`, `worklistStatus` and `updatedAt` on every write, whoever writes (modify, restore,
 * import). Records already right (storage/claims.ts sets the first two) are written as they are;
 * others are copied, never changed in the caller's hands.
 */
const claimIndexFields: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'claimIndexFields',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'claims') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          table.mutate(
            req.type === 'add' || req.type === 'put' ? { ...req, values: withIndexFields(req.values) } : req,
          ),
      };
    },
  }),
};

function withIndexFields(values: readonly ClaimRecord[]): ClaimRecord[] {
  let newest = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as ClaimRecord).updatedAt > (values[newest] as ClaimRecord).updatedAt) newest = i;
  }
  return values.map((value, i) => {
    const want = queriedClaimValues(value);
    const lastWriteAt = i === newest ? value.updatedAt : undefined;
    if (
      sameKinds(value.actionableFlags, want.actionableFlags) &&
      value.nonOpenStatus === want.nonOpenStatus &&
      value.lastWriteAt === lastWriteAt
    )
      return value;
    const out = { ...value };
    if (want.actionableFlags) out.actionableFlags = want.actionableFlags;
    else delete out.actionableFlags;
    if (want.nonOpenStatus) out.nonOpenStatus = want.nonOpenStatus;
    else delete out.nonOpenStatus;
    if (lastWriteAt !== undefined) out.lastWriteAt = lastWriteAt;
    else delete out.lastWriteAt;
    return out;
  });
}

function sameKinds(a: readonly FlagKind[] | undefined, b: readonly FlagKind[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
