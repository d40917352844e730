import type { ClaimLine } from '../../model';
import {
  hasFlag,
  isNsaClaim,
  lineHasFlag,
  nsaRemarks,
  pickLines,
  type ScoredLine,
  scoredLines,
} from '../findings';
import { codeList, formatCents, formatDate, formatUnits } from '../format';
import {
  composeLetter,
  lineCode,
  lineServiceDate,
  missing,
  providerWithNpi,
  remittanceDate,
} from '../letter';
import { validProfileValue } from '../profile';
import type { AppealTemplate, RenderInput } from '../types';

/**
 * The Open Negotiation Notice of the No Surprises Act (45 CFR 149.510(b)(1); standard notice,
 * OMB 1210-0169; domain.md 2.3): one block per item or service with the standard notice's columns,
 * the offer as a total out-of-network rate including cost sharing, the sender's contact, the
 * 30-business-day period and the IDR timing that follows (domain.md 2.4). It carries the deadline for
 * sending it. The offer is stated without Medicare, billed-charge or UCR reasoning: those are factors
 * an IDR entity may not consider (domain.md 2.4, 8.3 item 6).
 */

const disputed = (l: ScoredLine) =>
  l.score.shortfallCents > 0 ||
  lineHasFlag(l, 'denied') ||
  lineHasFlag(l, 'underpaid') ||
  lineHasFlag(l, 'zero-paid');

/**
 * Splits a total offer across lines in proportion to their expected allowed (else billed) amounts,
 * rounding so the parts add up to the total exactly; the last line takes the remainder.
 */
export function allocateOffer(totalCents: number, lines: readonly ScoredLine[]): number[] {
  const weights = lines.map((l) => l.score.expectedCents ?? l.line.billedCents);
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) =>
    weightTotal > 0 ? Math.floor((totalCents * w) / weightTotal) : Math.floor(totalCents / lines.length),
  );
  const given = parts.reduce((s, p) => s + p, 0);
  if (parts.length > 0) parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + totalCents - given;
  return parts;
}

function offers(input: RenderInput, lines: readonly ScoredLine[]): (number | undefined)[] {
  if (input.offerCents !== undefined) return allocateOffer(input.offerCents, lines);
  return lines.map((l) => l.score.expectedCents ?? undefined);
}

function isDenial(line: ClaimLine, l: ScoredLine): boolean {
  return line.paidCents === 0 && (lineHasFlag(l, 'denied') || l.score.allowedCents === 0);
}

export const nsaOpenNegotiation: AppealTemplate = {
  id: 'nsa-open-negotiation',
  title: 'No Surprises Act: open negotiation notice',
  tier: 0,
  applies: (claim, score) =>
    isNsaClaim(claim, score) &&
    (score.totals.shortfallCents > 0 ||
      hasFlag(score, 'underpaid') ||
      hasFlag(score, 'denied') ||
      hasFlag(score, 'zero-paid') ||
      nsaRemarks(claim).some((r) => r === 'N876' || r === 'N877')),
  atStakeCents: (claim, score) =>
    scoredLines(claim, score)
      .filter(disputed)
      .reduce(
        (s, l) => s + Math.max(0, (l.score.expectedCents ?? l.line.billedCents) - l.score.allowedCents),
        0,
      ),
  render(input) {
    const { claim, score, profile } = input;
    const lines = pickLines(claim, score, disputed, input.lineNumbers);
    const lineOffers = offers(input, lines);
    const provider = providerWithNpi(claim, profile);
    const anyOfferMissing = lineOffers.some((o) => o === undefined);
    const totalOffer = lineOffers.reduce<number>((s, o) => s + (o ?? 0), 0);
    const remarks = nsaRemarks(claim);

    const items = lines.map((l, i) => {
      const offer = lineOffers[i];
      const denial = isDenial(l.line, l);
      return [
        `Item ${i + 1}`,
        `  Description of item or service: claim line ${l.line.lineNumber}, ${formatUnits(l.line.units)}`,
        `  Claim number: ${claim.claimNumber}`,
        `  Name of provider or facility and NPI: ${provider}`,
        `  Date item or service was provided: ${lineServiceDate(claim, l.line)}`,
        `  Service code: ${lineCode(l.line)}`,
        `  Initial payment amount: ${denial ? `N/A (notice of denial dated ${remittanceDate(claim)})` : formatCents(l.line.paidCents)}`,
        `  Offer for total out-of-network rate (including any cost sharing): ${offer === undefined ? missing(`offer for claim line ${l.line.lineNumber}`) : formatCents(offer)}`,
      ];
    });

    const sentIso = input.noticeSentDate ?? input.asOf;
    const deadline = score.deadlines.openNegotiationNoticeBy;
    const received = `the initial payment or notice of denial dated ${remittanceDate(claim)}`;
    // A notice sent after the deadline must not claim to be timely; it states the dates and no more.
    const sentOn = formatDate(sentIso);
    const timing =
      deadline && sentIso > deadline
        ? `This notice concerns ${received}.`
        : `This notice is sent within the 30 business days that began when we received ${received}; that period ends on ${deadline ? formatDate(deadline) : missing('open negotiation deadline')}.`;
    const idr = input.idrInitiation;
    const idrDates = idr
      ? ` For this notice, that window runs from ${formatDate(idr.from)} through ${formatDate(idr.by)}.`
      : '';

    const contactName = validProfileValue(profile, 'contactName') ?? missing('contact name');
    const contactEmail = validProfileValue(profile, 'email') ?? missing('contact email');
    const contactPhone = validProfileValue(profile, 'phone') ?? missing('contact phone');

    return composeLetter(input, {
      subject: `Claim ${claim.claimNumber}: No Surprises Act open negotiation notice`,
      heading: 'Open Negotiation Notice under the No Surprises Act (45 CFR 149.510(b)(1))',
      department: 'No Surprises Act Open Negotiation',
      reference: [
        ['Date notice sent', sentOn],
        [
          'Open negotiation notice due by',
          deadline ? formatDate(deadline) : missing('open negotiation deadline'),
        ],
      ],
      paragraphs: [
        `This notice initiates a 30-business-day open negotiation period under the No Surprises Act (Public Health Service Act section 2799A-1(c) and 45 CFR 149.510(b)(1)) for the out-of-network items and services listed below. ${providerWithNpi(claim, profile)} is the initiating party. ${remarks.length > 0 ? `Your remittance identifies this claim as subject to the No Surprises Act (${codeList('remark', remarks)}).` : 'The items and services are subject to the No Surprises Act.'}`,
        timing,
        ...items,
        anyOfferMissing
          ? `Total offer: ${missing('total offer')}.`
          : `Total offer for the items and services above: ${formatCents(totalOffer)}, as the total out-of-network rate including any cost sharing.`,
        `The open negotiation period begins on ${sentOn}, the day this notice is sent, and lasts 30 business days. If we do not agree on an out-of-network rate during that period, either party may initiate the Federal independent dispute resolution (IDR) process during the 4 business days beginning on the 31st business day after the period began (45 CFR 149.510(b)(2)).${idrDates}`,
        `Please respond to this offer during the open negotiation period. Contact for this notice: ${contactName}, ${contactEmail}, ${contactPhone}. If you did not disclose the qualifying payment amount for each item or service with the initial payment or notice of denial, please provide it now with the certification that it was calculated as the regulations require (45 CFR 149.140(d)).`,
        'Where the Federal IDR portal is the required channel for open negotiation notices, this notice is also submitted there. Sending this notice does not waive any right to appeal the claim under the plan.',
      ],
      citations: [
        'Public Health Service Act section 2799A-1(c) (42 U.S.C. 300gg-111(c))',
        '45 CFR 149.510(b)(1)',
        '45 CFR 149.510(b)(2)',
        '45 CFR 149.140(d)',
        'Standard Open Negotiation Notice, OMB control number 1210-0169',
      ],
      attachments: [
        `Initial payment or notice of denial: remittance advice / explanation of benefits dated ${remittanceDate(claim)}`,
        `Claim ${claim.claimNumber} as submitted (CMS-1500 or electronic claim copy)`,
        'Qualifying payment amount disclosure received with the initial payment, if any',
      ],
      erisa: 'none',
      contact: false,
      payerProcess: false,
    });
  },
};
