import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../../../rules/appeals/types';
import { addCalendarDays } from '../../../../rules/deadlines/index';
import type { Claim, ClaimLine, ClaimScore } from '../../../../rules/model';
import { type Scenario, scoreOf } from './claims';
import { draft, SCENARIO_FOR } from './letters';

/**
 * Every amount, date and code in a letter comes from the claim and its score (issue "Appeals" item 3):
 * transform all of them and no amount, date or procedure code of the first letter survives.
 */

const MONEY = /-?\$[\d,]+\.\d{2}/g;
const DATE =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/g;

function found(text: string, pattern: RegExp): Set<string> {
  return new Set(text.match(pattern) ?? []);
}

const scaleLine = (l: ClaimLine, k: number): ClaimLine => ({
  ...l,
  billedCents: l.billedCents * k,
  paidCents: l.paidCents * k,
  allowedCents: l.allowedCents === undefined ? undefined : l.allowedCents * k,
  adjustments: l.adjustments.map((a) => ({ ...a, amountCents: a.amountCents * k })),
});

function scaled(s: Scenario, k: number): Scenario {
  const claim: Claim = {
    ...s.claim,
    billedCents: s.claim.billedCents * k,
    paidCents: s.claim.paidCents * k,
    lines: s.claim.lines.map((l) => scaleLine(l, k)),
  };
  const pricing = Object.fromEntries(
    s.score.lines
      .filter((l) => l.expectedCents !== null)
      .map((l) => [
        l.lineNumber,
        { expectedCents: (l.expectedCents ?? 0) * k, basis: l.expectedBasis ?? '' },
      ]),
  );
  return { claim, score: scoreOf(claim, { pricing, nsa: s.score.nsa, deadlines: s.score.deadlines }) };
}

const shift = (d: string | undefined, days: number) =>
  d === undefined ? undefined : addCalendarDays(d, days);

function shifted(s: Scenario, days: number): Scenario {
  const claim: Claim = {
    ...s.claim,
    serviceDateFrom: shift(s.claim.serviceDateFrom, days),
    serviceDateTo: shift(s.claim.serviceDateTo, days),
    receivedDate: shift(s.claim.receivedDate, days),
    paidDate: shift(s.claim.paidDate, days),
    lines: s.claim.lines.map((l) => ({
      ...l,
      serviceDate: shift(l.serviceDate, days),
      serviceDateTo: shift(l.serviceDateTo, days),
    })),
  };
  const deadlines: ClaimScore['deadlines'] = Object.fromEntries(
    Object.entries(s.score.deadlines).map(([k, v]) => [k, k.endsWith('Basis') ? v : shift(v, days)]),
  );
  return { claim, score: { ...s.score, deadlines } };
}

function recoded(s: Scenario): Scenario {
  const claim: Claim = {
    ...s.claim,
    claimNumber: 'TESTCLM0999',
    lines: s.claim.lines.map((l) => ({
      ...l,
      code: `${l.code.slice(0, 4)}${(Number(l.code.slice(4)) + 1) % 10}`,
    })),
  };
  return { claim, score: s.score };
}

describe.each(TEMPLATE_IDS)('%s', (id) => {
  const base = SCENARIO_FOR[id]();
  const before = draft(id, base).body;

  it('changes every amount when the claim and score amounts change', () => {
    const after = draft(id, scaled(base, 3)).body;
    const kept = [...found(before, MONEY)].filter((m) => m !== '$0.00' && found(after, MONEY).has(m));
    expect(kept, 'amounts that did not follow the claim: are they hard-coded?').toEqual([]);
    expect(found(after, MONEY).size).toBeGreaterThan(0);
  });

  it('changes every date when the claim dates, deadlines and letter date change', () => {
    const after = draft(id, shifted(base, 400), { asOf: '2027-12-31' }).body;
    const kept = [...found(before, DATE)].filter((d) => found(after, DATE).has(d));
    expect(kept, 'dates that did not follow the claim: are they hard-coded?').toEqual([]);
  });

  it('prints the procedure codes and claim number of the claim it is given', () => {
    const s = recoded(base);
    const after = draft(id, s).body;
    expect(after).toContain('TESTCLM0999');
    expect(after).not.toContain('TESTCLM0001');
    for (const l of base.claim.lines) {
      const mentioned = before.includes(l.code);
      if (mentioned) expect(after).not.toMatch(new RegExp(`\\b${l.code}\\b`));
    }
  });
});

describe('one amount changed in the claim', () => {
  it('moves the underpayment letter from the old amount to the new one', () => {
    const base = SCENARIO_FOR['oon-underpayment']();
    const first = base.claim.lines[0];
    if (!first) throw new Error('scenario has no line 1');
    const changed: Claim = {
      ...base.claim,
      lines: [{ ...first, allowedCents: 11111 }, ...base.claim.lines.slice(1)],
    };
    const pricing = {
      1: { expectedCents: 26087, basis: '200% of 2026 Medicare, locality 01182-18, non-facility' },
    };
    const letter = draft('oon-underpayment', { claim: changed, score: scoreOf(changed, { pricing }) });
    expect(letter.body).toContain('$111.11');
    expect(letter.body).toContain('$149.76');
    expect(letter.body).not.toContain('$120.43');
    expect(letter.body).not.toContain('$140.44');
  });

  it('moves the NSA notice to a new open negotiation deadline from the score', () => {
    const base = SCENARIO_FOR['nsa-open-negotiation']();
    const score = {
      ...base.score,
      deadlines: { ...base.score.deadlines, openNegotiationNoticeBy: '2026-12-18' },
    };
    const letter = draft('nsa-open-negotiation', { claim: base.claim, score });
    expect(letter.body).toContain('December 18, 2026');
    expect(letter.body).not.toContain('December 15, 2026');
  });
});
