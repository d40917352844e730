import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppealChange,
  appealsForClaim,
  applyAppealChange,
  claimStateFromAppeals,
  createAppeal,
  parseDollars,
  updateAppeal,
} from '../../../storage/appeals';
import { type AppealRecord, type ClaimRecord, type OonDatabase, openDatabase } from '../../../storage/db';

const TODAY = '2026-11-27';
const NOW = '2026-11-27T10:00:00.000Z';

function appeal(over: Partial<AppealRecord> = {}): AppealRecord {
  return {
    id: 'a1',
    claimKey: 'A26110400017',
    templateId: 'oon-underpayment',
    status: 'draft',
    disputedCents: 18_240,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...over,
  };
}

function claimRecord(key: string, over: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    key,
    claim: {
      claimNumber: key,
      payerName: 'TEST PAYER',
      status: 'paid',
      billedCents: 50_000,
      paidCents: 20_000,
      adjustments: [],
      remarks: [],
      lines: [],
    } as unknown as ClaimRecord['claim'],
    sources: [],
    score: null,
    payerName: 'TEST PAYER',
    status: 'paid',
    priority: 182.4,
    flagKinds: ['underpaid'],
    shortfallCents: 18_240,
    paidDate: '2026-11-04',
    updatedAt: NOW,
    worklistStatus: 'open',
    ...over,
  };
}

describe('applyAppealChange: tracking transitions', () => {
  it.each<[string, Partial<AppealRecord>, AppealChange, Partial<AppealRecord>]>([
    [
      'sending defaults the date sent to today and the follow-up to 30 days later',
      {},
      { status: 'sent', channel: 'portal' },
      { status: 'sent', sentDate: TODAY, channel: 'portal', followUpDate: '2026-12-27' },
    ],
    [
      'sending keeps the dates the biller gives',
      {},
      { status: 'sent', sentDate: '2026-11-25', followUpDate: '2026-12-10', channel: 'fax' },
      { status: 'sent', sentDate: '2026-11-25', followUpDate: '2026-12-10', channel: 'fax' },
    ],
    [
      'in review keeps the date sent and the follow-up',
      { status: 'sent', sentDate: '2026-11-25', followUpDate: '2026-12-25' },
      { status: 'in-review' },
      { status: 'in-review', sentDate: '2026-11-25', followUpDate: '2026-12-25' },
    ],
    [
      'won records the disputed amount unless told otherwise, and drops the follow-up',
      { status: 'sent', sentDate: '2026-11-25', followUpDate: '2026-12-25' },
      { status: 'won' },
      { status: 'won', recoveredCents: 18_240, outcomeDate: TODAY, followUpDate: undefined },
    ],
    [
      'partly won records the amount given',
      { status: 'in-review', sentDate: '2026-11-01' },
      { status: 'partly-won', recoveredCents: 9_000, outcomeDate: '2026-11-26' },
      { status: 'partly-won', recoveredCents: 9_000, outcomeDate: '2026-11-26' },
    ],
    [
      'lost records nothing recovered',
      { status: 'sent', sentDate: '2026-11-01', recoveredCents: 500 },
      { status: 'lost' },
      { status: 'lost', recoveredCents: 0, outcomeDate: TODAY },
    ],
    [
      'back to draft clears what sending and the outcome set',
      { status: 'won', sentDate: '2026-11-01', recoveredCents: 18_240, outcomeDate: '2026-11-20' },
      { status: 'draft' },
      { status: 'draft', sentDate: undefined, recoveredCents: undefined, outcomeDate: undefined },
    ],
    [
      'an outcome recorded without sending first counts as sent today',
      {},
      { status: 'won', recoveredCents: 10_000 },
      { status: 'won', sentDate: TODAY, outcomeDate: TODAY, recoveredCents: 10_000 },
    ],
  ])('%s', (_name, before, change, expected) => {
    const r = applyAppealChange(appeal(before), change, TODAY, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const [k, v] of Object.entries(expected)) expect(r.appeal[k as keyof AppealRecord], k).toEqual(v);
    expect(r.appeal.updatedAt).toBe(NOW);
  });

  it.each<[string, Partial<AppealRecord>, AppealChange, RegExp]>([
    ['partly won without an amount', { status: 'sent', sentDate: TODAY }, { status: 'partly-won' }, /amount/],
    [
      'a follow-up before the date sent',
      {},
      { status: 'sent', sentDate: '2026-11-20', followUpDate: '2026-11-10' },
      /before the date sent/,
    ],
    [
      'an outcome before the date sent',
      { status: 'sent', sentDate: '2026-11-20' },
      { status: 'won', outcomeDate: '2026-11-01' },
      /before the date sent/,
    ],
    ['a date not written YYYY-MM-DD', {}, { status: 'sent', sentDate: '11/27/2026' }, /YYYY-MM-DD/],
    ['negative cents', { status: 'sent', sentDate: TODAY }, { status: 'won', recoveredCents: -1 }, /cents/],
    [
      'fractional cents',
      { status: 'sent', sentDate: TODAY },
      { status: 'won', recoveredCents: 1.5 },
      /cents/,
    ],
    ['an unknown status', {}, { status: 'appealed' as never }, /Unknown appeal status/],
    ['an unknown channel', {}, { status: 'sent', channel: 'pigeon' as never }, /Unknown channel/],
  ])('refuses %s', (_name, before, change, error) => {
    const r = applyAppealChange(appeal(before), change, TODAY, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('claimStateFromAppeals: the claim follows its appeals', () => {
  it.each<
    [string, Pick<AppealRecord, 'status' | 'recoveredCents'>[], ReturnType<typeof claimStateFromAppeals>]
  >([
    ['no appeals: nothing to change', [], { recoveredCents: 0 }],
    ['only a draft: the worklist keeps its own status', [{ status: 'draft' }], { recoveredCents: 0 }],
    ['sent: appealed', [{ status: 'sent' }], { worklistStatus: 'appealed', recoveredCents: 0 }],
    ['in review: appealed', [{ status: 'in-review' }], { worklistStatus: 'appealed', recoveredCents: 0 }],
    [
      'won: resolved with the amount',
      [{ status: 'won', recoveredCents: 18_240 }],
      { worklistStatus: 'resolved', recoveredCents: 18_240 },
    ],
    [
      'lost: resolved, nothing recovered',
      [{ status: 'lost', recoveredCents: 0 }],
      { worklistStatus: 'resolved', recoveredCents: 0 },
    ],
    [
      'won and partly won add up',
      [
        { status: 'won', recoveredCents: 10_000 },
        { status: 'partly-won', recoveredCents: 2_500 },
        { status: 'lost', recoveredCents: 0 },
      ],
      { worklistStatus: 'resolved', recoveredCents: 12_500 },
    ],
    [
      'one decided and one still pending: appealed, recovered so far',
      [{ status: 'partly-won', recoveredCents: 4_000 }, { status: 'sent' }],
      { worklistStatus: 'appealed', recoveredCents: 4_000 },
    ],
    ['a draft never counts money', [{ status: 'draft', recoveredCents: 999 }], { recoveredCents: 0 }],
  ])('%s', (_name, appeals, expected) => {
    expect(claimStateFromAppeals(appeals)).toEqual(expected);
  });
});

describe('parseDollars', () => {
  it.each<[string, number | undefined]>([
    ['182.40', 18_240],
    ['$1,234.5', 123_450],
    [' 90 ', 9_000],
    ['0.07', 7],
    ['12.345', undefined],
    ['-5', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('%j → %j', (text, cents) => expect(parseDollars(text)).toBe(cents));
});

describe('stored appeals', () => {
  let db: OonDatabase;
  let n = 0;
  let ids = 0;
  const newId = () => `appeal-${++ids}`;
  beforeEach(async () => {
    db = openDatabase(`appeals-test-${++n}`);
    await db.claims.bulkPut([claimRecord('A26110400017'), claimRecord('A26110400018')]);
  });
  afterEach(() => db.delete());

  it('copy, fill and print of one letter track one appeal; another letter starts another', async () => {
    const input = { claimKey: 'A26110400017', templateId: 'oon-underpayment', disputedCents: 18_240 };
    const first = await createAppeal(db, input, NOW, newId);
    const again = await createAppeal(db, { ...input, channel: 'portal' }, NOW, newId);
    expect(again.id).toBe(first.id);
    expect(again.channel).toBe('portal');
    const other = await createAppeal(db, { ...input, templateId: 'plan-documents-request' }, NOW, newId);
    expect(other.id).not.toBe(first.id);
    expect((await appealsForClaim(db, 'A26110400017')).map((a) => a.id).sort()).toEqual(
      [first.id, other.id].sort(),
    );
    expect(await appealsForClaim(db, 'A26110400018')).toEqual([]);
  });

  it('a decided appeal is not reused: the next copy starts a new draft', async () => {
    const input = { claimKey: 'A26110400017', templateId: 'oon-underpayment', disputedCents: 18_240 };
    const first = await createAppeal(db, input, NOW, newId);
    await updateAppeal(db, first.id, { status: 'lost' }, TODAY, NOW);
    const next = await createAppeal(db, input, NOW, newId);
    expect(next.id).not.toBe(first.id);
    expect(next.status).toBe('draft');
  });

  it('sent marks the claim appealed; won records the recovery on the claim and resolves it', async () => {
    const a = await createAppeal(
      db,
      { claimKey: 'A26110400017', templateId: 'oon-underpayment', disputedCents: 18_240 },
      NOW,
      newId,
    );
    const sent = await updateAppeal(db, a.id, { status: 'sent', channel: 'portal' }, TODAY, NOW);
    expect(sent.ok).toBe(true);
    let claim = await db.claims.get('A26110400017');
    expect(claim?.worklistStatus).toBe('appealed');
    expect(claim?.worklistStatusAt).toBe(NOW);
    expect(claim?.recoveredCents).toBe(0);

    const later = '2026-12-15T10:00:00.000Z';
    const won = await updateAppeal(db, a.id, { status: 'won', recoveredCents: 15_000 }, '2026-12-15', later);
    expect(won.ok).toBe(true);
    claim = await db.claims.get('A26110400017');
    expect(claim?.worklistStatus).toBe('resolved');
    expect(claim?.recoveredCents).toBe(15_000);
    // The other claim is untouched.
    expect((await db.claims.get('A26110400018'))?.worklistStatus).toBe('open');
  });

  it('recovered sums every won and partly won appeal of the claim', async () => {
    const base = { claimKey: 'A26110400017', disputedCents: 18_240 };
    const a = await createAppeal(db, { ...base, templateId: 'oon-underpayment' }, NOW, newId);
    const b = await createAppeal(db, { ...base, templateId: 'nsa-open-negotiation' }, NOW, newId);
    await updateAppeal(db, a.id, { status: 'won', recoveredCents: 10_000 }, TODAY, NOW);
    await updateAppeal(db, b.id, { status: 'partly-won', recoveredCents: 3_000 }, TODAY, NOW);
    expect((await db.claims.get('A26110400017'))?.recoveredCents).toBe(13_000);
    // Correcting an outcome corrects the sum.
    await updateAppeal(db, b.id, { status: 'lost' }, TODAY, NOW);
    expect((await db.claims.get('A26110400017'))?.recoveredCents).toBe(10_000);
  });

  it('a refused change stores nothing', async () => {
    const a = await createAppeal(
      db,
      { claimKey: 'A26110400017', templateId: 'oon-underpayment', disputedCents: 18_240 },
      NOW,
      newId,
    );
    const r = await updateAppeal(db, a.id, { status: 'partly-won' }, TODAY, NOW);
    expect(r.ok).toBe(false);
    expect((await db.appeals.get(a.id))?.status).toBe('draft');
    expect((await db.claims.get('A26110400017'))?.worklistStatus).toBe('open');
    expect(await updateAppeal(db, 'nope', { status: 'sent' }, TODAY, NOW)).toEqual({
      ok: false,
      error: 'That appeal is no longer stored.',
    });
  });
});
