import type { PageReadRecord } from './db';

/**
 * The popup's "today at a glance" as kept in settings, and the read the popup paints from. This
 * module has no runtime imports (no Dexie, no zod, no rules): it is all the popup loads before its
 * first paint. Counting the glance lives in reminders.ts.
 */

export type ReminderKind = 'appeal-by' | 'nsa-notice-by' | 'idr-initiation-by' | 'follow-up';

/** One date to act on. Claim numbers and amounts only: reminders appear in system notifications. */
export interface Reminder {
  kind: ReminderKind;
  date: string;
  claimKey: string;
  claimNumber: string;
  amountCents: number;
}

export const REMINDER_LABEL: Record<ReminderKind, string> = {
  'appeal-by': 'Appeal by',
  'nsa-notice-by': 'NSA open negotiation notice by',
  'idr-initiation-by': 'Federal IDR initiation by',
  'follow-up': 'Follow up on appeal',
};

export function compareReminders(a: Reminder, b: Reminder): number {
  return (
    a.date.localeCompare(b.date) || a.claimNumber.localeCompare(b.claimNumber) || a.kind.localeCompare(b.kind)
  );
}

// One formatter for every line: toLocaleString with options builds a new one per call, which cost the
// popup about 40 ms for 490 deadlines before its first paint.
let usd: Intl.NumberFormat | undefined;
function dollars(cents: number): string {
  usd ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `$${usd.format(cents / 100)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortDate(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;
}

/** One line per reminder: "Appeal by Dec 2: claim A26110400017, $182.40". No patient values. */
export function reminderLine(r: Reminder): string {
  return `${REMINDER_LABEL[r.kind]} ${shortDate(r.date)}: claim ${r.claimNumber}, ${dollars(r.amountCents)}`;
}

/** The popup's numbers, with the store's stamp when they were counted. */
export interface Glance {
  asOf: string;
  stamp: string;
  flaggedClaims: number;
  recoverableCents: number;
  /** Claim deadlines in the window. */
  reminders: Reminder[];
  /** Appeal follow-ups in the window when counted (the popup then follows the appeals index live). */
  followUps?: Reminder[];
}

/** Every deadline of a glance, soonest first. */
export function glanceDeadlines(g: Glance): Reminder[] {
  return [...g.reminders, ...(g.followUps ?? [])].sort(compareReminders);
}

export const GLANCE_KEY = 'glance';
/** storage/db.ts DB_NAME, restated so that this module does not load Dexie (a unit test keeps them equal). */
export const GLANCE_DB_NAME = 'oon-guard';

const REMINDER_KINDS: ReadonlySet<string> = new Set(Object.keys(REMINDER_LABEL));

function isReminder(v: unknown): v is Reminder {
  const r = v as Reminder;
  return (
    typeof r === 'object' &&
    r !== null &&
    REMINDER_KINDS.has(r.kind) &&
    typeof r.date === 'string' &&
    typeof r.claimKey === 'string' &&
    typeof r.claimNumber === 'string' &&
    typeof r.amountCents === 'number'
  );
}

/**
 * The kept glance's shape, checked by hand rather than by zod so the popup's first paint loads no
 * schema library; the popup's live part reads the same value again through GlanceSchema.
 */
export function isGlance(v: unknown): v is Glance {
  const g = v as Glance;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.asOf === 'string' &&
    typeof g.stamp === 'string' &&
    typeof g.flaggedClaims === 'number' &&
    typeof g.recoverableCents === 'number' &&
    Array.isArray(g.reminders) &&
    g.reminders.every(isReminder) &&
    (g.followUps === undefined || (Array.isArray(g.followUps) && g.followUps.every(isReminder)))
  );
}

/** What the popup paints first: the kept glance, the last page read and that page's claim number. */
export interface GlanceSnapshot {
  glance: Glance | undefined;
  lastRead: PageReadRecord | undefined;
  lastClaimNumber: string | undefined;
}

export const EMPTY_SNAPSHOT: GlanceSnapshot = {
  glance: undefined,
  lastRead: undefined,
  lastClaimNumber: undefined,
};

/**
 * Reads the snapshot in one read-only IndexedDB transaction: one settings row, the page reads (one per
 * tab) and one claim. Plain IndexedDB, not Dexie: the popup paints before Dexie is even loaded. A
 * database that does not exist yet is not created here (Dexie creates it with its schema).
 */
export function readGlanceSnapshot(
  factory: IDBFactory = indexedDB,
  name = GLANCE_DB_NAME,
): Promise<GlanceSnapshot> {
  return new Promise((resolve) => {
    const open = factory.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(EMPTY_SNAPSHOT);
    open.onblocked = () => resolve(EMPTY_SNAPSHOT);
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      const stores = ['settings', 'pageReads', 'claims'].filter((s) => db.objectStoreNames.contains(s));
      if (stores.length < 3) {
        db.close();
        resolve(EMPTY_SNAPSHOT);
        return;
      }
      const out: GlanceSnapshot = { ...EMPTY_SNAPSHOT };
      const tx = db.transaction(stores, 'readonly');
      const row = tx.objectStore('settings').get(GLANCE_KEY);
      row.onsuccess = () => {
        const value = (row.result as { value?: unknown } | undefined)?.value;
        if (isGlance(value)) out.glance = value;
      };
      const reads = tx.objectStore('pageReads').getAll();
      reads.onsuccess = () => {
        let last: PageReadRecord | undefined;
        for (const r of reads.result as PageReadRecord[]) if (!last || r.at > last.at) last = r;
        out.lastRead = last;
        if (!last?.claimKey) return;
        const claim = tx.objectStore('claims').get(last.claimKey);
        claim.onsuccess = () => {
          out.lastClaimNumber = (
            claim.result as { claim?: { claimNumber?: string } } | undefined
          )?.claim?.claimNumber;
        };
      };
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve(EMPTY_SNAPSHOT);
      };
    };
  });
}
