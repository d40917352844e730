import { isIsoDate } from '../model';
import { missingLabels } from './letter';
import { authorization } from './templates/authorization';
import { bundlingModifier } from './templates/bundling-modifier';
import { medicalNecessity } from './templates/medical-necessity';
import { nsaOpenNegotiation } from './templates/nsa-open-negotiation';
import { nsaPatientBalanceCorrection } from './templates/nsa-patient-balance-correction';
import { oonUnderpayment } from './templates/oon-underpayment';
import { planDocumentsRequest } from './templates/plan-documents-request';
import { timelyFiling } from './templates/timely-filing';
import type { AppealTemplate, RenderInput, RenderLetterResult, TemplateId } from './types';

export type { PracticeProfile, PracticeProfileDraft, ProfileField } from './profile';
export {
  missingProfileFields,
  PROFILE_FIELD_LABEL,
  PracticeProfileDraftSchema,
  PracticeProfileSchema,
} from './profile';
export type {
  AppealTemplate,
  Letter,
  LetterDraft,
  RenderInput,
  RenderLetterResult,
  TemplateId,
} from './types';
export { TEMPLATE_IDS } from './types';

/** Every template, sorted by id (one file each in templates/; a test checks this list against TEMPLATE_IDS). */
export const TEMPLATES: readonly AppealTemplate[] = [
  authorization,
  bundlingModifier,
  medicalNecessity,
  nsaOpenNegotiation,
  nsaPatientBalanceCorrection,
  oonUnderpayment,
  planDocumentsRequest,
  timelyFiling,
];

const BY_ID = new Map<string, AppealTemplate>(TEMPLATES.map((t) => [t.id, t]));

export function getTemplate(id: string): AppealTemplate | undefined {
  return BY_ID.get(id);
}

/**
 * The templates that apply to a scored claim, most relevant first: the NSA notice first (its
 * 30-business-day clock cannot wait, domain.md 2.3, 5 "NSA overlay"), then the appeals that answer a
 * finding, largest amount first, then supporting requests. Ties keep id order.
 */
export function chooseTemplates(claim: RenderInput['claim'], score: RenderInput['score']): TemplateId[] {
  return TEMPLATES.filter((t) => t.applies(claim, score))
    .map((t, order) => ({ t, order, stake: t.atStakeCents(claim, score) }))
    .sort((a, b) => a.t.tier - b.t.tier || b.stake - a.stake || a.order - b.order)
    .map(({ t }) => t.id);
}

/**
 * Drafts one letter. Fails by name on an unknown template, lines the claim does not have, a date that
 * is not `YYYY-MM-DD`, or an offer that is not whole positive cents. Every gap in the practice profile
 * or the claim appears in the text as `[MISSING: label]` and in `missing`.
 */
export function renderLetter(templateId: string, input: RenderInput): RenderLetterResult {
  const template = BY_ID.get(templateId);
  if (!template) {
    return {
      ok: false,
      reason: 'unknown-template',
      message: `no appeal template "${templateId}": use one of ${TEMPLATES.map((t) => t.id).join(', ')}`,
    };
  }
  for (const [name, date] of [
    ['asOf', input.asOf],
    ['noticeSentDate', input.noticeSentDate],
    ['idrInitiation.from', input.idrInitiation?.from],
    ['idrInitiation.by', input.idrInitiation?.by],
  ] as const) {
    if (date !== undefined && !isIsoDate(date)) {
      return {
        ok: false,
        reason: 'invalid-date',
        message: `${name} "${date}" is not a date written YYYY-MM-DD`,
      };
    }
  }
  if (input.offerCents !== undefined && !(Number.isSafeInteger(input.offerCents) && input.offerCents > 0)) {
    return {
      ok: false,
      reason: 'invalid-offer',
      message: `offerCents must be whole cents above zero, got ${input.offerCents}`,
    };
  }
  if (input.lineNumbers) {
    const known = new Set(input.claim.lines.map((l) => l.lineNumber));
    const unknown = input.lineNumbers.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      return {
        ok: false,
        reason: 'unknown-lines',
        message: `claim ${input.claim.claimNumber} has no line ${unknown.join(', ')}: pick from ${[...known].join(', ')}`,
      };
    }
  }
  const draft = template.render(input);
  return { ok: true, letter: { ...draft, missing: missingLabels(`${draft.subject}\n${draft.body}`) } };
}
