import type { ClaimLine } from '../../model';
import {
  categoryCodes,
  deniedValueCents,
  hasCategory,
  lineHasCategory,
  linesInCategory,
  pickLines,
} from '../findings';
import { codeList, formatCents, joinWords } from '../format';
import { composeLetter, denialTable, lineCode, lineList, remitEvidence, remittanceDate } from '../letter';
import type { AppealTemplate } from '../types';

/**
 * Appeal of bundling, NCCI and modifier edits (CARC 97, 236, 4, 59; RARC M15, N20; domain.md 4.2-4.3).
 * The argument rests on the modifiers the claim carries: a distinct-service or separately identifiable
 * modifier tells the payer the edit's bypass applies.
 */

/** Modifiers that report a distinct or separately identifiable service (NCCI Policy Manual, Chapter I). */
const DISTINCT_MODIFIERS: Readonly<Record<string, string>> = {
  '25': 'a significant, separately identifiable evaluation and management service',
  '59': 'a distinct procedural service',
  '76': 'a repeat procedure by the same physician',
  '77': 'a repeat procedure by another physician',
  '91': 'a repeat clinical diagnostic laboratory test',
  XE: 'a separate encounter',
  XP: 'a separate practitioner',
  XS: 'a separate structure or organ',
  XU: 'an unusual non-overlapping service',
};

function modifierSentence(line: ClaimLine, others: readonly ClaimLine[]): string {
  const distinct = line.modifiers.filter((m) => m in DISTINCT_MODIFIERS);
  const otherCodes = [...new Set(others.map((o) => o.code))];
  const withWhat = otherCodes.length > 0 ? ` from ${joinWords(otherCodes)} on the same claim` : '';
  if (distinct.length === 0) {
    return `- Line ${line.lineNumber} (${lineCode(line)}) is a separate service${withWhat}; the enclosed documentation shows it was performed separately and is not a component of another service billed.`;
  }
  const meanings = distinct.map((m) => `modifier ${m} (${DISTINCT_MODIFIERS[m]})`);
  return `- Line ${line.lineNumber} (${lineCode(line)}) was billed with ${joinWords(meanings)}, distinct${withWhat}; the enclosed record documents it.`;
}

export const bundlingModifier: AppealTemplate = {
  id: 'bundling-modifier',
  title: 'Bundling / NCCI or modifier edit: appeal',
  tier: 1,
  applies: (_claim, score) => hasCategory(score, 'bundling'),
  atStakeCents: (claim, score) => deniedValueCents(linesInCategory(claim, score, 'bundling')),
  render(input) {
    const { claim, score } = input;
    const lines = pickLines(claim, score, (l) => lineHasCategory(l, 'bundling'), input.lineNumbers);
    const claimLines = lines.map((l) => l.line);
    const codes = categoryCodes(claim, claimLines, 'bundling');
    const multipleProcedure = codes.some((c) => c.endsWith('-59'));
    const billed = claimLines.reduce((s, l) => s + l.billedCents, 0);
    const paragraphs = [
      `We appeal the bundling or reduction of ${lineList(claimLines)} of this claim, which your remittance dated ${remittanceDate(claim)} treated as included in another service or not payable with it${codes.length > 0 ? ` (${codeList('adjustment', codes)})` : ''}.`,
      denialTable(claim, claimLines),
      [
        'Each service was separately performed and separately payable:',
        ...claimLines.map((l) =>
          modifierSentence(
            l,
            claim.lines.filter((o) => o.lineNumber !== l.lineNumber),
          ),
        ),
      ],
      'Under the National Correct Coding Initiative, a code pair edit with a modifier indicator of 1 permits separate payment when the services are distinct and an appropriate modifier is reported. If your edit relies on a proprietary or payer-specific policy rather than the NCCI edits, please identify the policy and the edit applied.',
    ];
    if (multipleProcedure) {
      paragraphs.push(
        "Where the reduction was a multiple procedure reduction, it must rank the procedures by fee schedule amount and pay the highest in full, as the fee schedule's multiple procedure indicator provides; please show the ranking applied.",
      );
    }
    paragraphs.push(
      ['The remittance reported these adjustment and remark codes:', ...remitEvidence(claimLines)],
      `Please reprocess ${lineList(claimLines)} for separate payment and send a corrected remittance advice.`,
    );
    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: appeal of bundling / NCCI edit`,
      heading: 'Appeal of bundling, NCCI or modifier edit',
      department: 'Provider Appeals and Reconsiderations',
      reference: [['Billed charges under appeal', formatCents(billed)]],
      paragraphs,
      citations: [
        'CMS National Correct Coding Initiative Policy Manual for Medicare Services, Chapter I (modifiers 59 and XE, XP, XS, XU)',
        ...(multipleProcedure
          ? ['CMS Medicare Physician Fee Schedule, multiple procedure indicator (modifier 51)']
          : []),
      ],
      attachments: [
        `Procedure or operative notes for each line under appeal, documenting the separate ${claimLines.length === 1 ? 'service' : 'services'}`,
        `Remittance advice / explanation of benefits dated ${remittanceDate(claim)}`,
        `Claim ${claim.claimNumber} as submitted, showing the modifiers reported`,
        "Patient's authorized representative designation",
      ],
      erisa: 'appeal',
      payerProcess: true,
    });
  },
};
