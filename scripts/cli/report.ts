import { formatCents } from '../../rules/appeals/format';
import { daysBetween } from '../../rules/deadlines/index';
import type { Claim, ClaimScore, Flag } from '../../rules/model';
import { linePatientResponsibility } from '../../rules/pricing/allowed';
import type { ReadClaim, SourceMessage } from './inputs';

/** A claim as read and scored: the unit the report and the appeal command work on. */
export interface ScoredClaim extends ReadClaim {
  score: ClaimScore;
}

/** Cents to dollars as a JSON number with at most two decimals: 8160 → 81.6. */
export function dollars(cents: number): number {
  return Math.round(cents) / 100;
}

function flagsJson(flags: readonly Flag[]) {
  return flags.map((f) => ({ kind: f.kind, message: f.message }));
}

/** The claim's first date of service: the claim's own, else its earliest line's. */
function serviceDate(claim: Claim): string | null {
  if (claim.serviceDateFrom) return claim.serviceDateFrom;
  const dates = claim.lines.map((l) => l.serviceDate).filter((d): d is string => d !== undefined);
  return dates.sort()[0] ?? null;
}

/** Days from `asOf` to the deadline: negative once it has passed. */
function daysLeft(asOf: string, deadline: string | undefined): number | null {
  return deadline === undefined ? null : daysBetween(asOf, deadline);
}

function deadlineText(asOf: string, what: string, deadline: string | undefined): string | undefined {
  if (deadline === undefined) return undefined;
  const left = daysBetween(asOf, deadline);
  const when = left < 0 ? `passed ${-left} days ago` : left === 0 ? 'today' : `${left} days left`;
  return `${what} ${deadline} (${when})`;
}

export function claimJson({ source, portal, pageKind, confidence, claim, score }: ScoredClaim) {
  const t = score.totals;
  return {
    source,
    portal,
    pageKind: pageKind ?? null,
    confidence: confidence ?? null,
    payer: claim.payerName,
    payerId: claim.payerId ?? null,
    claimNumber: claim.claimNumber,
    serviceDate: serviceDate(claim),
    paidDate: claim.paidDate ?? null,
    status: claim.status,
    totals: {
      billed: dollars(t.billedCents),
      allowed: dollars(t.allowedCents),
      paid: dollars(t.paidCents),
      patientResponsibility: dollars(t.patientResponsibilityCents),
      expected: dollars(t.expectedCents),
      shortfall: dollars(t.shortfallCents),
    },
    deadlines: {
      appealBy: score.deadlines.appealBy ?? null,
      appealDaysLeft: daysLeft(score.asOf, score.deadlines.appealBy),
      appealBasis: score.deadlines.appealBasis ?? null,
      openNegotiationNoticeBy: score.deadlines.openNegotiationNoticeBy ?? null,
      openNegotiationDaysLeft: daysLeft(score.asOf, score.deadlines.openNegotiationNoticeBy),
    },
    nsa: score.nsa,
    priority: Math.round(score.priority * 100) / 100,
    flags: flagsJson(score.flags),
    lines: claim.lines.map((line, i) => {
      const s = score.lines[i]!;
      return {
        lineNumber: line.lineNumber,
        code: line.code,
        modifiers: line.modifiers,
        units: line.units,
        billed: dollars(line.billedCents),
        allowed: dollars(s.allowedCents),
        allowedDerived: s.allowedDerived,
        paid: dollars(line.paidCents),
        patientResponsibility: dollars(linePatientResponsibility(line)),
        adjustments: line.adjustments.map((a) => ({
          group: a.group,
          reason: a.reason,
          amount: dollars(a.amountCents),
        })),
        remarks: line.remarks,
        expected: s.expectedCents === null ? null : dollars(s.expectedCents),
        expectedBasis: s.expectedBasis,
        shortfall: dollars(s.shortfallCents),
        flags: flagsJson(s.flags),
      };
    }),
  };
}

export interface Report {
  asOf: string;
  claims: ScoredClaim[];
  errors: SourceMessage[];
  warnings: SourceMessage[];
}

export function reportJson(report: Report): string {
  return `${JSON.stringify(
    {
      asOf: report.asOf,
      claims: report.claims.map(claimJson),
      errors: report.errors,
      warnings: report.warnings,
    },
    null,
    2,
  )}\n`;
}

// ---------------------------------------------------------------------------------------------
// The human table

function codeText(code: string, modifiers: readonly string[]): string {
  return [code, ...modifiers].join('-');
}

/** Columns padded to their widest cell; the last column is left free to run long. */
function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, col) => {
        if (col === r.length - 1) return cell;
        return rightAligned.has(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!);
      })
      .join('  ')
      .trimEnd(),
  );
}

const LINE_FLAGS = new Set(['underpaid', 'denied', 'balance-billing', 'no-benchmark']);

function claimText({ source, portal, claim, score }: ScoredClaim): string {
  const t = score.totals;
  const out: string[] = [];
  out.push(`Claim ${claim.claimNumber}  ${claim.payerName}  (${portal}, ${source})`);
  const dates = [
    serviceDate(claim) ? `service ${serviceDate(claim)}` : undefined,
    claim.paidDate ? `paid ${claim.paidDate}` : undefined,
    `status ${claim.status}`,
    deadlineText(score.asOf, 'appeal by', score.deadlines.appealBy),
    deadlineText(score.asOf, 'open negotiation notice by', score.deadlines.openNegotiationNoticeBy),
  ].filter(Boolean);
  out.push(`  ${dates.join('  ')}`);
  out.push(
    `  billed ${formatCents(t.billedCents)}  allowed ${formatCents(t.allowedCents)}  paid ${formatCents(
      t.paidCents,
    )}  patient ${formatCents(t.patientResponsibilityCents)}  expected ${formatCents(
      t.expectedCents,
    )}  shortfall ${formatCents(t.shortfallCents)}`,
  );
  for (const f of score.flags) out.push(`  ${f.kind}: ${f.message}`);
  const flagged = claim.lines
    .map((line, i) => ({ line, s: score.lines[i]! }))
    .filter(({ s }) => s.flags.some((f) => LINE_FLAGS.has(f.kind)));
  if (flagged.length > 0) {
    const rows = [['Line', 'Code', 'Allowed', 'Expected', 'Shortfall', 'Why']];
    for (const { line, s } of flagged) {
      const why = s.flags.map((f) => f.message);
      if (s.expectedBasis && s.shortfallCents > 0) why.push(`expected: ${s.expectedBasis}`);
      rows.push([
        String(line.lineNumber),
        codeText(line.code, line.modifiers),
        formatCents(s.allowedCents),
        s.expectedCents === null ? '-' : formatCents(s.expectedCents),
        formatCents(s.shortfallCents),
        why.map((w) => w.replace(/\.$/, '')).join('; '),
      ]);
    }
    out.push(...table(rows, new Set([0, 2, 3, 4])).map((l) => `  ${l}`));
  } else {
    out.push('  No flagged lines.');
  }
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(report: Report, fileCount: number): string {
  const underpaid = report.claims.filter((c) => c.score.totals.shortfallCents > 0);
  const shortfall = report.claims.reduce((s, c) => s + c.score.totals.shortfallCents, 0);
  const denied = report.claims.filter((c) => c.score.flags.some((f) => f.kind === 'denied')).length;
  const parts = [
    `${plural(report.claims.length, 'claim')} from ${plural(fileCount - report.errors.length, 'file')}`,
    `${underpaid.length} underpaid by ${formatCents(shortfall)} in all`,
    `${denied} denied`,
  ];
  if (report.errors.length > 0) parts.push(`${plural(report.errors.length, 'file')} not read`);
  return `${parts.join('; ')} (as of ${report.asOf}).`;
}

export function reportText(report: Report, fileCount: number): string {
  const blocks = report.claims.map(claimText);
  blocks.push(summaryLine(report, fileCount));
  return `${blocks.join('\n\n')}\n`;
}
