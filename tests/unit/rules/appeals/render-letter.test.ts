import { describe, expect, it } from 'vitest';
import { renderLetter } from '../../../../rules/appeals/index';
import { PROFILE_FIELD_LABEL } from '../../../../rules/appeals/profile';
import type { TemplateId } from '../../../../rules/appeals/types';
import { AS_OF, nsaEmergency, PROFILE, type Scenario, underpaidErisa } from './claims';
import { draft, SCENARIO_FOR } from './letters';

/** The templates that are appeals of an adverse benefit determination (all but the statutory NSA notice). */
const APPEALS: TemplateId[] = [
  'authorization',
  'bundling-modifier',
  'medical-necessity',
  'nsa-patient-balance-correction',
  'oon-underpayment',
  'timely-filing',
];

function withPlan(s: Scenario, change: Partial<Scenario['claim']>): Scenario {
  return { claim: { ...s.claim, ...change }, score: s.score };
}

describe('ERISA plans (domain.md 3)', () => {
  it.each(APPEALS)(
    '%s for an ERISA plan carries the 180-day appeal right and asks for the pricing methodology',
    (id) => {
      const letter = draft(id, withPlan(SCENARIO_FOR[id](), { planType: 'erisa' }));
      expect(letter.body).toContain('This plan is an employee welfare benefit plan governed by ERISA.');
      expect(letter.body).toContain('within the 180 days');
      expect(letter.body).toContain('29 CFR 2560.503-1(h)(3)(i)');
      expect(letter.body).toContain('the pricing methodology used to determine the allowed amount');
      expect(letter.body).toContain('repricing vendor report');
      expect(letter.citations).toEqual(
        expect.arrayContaining(['29 CFR 2560.503-1(h)(3)(i)', '29 CFR 2560.503-1(m)(8)']),
      );
    },
  );

  it('words the ERISA paragraph conditionally for a commercial plan of unknown type', () => {
    const letter = draft('oon-underpayment', withPlan(underpaidErisa(), { planType: 'unknown' }));
    expect(letter.body).toContain(
      'To the extent this plan is an employee welfare benefit plan governed by ERISA',
    );
    expect(letter.body).toContain('29 CFR 2560.503-1(h)(3)(i)');
  });

  it.each([
    ['a plan marked non-ERISA', { planType: 'non-erisa' as const }],
    ['a Medicare Advantage claim (filing indicator MB)', { planType: undefined, claimFilingIndicator: 'MB' }],
    ['a remittance with RARC N856', { planType: undefined, remarks: ['N856'] }],
  ])('leaves ERISA out for %s', (_case, change) => {
    const letter = draft('oon-underpayment', withPlan(underpaidErisa(), change));
    expect(letter.body).not.toContain('ERISA');
    expect(letter.citations).not.toContain('29 CFR 2560.503-1(h)(3)(i)');
  });

  it('keeps the appeal right in the plan documents request without calling it an appeal', () => {
    const letter = draft('plan-documents-request', underpaidErisa());
    expect(letter.body).toContain('within 180 days after receiving it (29 CFR 2560.503-1(h)(3)(i))');
    expect(letter.body).toContain('ERISA section 104(b)(4)');
    expect(letter.body).toContain(
      'The pricing methodology used to determine the allowed amount for each line',
    );
  });
});

describe('NSA open negotiation notice (domain.md 2.3)', () => {
  it('carries the open negotiation deadline from the score', () => {
    const letter = draft('nsa-open-negotiation', nsaEmergency());
    expect(letter.body).toContain('Open negotiation notice due by: December 15, 2026');
    expect(letter.body).toContain('that period ends on December 15, 2026');
  });

  it('marks the deadline missing when the score has none', () => {
    const s = nsaEmergency();
    const letter = draft('nsa-open-negotiation', { claim: s.claim, score: { ...s.score, deadlines: {} } });
    expect(letter.body).toContain('[MISSING: open negotiation deadline]');
    expect(letter.missing).toContain('open negotiation deadline');
  });

  it('does not claim to be timely when sent after the deadline', () => {
    const letter = draft('nsa-open-negotiation', nsaEmergency(), { noticeSentDate: '2026-12-16' });
    expect(letter.body).not.toContain('This notice is sent within the 30 business days');
    expect(letter.body).toContain('Date notice sent:               December 16, 2026');
  });

  it.each([
    'Description of item or service:',
    'Claim number: TESTCLM0001',
    'Name of provider or facility and NPI: TESTDOCTOR, BETA MD (NPI 1000000004)',
    'Date item or service was provided: October 14, 2026',
    'Service code: 99285-25',
    'Initial payment amount: $312.33',
    'Offer for total out-of-network rate (including any cost sharing): $960.41',
    'Contact for this notice: TESTBILLER, GAMMA, billing@example.test, (555) 010-0100',
    'lasts 30 business days',
    '4 business days beginning on the 31st business day',
  ])('has the standard notice field "%s"', (text) => {
    expect(draft('nsa-open-negotiation', nsaEmergency()).body).toContain(text);
  });

  it('states the offer it is given, split across lines to the cent', () => {
    const s = nsaEmergency();
    const first = s.claim.lines[0];
    if (!first) throw new Error('scenario has no line 1');
    const second = {
      ...first,
      lineNumber: 2,
      code: '12002',
      modifiers: [],
      billedCents: 40000,
      paidCents: 10000,
    };
    const claim = { ...s.claim, lines: [first, second] };
    const score = {
      ...s.score,
      lines: [
        ...s.score.lines,
        {
          ...(s.score.lines[0] as (typeof s.score.lines)[number]),
          lineNumber: 2,
          expectedCents: 30000,
          allowedCents: 10000,
        },
      ],
    };
    const letter = draft('nsa-open-negotiation', { claim, score }, { offerCents: 100001 });
    expect(letter.body).toContain('Total offer for the items and services above: $1,000.01');
    const offers = [...letter.body.matchAll(/including any cost sharing\): \$([\d,]+\.\d\d)/g)].map((m) =>
      Math.round(Number((m[1] ?? '').replace(/,/g, '')) * 100),
    );
    expect(offers).toHaveLength(2);
    expect(offers.reduce((a, b) => a + b, 0)).toBe(100001);
  });

  it('prints the IDR window only when the caller counted it from the notice date', () => {
    expect(draft('nsa-open-negotiation', nsaEmergency()).body).not.toContain(
      'For this notice, that window runs',
    );
    const letter = draft('nsa-open-negotiation', nsaEmergency(), {
      idrInitiation: { from: '2027-01-12', by: '2027-01-15' },
    });
    expect(letter.body).toContain(
      'For this notice, that window runs from January 12, 2027 through January 15, 2027.',
    );
  });

  it('states the offer without Medicare or billed-charge reasoning (IDR may not weigh them, domain.md 2.4)', () => {
    const body = draft('nsa-open-negotiation', nsaEmergency()).body;
    expect(body).not.toMatch(/medicare|usual and customary|fee schedule/i);
  });
});

describe('missing profile and claim fields', () => {
  it.each(Object.entries(PROFILE_FIELD_LABEL))('calls out a missing %s as [MISSING: %s]', (field, label) => {
    const profile = { ...PROFILE, [field]: undefined };
    const letter = draft('oon-underpayment', underpaidErisa(), { profile });
    expect(letter.body).toContain(`[MISSING: ${label}]`);
    expect(letter.missing).toEqual([label]);
  });

  it('calls out missing patient, member, service date, remittance date and payer address', () => {
    const s = underpaidErisa();
    const claim = {
      ...s.claim,
      patientName: undefined,
      memberId: undefined,
      serviceDateFrom: undefined,
      paidDate: undefined,
      lines: s.claim.lines.map((l) => ({ ...l, serviceDate: undefined })),
    };
    const letter = draft('oon-underpayment', { claim, score: s.score }, { payerAddress: undefined });
    expect(letter.missing).toEqual(
      expect.arrayContaining([
        'patient name',
        'member ID',
        'date of service',
        'remittance date',
        'payer mailing address',
      ]),
    );
    for (const m of letter.missing) expect(letter.body).toContain(`[MISSING: ${m}]`);
  });

  it('lists an empty profile field by field, and the letter still renders', () => {
    const letter = draft('medical-necessity', SCENARIO_FOR['medical-necessity'](), { profile: {} });
    expect(letter.missing).toEqual(expect.arrayContaining(Object.values(PROFILE_FIELD_LABEL)));
    expect(letter.body).not.toMatch(/\bundefined\b|\bnull\b|NaN/);
  });
});

describe('renderLetter refuses bad input by name', () => {
  const s = underpaidErisa();
  const input = { claim: s.claim, score: s.score, profile: PROFILE, asOf: AS_OF };

  it.each([
    ['an unknown template', 'appeal-everything', {}, 'unknown-template', /use one of authorization/],
    ['a line the claim lacks', 'oon-underpayment', { lineNumbers: [1, 7] }, 'unknown-lines', /no line 7/],
    ['an asOf not written YYYY-MM-DD', 'oon-underpayment', { asOf: '11/27/2026' }, 'invalid-date', /asOf/],
    [
      'a notice date that is not a date',
      'nsa-open-negotiation',
      { noticeSentDate: '2026-02-30' },
      'invalid-date',
      /noticeSentDate/,
    ],
    [
      'an offer in fractional cents',
      'nsa-open-negotiation',
      { offerCents: 100.5 },
      'invalid-offer',
      /whole cents/,
    ],
  ])('%s', (_case, id, change, reason, message) => {
    const result = renderLetter(id, { ...input, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(message);
    }
  });

  it('limits a letter to the lines asked for', () => {
    const letter = draft('oon-underpayment', s, { lineNumbers: [2] });
    expect(letter.body).toContain('20610');
    expect(letter.body).not.toContain('99214');
  });
});
