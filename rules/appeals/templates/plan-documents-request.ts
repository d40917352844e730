import { erisaStatus, hasCategory, isNsaClaim, lineHasFlag, scoredLines } from '../findings';
import { formatCents } from '../format';
import { composeLetter, lineCode, lineServiceDate, remittanceDate, serviceDates, textTable } from '../letter';
import type { AppealTemplate } from '../types';

/**
 * Request for the plan documents and the pricing methodology relied upon (domain.md 3 and 8.3 item 1:
 * 29 CFR 2560.503-1(h)(2)(iii) and (m)(8); ERISA section 104(b)(4)). Sent for an ERISA plan (or a
 * commercial plan likely to be one) whenever the payment or a benefit denial has to be tested against
 * the plan's terms.
 */
export const planDocumentsRequest: AppealTemplate = {
  id: 'plan-documents-request',
  title: 'Request for plan documents and pricing methodology (ERISA)',
  tier: 2,
  applies: (claim, score) =>
    erisaStatus(claim) !== 'not-erisa' &&
    (scoredLines(claim, score).some((l) => l.score.shortfallCents > 0 && lineHasFlag(l, 'underpaid')) ||
      hasCategory(score, 'medical-necessity') ||
      hasCategory(score, 'non-covered') ||
      hasCategory(score, 'network')),
  atStakeCents: (_claim, score) => score.totals.shortfallCents,
  render(input) {
    const { claim, score } = input;
    const lines = scoredLines(claim, score).filter(
      (l) =>
        !input.lineNumbers || input.lineNumbers.length === 0 || input.lineNumbers.includes(l.line.lineNumber),
    );
    const table = textTable(
      [
        { header: 'Line', align: 'right' },
        { header: 'Code', align: 'left' },
        { header: 'Date of service', align: 'left' },
        { header: 'Billed', align: 'right' },
        { header: 'Allowed', align: 'right' },
        { header: 'Paid', align: 'right' },
      ],
      lines.map((l) => [
        String(l.line.lineNumber),
        lineCode(l.line),
        lineServiceDate(claim, l.line),
        formatCents(l.line.billedCents),
        formatCents(l.score.allowedCents),
        formatCents(l.line.paidCents),
      ]),
      [
        'Total',
        '',
        '',
        formatCents(lines.reduce((s, l) => s + l.line.billedCents, 0)),
        formatCents(lines.reduce((s, l) => s + l.score.allowedCents, 0)),
        formatCents(lines.reduce((s, l) => s + l.line.paidCents, 0)),
      ],
    );
    const nsa = isNsaClaim(claim, score);
    const requests = [
      `1. The summary plan description and the plan document in effect on ${serviceDates(claim)}, with any amendments.`,
      '2. The plan provision that defines the out-of-network allowed amount (eligible expense, maximum reimbursable charge, or reasonable and customary charge) applied to this claim.',
      '3. The pricing methodology used to determine the allowed amount for each line: the data source, the percentile or percentage applied, the geographic area, and the fee schedule year.',
      '4. Any repricing vendor report, worksheet or data relied upon, the name of the vendor, and the agreement under which the vendor priced the claim.',
      '5. Any internal rule, guideline, protocol or similar criterion relied upon in processing the claim (29 CFR 2560.503-1(g)(1)).',
      ...(nsa
        ? [
            '6. The qualifying payment amount for each item or service and the certification that it was calculated as the regulations require (45 CFR 149.140(d)).',
          ]
        : []),
    ];
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: request for plan documents and pricing methodology`,
      heading: 'Request for plan documents and the pricing methodology relied upon',
      department: 'Plan Administrator / Appeals',
      paragraphs: [
        `On behalf of the patient, as authorized representative, we request copies of the documents, records and other information relevant to the claim processed on the remittance dated ${remittanceDate(claim)}. A claimant is entitled to these free of charge (29 CFR 2560.503-1(h)(2)(iii) and (m)(8)), and the plan administrator must furnish the plan documents on written request (ERISA section 104(b)(4), 29 U.S.C. 1024(b)(4)).`,
        table,
        ['Please provide:', ...requests],
        "These documents are needed to compare the payment with the plan's terms. Please send them to the address above, or let us know if any item does not exist for this claim.",
      ],
      citations: [
        '29 CFR 2560.503-1(h)(2)(iii)',
        '29 CFR 2560.503-1(m)(8)',
        '29 CFR 2560.503-1(g)(1)',
        'ERISA section 104(b)(4) (29 U.S.C. 1024(b)(4))',
        ...(nsa ? ['45 CFR 149.140(d)'] : []),
      ],
      attachments: [
        "Patient's authorized representative designation and assignment of benefits",
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}`,
      ],
      erisa: 'request',
      payerProcess: false,
    });
  },
};
