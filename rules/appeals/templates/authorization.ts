import {
  categoryCodes,
  deniedValueCents,
  hasCategory,
  isNsaClaim,
  lineHasCategory,
  linesInCategory,
  nsaService,
  pickLines,
} from '../findings';
import { codeList, formatCents } from '../format';
import {
  composeLetter,
  denialTable,
  lineList,
  missing,
  remitEvidence,
  remittanceDate,
  serviceDates,
} from '../letter';
import type { AppealTemplate } from '../types';

/**
 * Appeal of a denial for missing precertification or authorization (CARC 197/243, domain.md 4.2). The
 * authorization number is not on the remittance, so the letter asks for it by a visible placeholder.
 * For NSA emergency services the plan must cover the care without prior authorization (45 CFR 149.110,
 * domain.md 2.1).
 */
export const authorization: AppealTemplate = {
  id: 'authorization',
  title: 'Authorization denial: appeal',
  tier: 1,
  applies: (_claim, score) => hasCategory(score, 'authorization'),
  atStakeCents: (claim, score) => deniedValueCents(linesInCategory(claim, score, 'authorization')),
  render(input) {
    const { claim, score } = input;
    const lines = pickLines(claim, score, (l) => lineHasCategory(l, 'authorization'), input.lineNumbers);
    const claimLines = lines.map((l) => l.line);
    const codes = categoryCodes(claim, claimLines, 'authorization');
    const emergency = isNsaClaim(claim, score) && nsaService(claim) === 'emergency';
    const billed = claimLines.reduce((s, l) => s + l.billedCents, 0);
    const argument = emergency
      ? "These were emergency services. Your remittance identifies the claim as subject to the No Surprises Act provisions for emergency services (remark N864), and a group health plan must cover emergency services without any prior authorization determination and without regard to the provider's network status (45 CFR 149.110). An authorization requirement cannot be the basis for denying them."
      : `The services were authorized, or needed no authorization under the plan's terms, as follows: ${missing('authorization number, or the reason none was required')}. The enclosed records support this. If your records do not reflect the authorization, please treat this letter as a request for retrospective review of the services on their clinical merits.`;
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: appeal of authorization denial`,
      heading: 'Appeal of denial for precertification or authorization',
      department: 'Provider Appeals and Reconsiderations',
      reference: [['Billed charges under appeal', formatCents(billed)]],
      paragraphs: [
        `We appeal the denial of ${lineList(claimLines)} of this claim, which your remittance dated ${remittanceDate(claim)} denied for absent precertification or authorization${codes.length > 0 ? ` (${codeList('adjustment', codes)})` : ''}. The services were furnished on ${serviceDates(claim, claimLines)}.`,
        denialTable(claim, claimLines),
        argument,
        ['The remittance reported these adjustment and remark codes:', ...remitEvidence(claimLines)],
        `Please reverse the denial, reprocess ${lineList(claimLines)} for payment, and send a corrected remittance advice.`,
      ],
      citations: emergency ? ['45 CFR 149.110'] : [],
      attachments: [
        emergency
          ? `Emergency department record for ${serviceDates(claim, claimLines)}`
          : 'Authorization approval, reference number or call record, or the plan provision showing none was required',
        `Medical records for ${serviceDates(claim, claimLines)}`,
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}`,
        `Claim ${claim.claimNumber} as submitted (CMS-1500 or electronic claim copy)`,
        "Patient's authorized representative designation",
      ],
      erisa: 'appeal',
      payerProcess: true,
    });
  },
};
