import { isNsaClaim, lineHasFlag, pickLines, type ScoredLine, scoredLines } from '../findings';
import { formatCents, joinWords } from '../format';
import { composeLetter, lineCode, lineList, remitEvidence, remittanceDate, textTable } from '../letter';
import type { AppealTemplate } from '../types';

/**
 * Reconsideration of an out-of-network underpayment (domain.md 8.1, 8.3): the plan's out-of-network
 * terms against the benchmark, line by line. Not for NSA claims: there the payment is disputed through
 * open negotiation and IDR, not a plan appeal (domain.md 8.3 item 4).
 */

const underpaid = (l: ScoredLine) => lineHasFlag(l, 'underpaid') && l.score.shortfallCents > 0;

function sum(lines: readonly ScoredLine[], pick: (l: ScoredLine) => number): number {
  return lines.reduce((s, l) => s + pick(l), 0);
}

export const oonUnderpayment: AppealTemplate = {
  id: 'oon-underpayment',
  title: 'Out-of-network underpayment: request for reconsideration',
  tier: 1,
  // Line flags, not the claim flag: the claim-level "underpaid" total also counts the gap on denied
  // lines, which the denial templates answer.
  applies: (claim, score) => !isNsaClaim(claim, score) && scoredLines(claim, score).some(underpaid),
  atStakeCents: (claim, score) =>
    sum(scoredLines(claim, score).filter(underpaid), (l) => l.score.shortfallCents),
  render(input) {
    const { claim, score } = input;
    const lines = pickLines(claim, score, underpaid, input.lineNumbers);
    const shortfall = sum(lines, (l) => l.score.shortfallCents);
    const allowed = sum(lines, (l) => l.score.allowedCents);
    const expected = sum(lines, (l) => l.score.expectedCents ?? l.score.allowedCents);
    const derived = lines.some((l) => l.score.allowedDerived);
    const table = textTable(
      [
        { header: 'Line', align: 'right' },
        { header: 'Code', align: 'left' },
        { header: 'Billed', align: 'right' },
        { header: 'Allowed', align: 'right' },
        { header: 'Expected', align: 'right' },
        { header: 'Shortfall', align: 'right' },
        { header: 'Basis of expected amount', align: 'left' },
      ],
      lines.map((l) => [
        String(l.line.lineNumber),
        lineCode(l.line),
        formatCents(l.line.billedCents),
        `${formatCents(l.score.allowedCents)}${l.score.allowedDerived ? '*' : ''}`,
        l.score.expectedCents === null ? 'not priced' : formatCents(l.score.expectedCents),
        formatCents(l.score.shortfallCents),
        l.score.expectedBasis ?? 'no benchmark on file',
      ]),
      [
        'Total',
        '',
        formatCents(sum(lines, (l) => l.line.billedCents)),
        formatCents(allowed),
        formatCents(expected),
        formatCents(shortfall),
        '',
      ],
    );
    const bases = [
      ...new Set(lines.map((l) => l.score.expectedBasis).filter((b): b is string => b !== null)),
    ];
    const lineWords = lineList(lines.map((l) => l.line));
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: request for reconsideration of out-of-network payment`,
      heading: 'Request for reconsideration of out-of-network underpayment',
      department: 'Provider Appeals and Reconsiderations',
      reference: [['Amount in dispute', formatCents(shortfall)]],
      paragraphs: [
        `We ask you to reconsider the allowed amount for the out-of-network services on this claim. Your remittance dated ${remittanceDate(claim)} allowed ${formatCents(allowed)} for ${lineWords}. Measured against the benchmark for each service, the expected allowed amount is ${formatCents(expected)}, which leaves a shortfall of ${formatCents(shortfall)}.`,
        [
          ...table,
          ...(derived
            ? ['* Allowed amount not shown on the remittance; derived as paid plus patient cost share.']
            : []),
        ],
        `The plan's out-of-network benefit must be paid by the methodology its documents define for the allowed amount (the eligible expense, maximum reimbursable charge, or reasonable and customary charge). The expected amounts above are calculated on ${bases.length > 0 ? joinWords(bases) : 'the basis shown for each line'}, and the allowed amounts fall short of that benchmark by the amounts shown. If the plan prescribes a different methodology, please identify the plan provision and show how it produced the allowed amount for each line.`,
        [
          'The remittance reported these adjustment and remark codes:',
          ...remitEvidence(lines.map((l) => l.line)),
        ],
        `Please reprocess ${lineWords} at the expected allowed amounts, pay the additional benefit due on the ${formatCents(shortfall)} shortfall, and send a corrected remittance advice.`,
      ],
      citations: [],
      attachments: [
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}, showing the payment and adjustment codes`,
        `Claim ${claim.claimNumber} as submitted (CMS-1500 or electronic claim copy)`,
        'Calculation of the expected allowed amount for each line, with the benchmark source',
        "The plan's definition of the out-of-network allowed amount (SPD or certificate excerpt), where available",
        "Patient's assignment of benefits and authorized representative designation",
      ],
      erisa: 'appeal',
      payerProcess: true,
    });
  },
};
