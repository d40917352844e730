import { z } from 'zod';
import { addCalendarDays } from '../rules/deadlines/index';
import type { FlagKind } from '../rules/model';
import type { AppealRecord, ClaimRecord, OonDatabase } from './db';
import { compareReminders, GLANCE_KEY, type Glance, type Reminder, reminderLine } from './glance';

export {
  compareReminders,
  type Glance,
  REMINDER_LABEL,
  type Reminder,
  type ReminderKind,
  reminderLine,
} from './glance';

/**
 * Deadlines coming up and the popup's "today at a glance". The selection is pure (records and
 * `asOf` in, reminders out); the Dexie part below reads only what indexes reach, so the popup opens
 * fast with 50,000 claims, and keeps the last full count in settings for the next opening.
 */

export const REMINDER_WINDOW_DAYS = 7;

/** Flags that make a claim worth appealing or negotiating. */
export const ACTIONABLE_FLAGS: readonly FlagKind[] = ['underpaid', 'denied', 'nsa'];
/** Flags counted as "flagged claims" in the popup, as the worklist's headline count. */
export const HEADLINE_FLAGS: readonly FlagKind[] = ['underpaid', 'denied'];

function inWindow(date: string | undefined, asOf: string, end: string): date is string {
  return date !== undefined && date >= asOf && date <= end;
}

/**
 * A claim's deadlines in [asOf, asOf + withinDays]. Nothing for a resolved claim or one with nothing to
 * pursue; the appeal-by date only until an appeal is sent; the NSA notice date only until the notice
 * is recorded as sent, after which the IDR initiation date takes its place.
 */
export function claimReminders(r: ClaimRecord, asOf: string, withinDays = REMINDER_WINDOW_DAYS): Reminder[] {
  if (r.worklistStatus === 'resolved' || !r.score) return [];
  if (!r.flagKinds.some((k) => ACTIONABLE_FLAGS.includes(k))) return [];
  const end = addCalendarDays(asOf, withinDays);
  const d = r.score.deadlines;
  const base = { claimKey: r.key, claimNumber: r.claim.claimNumber, amountCents: r.shortfallCents };
  const out: Reminder[] = [];
  if (r.worklistStatus !== 'appealed' && inWindow(d.appealBy, asOf, end)) {
    out.push({ ...base, kind: 'appeal-by', date: d.appealBy });
  }
  if (!r.notes?.openNegotiationSentDate && inWindow(d.openNegotiationNoticeBy, asOf, end)) {
    out.push({ ...base, kind: 'nsa-notice-by', date: d.openNegotiationNoticeBy });
  }
  if (inWindow(d.idrInitiationBy, asOf, end)) {
    out.push({ ...base, kind: 'idr-initiation-by', date: d.idrInitiationBy });
  }
  return out;
}

/** An appeal awaiting the payer whose follow-up date falls in the window. */
export function followUpReminder(
  a: AppealRecord,
  claimNumber: string,
  asOf: string,
  withinDays = REMINDER_WINDOW_DAYS,
): Reminder | undefined {
  if (a.status !== 'sent' && a.status !== 'in-review') return undefined;
  if (!inWindow(a.followUpDate, asOf, addCalendarDays(asOf, withinDays))) return undefined;
  return {
    kind: 'follow-up',
    date: a.followUpDate,
    claimKey: a.claimKey,
    claimNumber,
    amountCents: a.disputedCents,
  };
}

/** Every reminder due in the window, soonest first. */
export function selectReminders(
  records: Iterable<ClaimRecord>,
  appeals: Iterable<AppealRecord>,
  asOf: string,
  withinDays = REMINDER_WINDOW_DAYS,
): Reminder[] {
  const numbers = new Map<string, string>();
  const out: Reminder[] = [];
  for (const r of records) {
    numbers.set(r.key, r.claim.claimNumber);
    out.push(...claimReminders(r, asOf, withinDays));
  }
  for (const a of appeals) {
    const f = followUpReminder(a, numbers.get(a.claimKey) ?? a.claimKey, asOf, withinDays);
    if (f) out.push(f);
  }
  return out.sort(compareReminders);
}

/** The notification for a day's reminders, or undefined when nothing is due. */
export function reminderNotification(
  reminders: readonly Reminder[],
  withinDays = REMINDER_WINDOW_DAYS,
  maxLines = 4,
): { title: string; message: string } | undefined {
  if (reminders.length === 0) return undefined;
  const lines = reminders.slice(0, maxLines).map(reminderLine);
  if (reminders.length > maxLines) lines.push(`and ${reminders.length - maxLines} more in the worklist`);
  const n = reminders.length;
  return {
    title: `OON Guard: ${n} deadline${n === 1 ? '' : 's'} in the next ${withinDays} days`,
    message: lines.join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Today at a glance

/** Headline flags, not resolved: what the biller still has to pursue. */
export function isFlaggedOpen(r: ClaimRecord): boolean {
  return r.worklistStatus !== 'resolved' && r.flagKinds.some((k) => HEADLINE_FLAGS.includes(k));
}

/** The glance over claims carrying an actionable flag (the rest add nothing to it). */
export function computeGlance(records: Iterable<ClaimRecord>, asOf: string, stamp: string): Glance {
  let flaggedClaims = 0;
  let recoverableCents = 0;
  const reminders: Reminder[] = [];
  for (const r of records) {
    if (isFlaggedOpen(r)) {
      flaggedClaims += 1;
      recoverableCents += r.shortfallCents;
    }
    reminders.push(...claimReminders(r, asOf));
  }
  return { asOf, stamp, flaggedClaims, recoverableCents, reminders: reminders.sort(compareReminders) };
}

const ReminderSchema = z.object({
  kind: z.enum(['appeal-by', 'nsa-notice-by', 'idr-initiation-by', 'follow-up']),
  date: z.string(),
  claimKey: z.string(),
  claimNumber: z.string(),
  amountCents: z.number(),
});
const GlanceSchema = z.object({
  asOf: z.string(),
  stamp: z.string(),
  flaggedClaims: z.number(),
  recoverableCents: z.number(),
  reminders: z.array(ReminderSchema),
  followUps: z.array(ReminderSchema).optional(),
});

/**
 * What changes the glance, from index ends and small index ranges only (no record is loaded): the day,
 * the newest claim write, how many are appealed or resolved, the newest appeal change, and the newest
 * audit line, which stands for deletions (purge and delete-all are logged). Not `claims.count()`:
 * Chromium walks the whole store for it, some 200 ms at 50,000 claims.
 */
export async function glanceStamp(db: OonDatabase, asOf: string): Promise<string> {
  const [lastUpdate, appealed, resolved, lastAppeal, lastAudit] = await Promise.all([
    db.claims.orderBy('lastWriteAt').reverse().limit(1).keys(),
    db.claims.where('nonOpenStatus').equals('appealed').count(),
    db.claims.where('nonOpenStatus').equals('resolved').count(),
    db.appeals.orderBy('updatedAt').reverse().limit(1).keys(),
    db.auditLog.orderBy(':id').reverse().limit(1).primaryKeys(),
  ]);
  return [
    asOf,
    String(lastUpdate[0] ?? ''),
    appealed,
    resolved,
    String(lastAppeal[0] ?? ''),
    String(lastAudit[0] ?? ''),
  ].join('|');
}

/** The last counted glance, if any, and whether it still matches the store. */
export async function loadGlance(
  db: OonDatabase,
  asOf: string,
): Promise<{ glance: Glance | undefined; fresh: boolean; stamp: string }> {
  const [row, stamp] = await Promise.all([db.settings.get(GLANCE_KEY), glanceStamp(db, asOf)]);
  const glance = row ? GlanceSchema.safeParse(row.value).data : undefined;
  return { glance, fresh: glance?.stamp === stamp, stamp };
}

/** Counts the glance again from the claims with an actionable flag, and keeps it for the next opening. */
export async function refreshGlance(db: OonDatabase, asOf: string): Promise<Glance> {
  const stamp = await glanceStamp(db, asOf);
  // One getAll per flag (a cursor is ten times slower in Chromium); a claim with two flags comes twice.
  const [followUps, lists] = await Promise.all([
    dueFollowUps(db, asOf),
    Promise.all(ACTIONABLE_FLAGS.map((k) => db.claims.where('actionableFlags').equals(k).toArray())),
  ]);
  const byKey = new Map<string, ClaimRecord>();
  for (const list of lists) for (const r of list) byKey.set(r.key, r);
  const records = [...byKey.values()];
  // Follow-ups are kept too, so the popup can paint every deadline from this one row.
  const glance: Glance = { ...computeGlance(records, asOf, stamp), followUps };
  await db.settings.put({ key: GLANCE_KEY, value: glance });
  return glance;
}

/** Follow-ups due in the window, from the appeals' follow-up index. */
export async function dueFollowUps(
  db: OonDatabase,
  asOf: string,
  withinDays = REMINDER_WINDOW_DAYS,
): Promise<Reminder[]> {
  const appeals = await db.appeals
    .where('followUpDate')
    .between(asOf, addCalendarDays(asOf, withinDays), true, true)
    .toArray();
  if (appeals.length === 0) return [];
  const claims = await db.claims.bulkGet([...new Set(appeals.map((a) => a.claimKey))]);
  const numbers = new Map(claims.filter((c) => c !== undefined).map((c) => [c.key, c.claim.claimNumber]));
  return appeals
    .map((a) => followUpReminder(a, numbers.get(a.claimKey) ?? a.claimKey, asOf, withinDays))
    .filter((r) => r !== undefined)
    .sort(compareReminders);
}

/** Everything due in the next days, freshly counted: the daily alarm's list. */
export async function dueReminders(db: OonDatabase, asOf: string): Promise<Reminder[]> {
  const glance = await refreshGlance(db, asOf);
  return [...glance.reminders, ...(glance.followUps ?? [])].sort(compareReminders);
}
