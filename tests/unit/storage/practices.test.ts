import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../../rules/model';
import { type OonDatabase, openDatabase } from '../../../storage/db';
import { practiceForClaim, savePractices, setCurrentPracticeId } from '../../../storage/practices';
import { saveActiveSchedule } from '../../../storage/schedules';
import { loadScorer } from '../../../storage/scoring';
import { setPolicies } from '../../../storage/settings';

const practices = [
  { id: 'north', name: 'North Ortho', npi: '1111111111', tin: '111111111' },
  { id: 'south', name: 'South Imaging', npi: '2222222222', tin: '222222222' },
];

function claim(extra: Partial<Claim> = {}): Claim {
  return {
    claimNumber: 'P-1',
    payerName: 'ACME',
    status: 'paid',
    billedCents: 30000,
    paidCents: 10000,
    adjustments: [],
    remarks: [],
    lines: [
      {
        lineNumber: 1,
        code: '99214',
        modifiers: [],
        units: 1,
        billedCents: 30000,
        paidCents: 10000,
        allowedCents: 10000,
        adjustments: [],
        remarks: [],
      },
    ],
    ...extra,
  };
}

describe('practiceForClaim', () => {
  it.each([
    ['payee NPI', { providerNpi: '2222222222' }, 'south'],
    ['payee TIN when the NPI is unknown', { providerNpi: '9999999999', providerTin: '111111111' }, 'north'],
    ['the current practice when neither matches', { providerTin: '999999999' }, 'current'],
    ['the current practice when the claim names no payee', {}, 'current'],
  ])('chooses by %s', (_what, extra, want) => {
    expect(practiceForClaim(practices, claim(extra), 'current')).toBe(want);
  });
});

describe('loadScorer prices each claim with its own practice', () => {
  let db: OonDatabase;
  let n = 0;
  beforeEach(async () => {
    db = openDatabase(`practices-${++n}`);
    await savePractices(db, practices);
    const schedule = (practiceId: string, cents: number) => ({
      id: `s-${practiceId || 'default'}`,
      name: `Fees ${practiceId || 'default'}`,
      practiceId,
      rows: [{ code: '99214', modifier: '', amountCents: cents }],
      importedAt: 'x',
    });
    await saveActiveSchedule(db, schedule('', 15000));
    await saveActiveSchedule(db, schedule('north', 21000));
    await setPolicies(
      db,
      { default: { methods: [{ method: 'percent-of-billed', percent: 50 }] }, payers: [] },
      'south',
    );
  });
  afterEach(() => db.delete());

  it('uses the schedule of the practice whose NPI is on the claim', async () => {
    const score = await loadScorer(db, '2026-11-27');
    expect(score(claim({ providerNpi: '1111111111' })).lines[0]?.expectedCents).toBe(21000);
    expect(score(claim()).lines[0]?.expectedCents).toBe(15000);
  });

  it("uses the practice's own policies, and the default schedules when it has none", async () => {
    const score = await loadScorer(db, '2026-11-27');
    const s = score(claim({ providerTin: '222222222' }));
    expect(s.lines[0]?.expectedCents).toBe(15000);
    expect(s.lines[0]?.expectedBasis).toContain('50% of billed');
  });

  it('prices claims no NPI or TIN places with the current practice', async () => {
    await setCurrentPracticeId(db, 'north');
    const score = await loadScorer(db, '2026-11-27');
    expect(score(claim()).lines[0]?.expectedCents).toBe(21000);
  });
});

describe('the biller can move a claim to another practice', () => {
  it('prices a claim with the practice named in its notes, whatever its NPI says', async () => {
    const db = openDatabase('practices-override');
    await savePractices(db, practices);
    await saveActiveSchedule(db, {
      id: 'a',
      name: 'A',
      practiceId: '',
      rows: [{ code: '99214', modifier: '', amountCents: 15000 }],
      importedAt: 'x',
    });
    await saveActiveSchedule(db, {
      id: 'b',
      name: 'B',
      practiceId: 'north',
      rows: [{ code: '99214', modifier: '', amountCents: 21000 }],
      importedAt: 'x',
    });
    const score = await loadScorer(db, '2026-11-27');
    expect(score(claim({ providerNpi: '2222222222' }), { practiceId: 'north' }).lines[0]?.expectedCents).toBe(
      21000,
    );
    expect(score(claim({ providerNpi: '1111111111' }), { practiceId: '' }).lines[0]?.expectedCents).toBe(
      15000,
    );
    await db.delete();
  });
});
