import type { Claim, ClaimScore } from '../model';
import type { PracticeProfileDraft } from './profile';

/** Every template id, sorted; each names a file in templates/ (registry checked by tests). */
export const TEMPLATE_IDS = [
  'authorization',
  'bundling-modifier',
  'medical-necessity',
  'nsa-open-negotiation',
  'nsa-patient-balance-correction',
  'oon-underpayment',
  'plan-documents-request',
  'timely-filing',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** What a letter is drafted from. Pure data: the caller supplies the date (`asOf`), never a clock. */
export interface RenderInput {
  claim: Claim;
  score: ClaimScore;
  profile: PracticeProfileDraft;
  /** The letter's date, `YYYY-MM-DD`. */
  asOf: string;
  /** Restrict the letter to these claim lines; default: the lines the findings point at. */
  lineNumbers?: number[];
  /** Open negotiation: the total offer in cents; default: the expected allowed of the lines. */
  offerCents?: number;
  /** Open negotiation: the day the notice is sent, `YYYY-MM-DD`; default `asOf`. */
  noticeSentDate?: string;
  /**
   * Open negotiation: the federal IDR initiation window counted from `noticeSentDate` (rules/deadlines);
   * without it the notice states the rule but no dates.
   */
  idrInitiation?: { from: string; by: string };
  /** The payer's appeals or disputes mailing address, one line each. */
  payerAddress?: string[];
}

/** A template's output. `body` is plain text (no HTML): paragraphs separated by blank lines. */
export interface LetterDraft {
  subject: string;
  body: string;
  /** Regulations and payer policies the letter relies on, as cited in the text. */
  citations: string[];
  /** Documents to enclose (domain.md 8.3). */
  attachments: string[];
}

export interface AppealTemplate {
  id: TemplateId;
  title: string;
  /**
   * Ranking tier for chooseTemplates: 0 statutory clocks that cannot wait (NSA), 1 the appeal that
   * answers the finding, 2 supporting requests.
   */
  tier: 0 | 1 | 2;
  applies(claim: Claim, score: ClaimScore): boolean;
  /** Cents the letter pursues; ranks templates within a tier. */
  atStakeCents(claim: Claim, score: ClaimScore): number;
  render(input: RenderInput): LetterDraft;
}

export interface Letter extends LetterDraft {
  /** The labels of every `[MISSING: ...]` placeholder in the subject and body, in order of appearance. */
  missing: string[];
}

export type RenderLetterResult =
  | { ok: true; letter: Letter }
  | {
      ok: false;
      reason: 'unknown-template' | 'unknown-lines' | 'invalid-date' | 'invalid-offer';
      message: string;
    };
