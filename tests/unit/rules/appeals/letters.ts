import { expect } from 'vitest';
import { renderLetter } from '../../../../rules/appeals/index';
import type { Letter, RenderInput, TemplateId } from '../../../../rules/appeals/types';
import {
  AS_OF,
  bundled,
  deniedAuthorization,
  deniedMedicalNecessity,
  nsaEmergency,
  PAYER_ADDRESS,
  PROFILE,
  type Scenario,
  timelyFilingDenied,
  underpaidErisa,
} from './claims';

/** The claim each template is drafted for in the render tests. */
export const SCENARIO_FOR: Record<TemplateId, () => Scenario> = {
  authorization: deniedAuthorization,
  'bundling-modifier': bundled,
  'medical-necessity': deniedMedicalNecessity,
  'nsa-open-negotiation': nsaEmergency,
  'nsa-patient-balance-correction': nsaEmergency,
  'oon-underpayment': underpaidErisa,
  'plan-documents-request': underpaidErisa,
  'timely-filing': timelyFilingDenied,
};

/** Renders a letter and fails the test, with the reason, when rendering fails. */
export function draft(id: TemplateId, s: Scenario, extra: Partial<RenderInput> = {}): Letter {
  const result = renderLetter(id, {
    claim: s.claim,
    score: s.score,
    profile: PROFILE,
    asOf: AS_OF,
    payerAddress: PAYER_ADDRESS,
    ...extra,
  });
  if (!result.ok) expect.fail(`${id}: ${result.reason}: ${result.message}`);
  return result.letter;
}

/** The whole letter as one text file, for snapshots a reviewer can read. */
export function letterText(letter: Letter): string {
  return [
    `Subject: ${letter.subject}`,
    '',
    letter.body.trimEnd(),
    '',
    '=== Citations ===',
    ...letter.citations.map((c) => `- ${c}`),
    '',
    '=== Attachments ===',
    ...letter.attachments.map((a) => `- ${a}`),
    '',
    '=== Missing ===',
    ...(letter.missing.length > 0 ? letter.missing.map((m) => `- ${m}`) : ['(none)']),
    '',
  ].join('\n');
}
