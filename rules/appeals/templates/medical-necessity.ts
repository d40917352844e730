import {
  categoryCodes,
  deniedValueCents,
  erisaStatus,
  hasCategory,
  lineHasCategory,
  linesInCategory,
  pickLines,
} from '../findings';
import { codeList, formatCents } from '../format';
import { composeLetter, denialTable, lineList, remitEvidence, remittanceDate, serviceDates } from '../letter';
import type { AppealTemplate } from '../types';

/**
 * Appeal of a medical-necessity denial (CARC 50, domain.md 4.2). The clinical case is made by the
 * enclosed records and the treating provider's letter; the letter asks for the criteria applied and,
 * for an ERISA plan, review by a health care professional (29 CFR 2560.503-1(h)(3), domain.md 3).
 */
export const medicalNecessity: AppealTemplate = {
  id: 'medical-necessity',
  title: 'Medical necessity denial: appeal',
  tier: 1,
  applies: (_claim, score) => hasCategory(score, 'medical-necessity'),
  atStakeCents: (claim, score) => deniedValueCents(linesInCategory(claim, score, 'medical-necessity')),
  render(input) {
    const { claim, score } = input;
    const lines = pickLines(claim, score, (l) => lineHasCategory(l, 'medical-necessity'), input.lineNumbers);
    const claimLines = lines.map((l) => l.line);
    const codes = categoryCodes(claim, claimLines, 'medical-necessity');
    const erisa = erisaStatus(claim) !== 'not-erisa';
    const billed = claimLines.reduce((s, l) => s + l.billedCents, 0);
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: appeal of medical necessity denial`,
      heading: 'Appeal of denial for medical necessity',
      department: 'Clinical Appeals',
      reference: [['Billed charges under appeal', formatCents(billed)]],
      paragraphs: [
        `We appeal the denial of ${lineList(claimLines)} of this claim, which your remittance dated ${remittanceDate(claim)} denied as not medically necessary${codes.length > 0 ? ` (${codeList('adjustment', codes)})` : ''}. The services furnished on ${serviceDates(claim, claimLines)} were medically necessary for the patient's condition, and we ask that they be covered and paid.`,
        denialTable(claim, claimLines),
        "The enclosed records document the patient's presenting condition, the findings that led to each service, and the treating provider's clinical judgment. The treating provider's letter of medical necessity explains why each service was appropriate and why a less intensive alternative would not have met the patient's needs.",
        `Please identify the specific clinical criteria, guideline or protocol applied to deny these services${erisa ? ' (29 CFR 2560.503-1(g)(1))' : ''}, and have this appeal decided by a health care professional with appropriate training and experience in the field of medicine involved${erisa ? ' (29 CFR 2560.503-1(h)(3)(iii))' : ''}. The treating provider is available for a peer-to-peer discussion.`,
        ['The remittance reported these adjustment and remark codes:', ...remitEvidence(claimLines)],
        `Please reverse the denial, reprocess ${lineList(claimLines)} for payment under the plan's benefits, and send a corrected remittance advice.`,
      ],
      citations: erisa ? ['29 CFR 2560.503-1(h)(3)(iii)'] : [],
      attachments: [
        `Medical records for ${serviceDates(claim, claimLines)} (office, procedure or operative notes)`,
        'Letter of medical necessity from the treating provider',
        'Clinical guidelines or peer-reviewed literature supporting the services, where relevant',
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}`,
        `Claim ${claim.claimNumber} as submitted (CMS-1500 or electronic claim copy)`,
        "Patient's authorized representative designation",
      ],
      erisa: 'appeal',
      payerProcess: true,
    });
  },
};
