import {
  chooseTemplates,
  getTemplate,
  type Letter,
  renderLetter,
  type TemplateId,
} from '../rules/appeals/index';
import { addCalendarDays } from '../rules/deadlines/index';
import type { Claim, ClaimScore } from '../rules/model';
import {
  APPEAL_STATUSES,
  type AppealRecord,
  type AppealStatus,
  type OonDatabase,
  type WorklistStatus,
} from './db';
import { getProfile } from './settings';

/** The keywords a portal's reason list is matched against, per template. */
export const REASON_KEYWORDS: Record<TemplateId, string[]> = {
  'oon-underpayment': ['underpay', 'reimbursement', 'payment amount', 'pricing'],
  'medical-necessity': ['medical necessity', 'necessity'],
  authorization: ['authorization', 'referral'],
  'bundling-modifier': ['coding', 'bundl', 'modifier'],
  'timely-filing': ['timely'],
  'nsa-open-negotiation': ['no surprises', 'negotiation', 'underpay'],
  'plan-documents-request': ['other', 'information'],
  'nsa-patient-balance-correction': ['no surprises', 'other'],
};

export interface AppealDraft {
  templates: { id: TemplateId; title: string }[];
  templateId: TemplateId;
  letter: Letter;
}

/** The letters that fit a claim's findings and the chosen (or best) one, rendered with the practice profile. */
export async function draftAppeal(
  db: OonDatabase,
  claim: Claim,
  score: ClaimScore,
  asOf: string,
  templateId?: string,
): Promise<AppealDraft | undefined> {
  const ids = chooseTemplates(claim, score);
  if (ids.length === 0) return undefined;
  const chosen = (ids as string[]).includes(templateId ?? '') ? (templateId as TemplateId) : ids[0]!;
  const profile = await getProfile(db);
  const r = renderLetter(chosen, { claim, score, profile, asOf });
  if (!r.ok) return undefined;
  return {
    templates: ids.map((id) => ({ id, title: getTemplate(id)?.title ?? id })),
    templateId: chosen,
    letter: r.letter,
  };
}

/** Plain text for the clipboard and the portal's message box: subject line, then the letter. */
export function appealText(letter: Pick<Letter, 'subject'>, body: string): string {
  return `${letter.subject}\n\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Tracking: each appeal followed from draft to the money

export const APPEAL_CHANNELS = ['portal', 'fax', 'mail', 'email', 'phone'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** Statuses that close an appeal with a decision; recording one records the amount recovered. */
export const OUTCOME_STATUSES: readonly AppealStatus[] = ['won', 'partly-won', 'lost'];
/** Statuses of an appeal that has left the office and awaits the payer. */
export const PENDING_STATUSES: readonly AppealStatus[] = ['sent', 'in-review'];

/** Days after sending when the biller should chase a payer that has not answered. */
export const DEFAULT_FOLLOW_UP_DAYS = 30;

export function isOutcome(status: AppealStatus): boolean {
  return OUTCOME_STATUSES.includes(status);
}

/** What the biller changes on an appeal; absent fields keep (or default) their value. */
export interface AppealChange {
  status?: AppealStatus;
  sentDate?: string;
  channel?: AppealChannel;
  followUpDate?: string;
  /** For won and partly won: what the payer paid on appeal. Won defaults to the disputed amount. */
  recoveredCents?: number;
  outcomeDate?: string;
}

export type AppealChangeResult = { ok: true; appeal: AppealRecord } | { ok: false; error: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Applies a change to an appeal: pure, `today` and `now` supplied. Sending sets the date sent (default
 * today) and a follow-up date (default 30 days later); an outcome sets its date and the amount
 * recovered (won: the disputed amount unless given; partly won: must be given; lost: nothing);
 * going back to draft clears what sending and the outcome set. Refuses by name what cannot be true.
 */
export function applyAppealChange(
  appeal: AppealRecord,
  change: AppealChange,
  today: string,
  now: string,
): AppealChangeResult {
  for (const [name, date] of [
    ['date sent', change.sentDate],
    ['follow-up date', change.followUpDate],
    ['outcome date', change.outcomeDate],
  ] as const) {
    if (date !== undefined && !ISO_DATE.test(date)) {
      return { ok: false, error: `The ${name} "${date}" is not a date written YYYY-MM-DD.` };
    }
  }
  if (change.channel !== undefined && !APPEAL_CHANNELS.includes(change.channel)) {
    return { ok: false, error: `Unknown channel "${change.channel}": use ${APPEAL_CHANNELS.join(', ')}.` };
  }
  if (
    change.recoveredCents !== undefined &&
    !(Number.isSafeInteger(change.recoveredCents) && change.recoveredCents >= 0)
  ) {
    return { ok: false, error: 'The amount recovered must be a whole number of cents, zero or more.' };
  }
  const status = change.status ?? appeal.status;
  if (!APPEAL_STATUSES.includes(status)) return { ok: false, error: `Unknown appeal status "${status}".` };
  const next: AppealRecord = { ...appeal, status, updatedAt: now };
  if (change.channel) next.channel = change.channel;

  if (status === 'draft') {
    delete next.sentDate;
    delete next.followUpDate;
    delete next.recoveredCents;
    delete next.outcomeDate;
    return { ok: true, appeal: next };
  }
  const sentDate = change.sentDate ?? appeal.sentDate ?? today;
  next.sentDate = sentDate;
  const followUp =
    change.followUpDate ?? appeal.followUpDate ?? addCalendarDays(sentDate, DEFAULT_FOLLOW_UP_DAYS);
  if (followUp < sentDate) {
    return { ok: false, error: `The follow-up date ${followUp} is before the date sent ${sentDate}.` };
  }
  if (!isOutcome(status)) {
    next.followUpDate = followUp;
    delete next.recoveredCents;
    delete next.outcomeDate;
    return { ok: true, appeal: next };
  }
  // A decided appeal needs no follow-up: dropping it keeps it out of the reminders.
  delete next.followUpDate;
  const outcomeDate = change.outcomeDate ?? appeal.outcomeDate ?? today;
  if (outcomeDate < sentDate) {
    return { ok: false, error: `The outcome date ${outcomeDate} is before the date sent ${sentDate}.` };
  }
  next.outcomeDate = outcomeDate;
  if (status === 'lost') {
    next.recoveredCents = 0;
  } else if (status === 'won') {
    next.recoveredCents = change.recoveredCents ?? appeal.recoveredCents ?? appeal.disputedCents;
  } else {
    const recovered = change.recoveredCents ?? appeal.recoveredCents;
    if (recovered === undefined || recovered === 0) {
      return { ok: false, error: 'Enter the amount recovered for a partly won appeal.' };
    }
    next.recoveredCents = recovered;
  }
  return { ok: true, appeal: next };
}

/**
 * What a claim's appeals say about the claim: `appealed` while one awaits the payer, `resolved` once
 * every sent appeal is decided (undefined while there are only drafts: the worklist keeps its own
 * status), and the money recovered by the won and partly won ones.
 */
export function claimStateFromAppeals(appeals: readonly Pick<AppealRecord, 'status' | 'recoveredCents'>[]): {
  worklistStatus?: WorklistStatus;
  recoveredCents: number;
} {
  const recoveredCents = appeals
    .filter((a) => a.status === 'won' || a.status === 'partly-won')
    .reduce((sum, a) => sum + (a.recoveredCents ?? 0), 0);
  if (appeals.some((a) => PENDING_STATUSES.includes(a.status))) {
    return { worklistStatus: 'appealed', recoveredCents };
  }
  if (appeals.some((a) => isOutcome(a.status))) return { worklistStatus: 'resolved', recoveredCents };
  return { recoveredCents };
}

/** A claim's appeals, newest first. */
export async function appealsForClaim(db: OonDatabase, claimKey: string): Promise<AppealRecord[]> {
  const rows = await db.appeals.where('claimKey').equals(claimKey).toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Copies the appeals' verdict onto the claim record, inside the caller's transaction. */
async function syncClaim(db: OonDatabase, claimKey: string, now: string): Promise<void> {
  const state = claimStateFromAppeals(await db.appeals.where('claimKey').equals(claimKey).toArray());
  await db.claims
    .where('key')
    .equals(claimKey)
    .modify((r) => {
      if (state.worklistStatus && r.worklistStatus !== state.worklistStatus) {
        r.worklistStatus = state.worklistStatus;
        r.worklistStatusAt = now;
      }
      r.recoveredCents = state.recoveredCents;
    });
}

export interface NewAppeal {
  claimKey: string;
  templateId: string;
  disputedCents: number;
  channel?: AppealChannel;
}

/**
 * The appeal the biller is working on for this claim and letter: the one not yet decided, or a new
 * draft. Copying, filling, printing and "Mark sent" all call this, so one letter is one record.
 */
export async function createAppeal(
  db: OonDatabase,
  input: NewAppeal,
  now: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<AppealRecord> {
  return db.transaction('rw', db.appeals, async () => {
    const open = (await appealsForClaim(db, input.claimKey)).find(
      (a) => a.templateId === input.templateId && !isOutcome(a.status),
    );
    if (open) {
      if (input.channel && !open.channel) {
        const withChannel = { ...open, channel: input.channel, updatedAt: now };
        await db.appeals.put(withChannel);
        return withChannel;
      }
      return open;
    }
    const appeal: AppealRecord = {
      id: newId(),
      claimKey: input.claimKey,
      templateId: input.templateId,
      status: 'draft',
      disputedCents: Math.max(0, Math.round(input.disputedCents)),
      ...(input.channel ? { channel: input.channel } : {}),
      createdAt: now,
      updatedAt: now,
    };
    await db.appeals.add(appeal);
    return appeal;
  });
}

/**
 * Records a change on an appeal and carries it to the claim: its worklist status (appealed when
 * sent, resolved on an outcome) and the sum recovered. One transaction.
 */
export async function updateAppeal(
  db: OonDatabase,
  id: string,
  change: AppealChange,
  today: string,
  now: string,
): Promise<AppealChangeResult> {
  return db.transaction('rw', db.appeals, db.claims, async () => {
    const appeal = await db.appeals.get(id);
    if (!appeal) return { ok: false, error: 'That appeal is no longer stored.' };
    const r = applyAppealChange(appeal, change, today, now);
    if (!r.ok) return r;
    await db.appeals.put(r.appeal);
    await syncClaim(db, appeal.claimKey, now);
    return r;
  });
}

/** "$1,234.50", "1234.5" or "1234" → cents; undefined for anything else. */
export function parseDollars(text: string): number | undefined {
  const t = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/**
 * What "Fill appeal form" sends to the portal page for a claim and its letter (the side panel and the
 * popup send the same): claim number, account, the letter as the message, the shortfall, and the
 * words to pick the portal's reason with.
 */
export function fillValues(
  claim: Pick<Claim, 'claimNumber' | 'patientAccount'>,
  score: Pick<ClaimScore, 'totals'>,
  draft: Pick<AppealDraft, 'templateId' | 'letter'>,
  body: string,
): {
  claimNumber: string;
  patientAccount?: string;
  message: string;
  amount?: string;
  reasonKeywords: string[];
} {
  const shortfall = score.totals.shortfallCents;
  return {
    claimNumber: claim.claimNumber,
    ...(claim.patientAccount ? { patientAccount: claim.patientAccount } : {}),
    message: appealText(draft.letter, body),
    ...(shortfall > 0 ? { amount: (shortfall / 100).toFixed(2) } : {}),
    reasonKeywords: REASON_KEYWORDS[draft.templateId],
  };
}
