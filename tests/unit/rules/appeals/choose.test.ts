import { describe, expect, it } from 'vitest';
import { chooseTemplates } from '../../../../rules/appeals/index';
import type { TemplateId } from '../../../../rules/appeals/types';
import {
  bundled,
  claim,
  deniedAuthorization,
  deniedMedicalNecessity,
  line,
  nsaEmergency,
  type Scenario,
  scoreOf,
  timelyFilingDenied,
  underpaidErisa,
} from './claims';

function paidInFull(): Scenario {
  const c = claim({
    lines: [
      line({ lineNumber: 1, code: '99213', billedCents: 15000, allowedCents: 15000, paidCents: 15000 }),
    ],
  });
  return {
    claim: c,
    score: scoreOf(c, { pricing: { 1: { expectedCents: 14000, basis: 'practice fee schedule' } } }),
  };
}

function underpaidMedicare(): Scenario {
  const s = underpaidErisa();
  const c = {
    ...s.claim,
    planType: undefined,
    payerName: 'TESTSTATE MEDICARE ADVANTAGE',
    claimFilingIndicator: 'MB',
  };
  return { claim: c, score: s.score };
}

function nsaDenied(): Scenario {
  const s = deniedAuthorization();
  const c = { ...s.claim, remarks: ['N864', 'N876'] };
  return {
    claim: c,
    score: scoreOf(c, { pricing: { 1: { expectedCents: 61240, basis: 'practice fee schedule' } } }),
  };
}

describe('chooseTemplates', () => {
  it.each<[string, () => Scenario, TemplateId[]]>([
    ['an underpaid ERISA claim', underpaidErisa, ['oon-underpayment', 'plan-documents-request']],
    ['an underpaid Medicare Advantage claim (not ERISA)', underpaidMedicare, ['oon-underpayment']],
    ['a claim denied for authorization', deniedAuthorization, ['authorization']],
    [
      'a claim denied for medical necessity',
      deniedMedicalNecessity,
      ['medical-necessity', 'plan-documents-request'],
    ],
    ['a bundled line', bundled, ['bundling-modifier']],
    ['a claim denied for timely filing', timelyFilingDenied, ['timely-filing']],
    [
      'an NSA emergency claim paid low with PR-45',
      nsaEmergency,
      ['nsa-open-negotiation', 'nsa-patient-balance-correction', 'plan-documents-request'],
    ],
    ['an NSA emergency claim denied for authorization', nsaDenied, ['nsa-open-negotiation', 'authorization']],
    ['a claim paid as expected', paidInFull, []],
  ])('for %s', (_case, make, expected) => {
    const s = make();
    expect(chooseTemplates(s.claim, s.score)).toEqual(expected);
  });

  it('never offers a plan reconsideration of the amount on an NSA claim (domain.md 8.3 item 4)', () => {
    const s = nsaEmergency();
    expect(chooseTemplates(s.claim, s.score)).not.toContain('oon-underpayment');
  });

  it('ranks the larger of two denials first', () => {
    const c = claim({
      status: 'denied',
      lines: [
        line({
          lineNumber: 1,
          code: '97140',
          billedCents: 9000,
          allowedCents: 0,
          adjustments: [{ group: 'CO', reason: '97', amountCents: 9000 }],
        }),
        line({
          lineNumber: 2,
          code: '72148',
          billedCents: 150000,
          allowedCents: 0,
          adjustments: [{ group: 'CO', reason: '197', amountCents: 150000 }],
        }),
      ],
      planType: 'non-erisa',
    });
    expect(chooseTemplates(c, scoreOf(c))).toEqual(['authorization', 'bundling-modifier']);
  });
});
