import {
  categoryCodes,
  deniedValueCents,
  hasCategory,
  lineHasCategory,
  linesInCategory,
  pickLines,
} from '../findings';
import { codeList, formatCents, formatDate } from '../format';
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
 * Appeal of a timely-filing denial (CARC 29, domain.md 4.2) with proof of timely submission: the EDI
 * acceptance report (277CA/999), payer correspondence, or another carrier's EOB showing a timely but
 * misrouted filing (domain.md 5, "Proof of timely filing"). The original submission date is not on
 * the remittance, so the letter asks for it by a visible placeholder.
 */
export const timelyFiling: AppealTemplate = {
  id: 'timely-filing',
  title: 'Timely filing denial: appeal with proof of timely submission',
  tier: 1,
  applies: (_claim, score) => hasCategory(score, 'timely-filing'),
  atStakeCents: (claim, score) => deniedValueCents(linesInCategory(claim, score, 'timely-filing')),
  render(input) {
    const { claim, score } = input;
    const lines = pickLines(claim, score, (l) => lineHasCategory(l, 'timely-filing'), input.lineNumbers);
    const claimLines = lines.map((l) => l.line);
    const codes = categoryCodes(claim, claimLines, 'timely-filing');
    const billed = claimLines.reduce((s, l) => s + l.billedCents, 0);
    const received = claim.receivedDate
      ? ` Your remittance records the claim as received on ${formatDate(claim.receivedDate)}; the enclosed proof shows our original submission.`
      : '';
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: appeal of timely filing denial`,
      heading: 'Appeal of timely filing denial, with proof of timely submission',
      department: 'Provider Appeals and Reconsiderations',
      reference: [['Billed charges under appeal', formatCents(billed)]],
      paragraphs: [
        `We appeal the denial of ${lineList(claimLines)} of this claim, which your remittance dated ${remittanceDate(claim)} denied because the time limit for filing had expired${codes.length > 0 ? ` (${codeList('adjustment', codes)})` : ''}. The services were furnished on ${serviceDates(claim, claimLines)}.`,
        denialTable(claim, claimLines),
        `The claim was filed on time. It was first submitted on ${missing('date the claim was first submitted')}, within the filing limit that applies to this plan, and the enclosed acceptance report shows it was accepted for processing on that date.${received}`,
        ['The remittance reported these adjustment and remark codes:', ...remitEvidence(claimLines)],
        `Please reverse the timely filing denial, process ${lineList(claimLines)} on ${claimLines.length === 1 ? 'its' : 'their'} merits, and send a corrected remittance advice.`,
      ],
      citations: [],
      attachments: [
        'EDI acceptance report (277CA or 999) showing the claim accepted, received or acknowledged, with its date',
        'Clearinghouse submission report for the original claim',
        'Any earlier payer correspondence, rejection or explanation of benefits for this claim',
        "Other carrier's explanation of benefits, if the claim was first filed timely with another payer",
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}`,
        "Patient's authorized representative designation",
      ],
      erisa: 'appeal',
      payerProcess: true,
    });
  },
};
