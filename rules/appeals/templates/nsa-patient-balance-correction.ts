import {
  hasFlag,
  isNsaClaim,
  nsaRemarks,
  nsaService,
  pickLines,
  pr45Cents,
  type ScoredLine,
  scoredLines,
} from '../findings';
import { codeList, formatCents, joinWords } from '../format';
import { composeLetter, lineCode, lineList, remitEvidence, remittanceDate, textTable } from '../letter';
import type { AppealTemplate } from '../types';

/**
 * Request for a corrected remittance when an NSA claim puts the out-of-network excess on the patient
 * (PR-45): under the No Surprises Act the patient owes only in-network cost sharing based on the
 * recognized amount, and amounts under CO, OA or PI cannot be collected from the member (domain.md 2.1,
 * 4.1, 4.4 "PR-45 on such a claim is a red flag").
 */

const hasPr45 = (l: ScoredLine) => pr45Cents(l.line) > 0;

/** The rules on patient cost sharing and on billing the patient, by kind of protected service (domain.md 2.1). */
const RULES = {
  emergency: ['45 CFR 149.110(b)(3)', '45 CFR 149.410'],
  'participating-facility': ['45 CFR 149.120(b)(3)', '45 CFR 149.420'],
  'air-ambulance': ['45 CFR 149.130', '45 CFR 149.440'],
  unspecified: ['45 CFR 149.110(b)(3)', '45 CFR 149.120(b)(3)', '45 CFR 149.410', '45 CFR 149.420'],
} as const;

export const nsaPatientBalanceCorrection: AppealTemplate = {
  id: 'nsa-patient-balance-correction',
  title: 'No Surprises Act: correct the patient balance (PR-45)',
  tier: 1,
  applies: (claim, score) =>
    isNsaClaim(claim, score) &&
    (hasFlag(score, 'balance-billing') || scoredLines(claim, score).some(hasPr45)),
  atStakeCents: (claim, score) => scoredLines(claim, score).reduce((s, l) => s + pr45Cents(l.line), 0),
  render(input) {
    const { claim, score } = input;
    const lines = pickLines(claim, score, hasPr45, input.lineNumbers);
    const claimLines = lines.map((l) => l.line);
    const excess = claimLines.reduce((s, l) => s + pr45Cents(l), 0);
    const rules = RULES[nsaService(claim)];
    const remarks = nsaRemarks(claim);
    const costShare = (l: ScoredLine) =>
      l.line.adjustments
        .filter((a) => a.group === 'PR' && a.reason !== '45')
        .reduce((s, a) => s + a.amountCents, 0);
    const table = textTable(
      [
        { header: 'Line', align: 'right' },
        { header: 'Code', align: 'left' },
        { header: 'Billed', align: 'right' },
        { header: 'Allowed', align: 'right' },
        { header: 'Paid', align: 'right' },
        { header: 'Cost share', align: 'right' },
        { header: 'PR-45', align: 'right' },
      ],
      lines.map((l) => [
        String(l.line.lineNumber),
        lineCode(l.line),
        formatCents(l.line.billedCents),
        formatCents(l.score.allowedCents),
        formatCents(l.line.paidCents),
        formatCents(costShare(l)),
        formatCents(pr45Cents(l.line)),
      ]),
      [
        'Total',
        '',
        formatCents(claimLines.reduce((s, l) => s + l.billedCents, 0)),
        formatCents(lines.reduce((s, l) => s + l.score.allowedCents, 0)),
        formatCents(claimLines.reduce((s, l) => s + l.paidCents, 0)),
        formatCents(lines.reduce((s, l) => s + costShare(l), 0)),
        formatCents(excess),
      ],
    );
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: corrected remittance needed, patient responsibility exceeds No Surprises Act cost sharing`,
      heading: 'Request for corrected remittance: patient responsibility on a No Surprises Act claim',
      department: 'Provider Disputes and Claim Corrections',
      reference: [['Amount assigned to the patient as PR-45', formatCents(excess)]],
      paragraphs: [
        `Your remittance dated ${remittanceDate(claim)} assigns ${formatCents(excess)} to the patient as group PR, reason 45 (charge exceeds the fee schedule or maximum allowable) on ${lineList(claimLines)}. ${remarks.length > 0 ? `The same remittance identifies the claim as subject to the No Surprises Act (${codeList('remark', remarks)}).` : 'The services on this claim are protected by the No Surprises Act.'}`,
        table,
        `For services the No Surprises Act protects, the patient's cost sharing may not exceed the in-network cost sharing, calculated on the recognized amount and counted toward the in-network deductible and out-of-pocket maximum, and the patient may not be billed more than that (${joinWords([...rules])}). The difference between our charge and the allowed amount is therefore not the patient's responsibility.`,
        `Please reprocess ${lineList(claimLines)} and send a corrected remittance advice that states the patient's in-network cost sharing under group PR and reports the remaining ${formatCents(excess)} under group CO, consistent with remark N830. Until we receive it, we will bill the patient no more than in-network cost sharing.`,
        ['The remittance reported these adjustment and remark codes:', ...remitEvidence(claimLines)],
        'This request concerns the patient balance only. It does not accept the payment amount, and it preserves our right to open negotiation and the Federal independent dispute resolution process (45 CFR 149.510).',
      ],
      citations: [...rules, '45 CFR 149.510', 'X12 RARC N830'],
      attachments: [
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}, showing the PR-45 adjustment`,
        `Claim ${claim.claimNumber} as submitted (CMS-1500 or electronic claim copy)`,
      ],
      erisa: 'appeal',
      payerProcess: true,
    });
  },
};
