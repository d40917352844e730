import {
  chooseTemplates,
  getTemplate,
  type Letter,
  renderLetter,
  type TemplateId,
} from '../rules/appeals/index';
import type { Claim, ClaimScore } from '../rules/model';
import type { OonDatabase } from './db';
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
