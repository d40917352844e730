import { categorizeAdjustment } from '../adjustments/categories';
import type { Claim, ClaimLine, ClaimScore, DenialCategory, FlagKind, LineScore } from '../model';

/**
 * Reading a claim's findings for letter choice: flag kinds, denial categories and the remark codes
 * that name a legal regime. Everything here is a pure question about one claim and its score.
 */

export function hasFlag(score: ClaimScore, kind: FlagKind): boolean {
  return (
    score.flags.some((f) => f.kind === kind) || score.lines.some((l) => l.flags.some((f) => f.kind === kind))
  );
}

export function hasCategory(score: ClaimScore, category: DenialCategory): boolean {
  return score.categories.includes(category) || score.lines.some((l) => l.categories.includes(category));
}

/** Every remark code on the claim and its lines, claim level first, without repeats. */
export function allRemarks(claim: Claim): string[] {
  return [...new Set([...claim.remarks, ...claim.lines.flatMap((l) => l.remarks)])];
}

/**
 * RARCs that make a claim an NSA claim (domain.md 4.4 "Scoring use": N864/N865/N866 name the protected
 * service, N876/N877 the notice of denial or initial payment). The same five the deadlines rules use,
 * so a letter never calls a claim NSA that the side panel does not.
 */
export const NSA_REMARKS = ['N864', 'N865', 'N866', 'N876', 'N877'];

/** The NSA remark codes this claim carries, in the order they appear. */
export function nsaRemarks(claim: Claim): string[] {
  return allRemarks(claim).filter((r) => NSA_REMARKS.includes(r));
}

/**
 * True when the score or the remittance marks the claim as subject to the No Surprises Act. The
 * remark check stands in until the score sets `nsa` itself (domain.md 4.4).
 */
export function isNsaClaim(claim: Claim, score: ClaimScore): boolean {
  return (
    score.nsa ||
    hasFlag(score, 'nsa') ||
    hasCategory(score, 'no-surprises-act') ||
    nsaRemarks(claim).length > 0
  );
}

/** Which NSA protection applies, from the remark codes (domain.md 2.1, 4.4). */
export type NsaService = 'emergency' | 'participating-facility' | 'air-ambulance' | 'unspecified';

export function nsaService(claim: Claim): NsaService {
  const remarks = allRemarks(claim);
  if (remarks.includes('N864')) return 'emergency';
  if (remarks.includes('N865')) return 'participating-facility';
  if (remarks.includes('N866')) return 'air-ambulance';
  return 'unspecified';
}

/**
 * Claim filing indicators (835 CLP06) for public or non-group coverage that ERISA does not govern:
 * Medicare, Medicaid, TRICARE/CHAMPUS, VA, other federal (incl. FEHB), Title V, workers' compensation,
 * auto and liability.
 */
const NON_ERISA_FILING = new Set([
  'MA',
  'MB',
  'MC',
  'CH',
  'VA',
  'OF',
  'FI',
  'TV',
  'WC',
  'AM',
  'LM',
  '16',
  '11',
]);
const PUBLIC_PAYER_NAME = /\b(medicare|medicaid|tricare|champus|champva|veterans|workers'? comp)/i;

/**
 * Whether ERISA's claims procedure governs the plan (domain.md 3): `erisa` when the claim says so
 * (planType or RARC N855); `likely` for a commercial payer whose plan type is unknown, since most
 * employer plans are ERISA plans; `not-erisa` for government, church or public coverage (N856).
 */
export type ErisaStatus = 'erisa' | 'likely' | 'not-erisa';

export function erisaStatus(claim: Claim): ErisaStatus {
  const remarks = allRemarks(claim);
  if (claim.planType === 'erisa' || (claim.planType !== 'non-erisa' && remarks.includes('N855')))
    return 'erisa';
  if (claim.planType === 'non-erisa' || remarks.includes('N856')) return 'not-erisa';
  const indicator = claim.claimFilingIndicator?.toUpperCase();
  if (indicator !== undefined && NON_ERISA_FILING.has(indicator)) return 'not-erisa';
  if (PUBLIC_PAYER_NAME.test(claim.payerName)) return 'not-erisa';
  return 'likely';
}

/** A claim line together with its score. */
export interface ScoredLine {
  line: ClaimLine;
  score: LineScore;
}

/** Lines paired with their scores by line number; a line the score does not cover is left out. */
export function scoredLines(claim: Claim, score: ClaimScore): ScoredLine[] {
  const byNumber = new Map(score.lines.map((l) => [l.lineNumber, l]));
  const out: ScoredLine[] = [];
  for (const line of claim.lines) {
    const s = byNumber.get(line.lineNumber);
    if (s) out.push({ line, score: s });
  }
  return out;
}

/**
 * The lines a letter is about: those the caller chose, else those the predicate picks, else (when the
 * predicate picks none, as for a claim-level denial) every line.
 */
export function pickLines(
  claim: Claim,
  score: ClaimScore,
  predicate: (l: ScoredLine) => boolean,
  lineNumbers?: readonly number[],
): ScoredLine[] {
  const all = scoredLines(claim, score);
  if (lineNumbers && lineNumbers.length > 0)
    return all.filter((l) => lineNumbers.includes(l.line.lineNumber));
  const picked = all.filter(predicate);
  return picked.length > 0 ? picked : all;
}

export function lineHasCategory(l: ScoredLine, category: DenialCategory): boolean {
  return l.score.categories.includes(category);
}

export function lineHasFlag(l: ScoredLine, kind: FlagKind): boolean {
  return l.score.flags.some((f) => f.kind === kind);
}

/** PR-45: the excess over the allowed amount billed to the member (domain.md 4.1, 4.2). */
export function pr45Cents(line: ClaimLine): number {
  return line.adjustments
    .filter((a) => a.group === 'PR' && a.reason === '45')
    .reduce((sum, a) => sum + a.amountCents, 0);
}

/**
 * The lines in a denial category; when only the claim level carries the category (a claim-level CAS),
 * every line.
 */
export function linesInCategory(claim: Claim, score: ClaimScore, category: DenialCategory): ScoredLine[] {
  const all = scoredLines(claim, score);
  const hit = all.filter((l) => lineHasCategory(l, category));
  if (hit.length > 0) return hit;
  return score.categories.includes(category) ? all : [];
}

/** The adjustment codes (`CO-50`) on these lines, or on the claim, that put it in a category (domain.md 4.2). */
export function categoryCodes(claim: Claim, lines: readonly ClaimLine[], category: DenialCategory): string[] {
  const adjustments = [...lines.flatMap((l) => l.adjustments), ...claim.adjustments];
  return [
    ...new Set(
      adjustments.filter((a) => categorizeAdjustment(a) === category).map((a) => `${a.group}-${a.reason}`),
    ),
  ];
}

/** What a denial letter pursues: the expected allowed where priced, else the billed charge. */
export function deniedValueCents(lines: readonly ScoredLine[]): number {
  return lines.reduce((sum, l) => sum + (l.score.expectedCents ?? l.line.billedCents), 0);
}
