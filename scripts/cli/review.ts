import { formatCents } from '../../rules/appeals/format';
import { type ChargeReview, reviewCharges } from '../../rules/charges/index';
import { type CodingFinding, checkClaimCoding } from '../../rules/coding/index';
import type { Claim } from '../../rules/model';
import { type DenialPattern, findDenialPatterns } from '../../rules/patterns/index';
import { loadContext } from './context';
import { type ReadClaim, readInputs, type SourceMessage } from './inputs';
import type { CliIo } from './io';
import { parseScoreOptions, type ScoreOptions, UsageError } from './options';
import { dollars } from './report';

export const REVIEW_USAGE = `oon review: what a payer reviewer would use against the practice (issue 9)

Usage:
  npm run oon -- review --medicare-rvu CSV --medicare-gpci CSV [options] FILE...

Coding checks on every claim read from FILE (saved portal pages, 835 files), from the Medicare PFS
indicators: 26/TC, 50 and RT/LT, assistant (80/81/82/AS), 62, 66, status B/N/I/X, an E/M inside a
global surgical period without 24/25/57 (also across the claims given for the same patient), and units
the remittance did not allow. Each finding names the rule, its source and the fix.

With --schedule and --locality (and --ucr with --region), the charge review of the first schedule:
ratio to Medicare, UCR percentile rank, not-defensible / below-allowed / no-charge flags by impact.
Denial patterns over the claims read close the report.

Options: the score options (npm run oon -- --help), of which --medicare-rvu and --medicare-gpci are
required; --json prints JSON.
`;

export interface ClaimReview extends ReadClaim {
  findings: CodingFinding[];
}

export interface ReviewReport {
  asOf: string;
  claims: ClaimReview[];
  chargeReview: ChargeReview | null;
  denialPatterns: DenialPattern[];
  errors: SourceMessage[];
  warnings: SourceMessage[];
}

/** The same patient: member ID or account number, when both claims carry it. */
function samePatient(a: Claim, b: Claim): boolean {
  if (a.memberId && b.memberId) return a.memberId === b.memberId;
  if (a.patientAccount && b.patientAccount) return a.patientAccount === b.patientAccount;
  return false;
}

export async function reviewInputs(io: CliIo, o: ScoreOptions): Promise<ReviewReport> {
  if (o.medicareRvu === undefined) {
    throw new UsageError(
      'review needs --medicare-rvu and --medicare-gpci: the coding checks read the PFS indicators',
    );
  }
  const asOf = o.asOf ?? io.today();
  const loaded = await loadContext(io, o, asOf);
  // Pricing policies do not matter here: the review reads the files directly.
  for (const w of loaded.warnings) if (!/is loaded but no policy uses/.test(w)) io.stderr(`warning: ${w}\n`);
  const inputs = await readInputs(io, o.files);
  const medicare = loaded.pricing.medicare!;
  const all = inputs.claims.map((c) => c.claim);
  const claims = inputs.claims.map((c) => ({
    ...c,
    findings: checkClaimCoding(c.claim, medicare, {
      priorClaims: all.filter((other) => other !== c.claim && samePatient(other, c.claim)),
    }),
  }));
  const schedule = loaded.pricing.schedules[0]?.schedule;
  const chargeReview = schedule
    ? reviewCharges({
        schedule,
        claims: all,
        medicare,
        locality: loaded.pricing.defaultLocality,
        ucr: loaded.pricing.ucr,
        region: loaded.pricing.region,
        asOf,
      })
    : null;
  return {
    asOf,
    claims,
    chargeReview,
    denialPatterns: findDenialPatterns(all),
    errors: inputs.errors,
    warnings: inputs.warnings,
  };
}

export function reviewJson(r: ReviewReport): string {
  return `${JSON.stringify(
    {
      asOf: r.asOf,
      claims: r.claims.map((c) => ({
        source: c.source,
        portal: c.portal,
        claimNumber: c.claim.claimNumber,
        payer: c.claim.payerName,
        findings: c.findings,
      })),
      chargeReview: r.chargeReview && {
        notes: r.chargeReview.notes,
        rows: r.chargeReview.rows.map((row) => ({
          code: row.code,
          modifier: row.modifier,
          charge: row.chargeCents === null ? null : dollars(row.chargeCents),
          medicare: row.medicareCents === null ? null : dollars(row.medicareCents),
          medicareBasis: row.medicareBasis,
          percentOfMedicare: row.percentOfMedicare,
          ucrRank: row.ucrRank,
          ucrRankText: row.ucrRankText,
          medianAllowed: row.medianAllowedCents === null ? null : dollars(row.medianAllowedCents),
          volumeUnits: row.volumeUnits,
          impact: dollars(row.impactCents),
          flags: row.flags,
          evidence: row.evidence,
        })),
      },
      denialPatterns: r.denialPatterns.map(({ deniedCents, ...p }) => ({
        ...p,
        denied: dollars(deniedCents),
      })),
      errors: r.errors,
      warnings: r.warnings,
    },
    null,
    2,
  )}\n`;
}

function table(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, col) =>
        col === r.length - 1
          ? cell
          : right.has(col)
            ? cell.padStart(widths[col]!)
            : cell.padEnd(widths[col]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

export function reviewText(r: ReviewReport): string {
  const out: string[] = [];
  for (const c of r.claims) {
    out.push(`Claim ${c.claim.claimNumber}  ${c.claim.payerName}  (${c.portal}, ${c.source})`);
    if (c.findings.length === 0) out.push('  No coding findings.');
    for (const f of c.findings) out.push(`  line ${f.lineNumber}  ${f.rule}: ${f.message}`);
    out.push('');
  }
  if (r.chargeReview) {
    out.push('Charge review (by impact)');
    for (const n of r.chargeReview.notes) out.push(`  note: ${n}`);
    const rows = [
      ['Code', 'Charge', 'Medicare', '% Medicare', 'UCR rank', 'Median allowed', 'Units', 'Impact', 'Flags'],
    ];
    for (const row of r.chargeReview.rows) {
      rows.push([
        row.modifier ? `${row.code}-${row.modifier}` : row.code,
        row.chargeCents === null ? '-' : formatCents(row.chargeCents),
        row.medicareCents === null ? '-' : formatCents(row.medicareCents),
        row.percentOfMedicare === null ? '-' : `${row.percentOfMedicare}%`,
        row.ucrRankText ?? '-',
        row.medianAllowedCents === null ? '-' : formatCents(row.medianAllowedCents),
        String(row.volumeUnits),
        formatCents(row.impactCents),
        row.flags.map((f) => f.kind).join(' '),
      ]);
    }
    out.push(...table(rows, new Set([1, 2, 3, 5, 6, 7])).map((l) => `  ${l}`));
    for (const row of r.chargeReview.rows) for (const f of row.flags) out.push(`  ${f.kind}: ${f.message}`);
    out.push('');
  }
  if (r.denialPatterns.length > 0) {
    out.push('Denial patterns');
    for (const p of r.denialPatterns) out.push(`  ${p.summary}: ${p.rootCause}`);
    out.push('');
  }
  const findings = r.claims.reduce((n, c) => n + c.findings.length, 0);
  const withFindings = r.claims.filter((c) => c.findings.length > 0).length;
  out.push(
    `${r.claims.length} claim${r.claims.length === 1 ? '' : 's'} reviewed; ${findings} coding finding${findings === 1 ? '' : 's'} on ${withFindings} claim${withFindings === 1 ? '' : 's'} (as of ${r.asOf}).`,
  );
  return `${out.join('\n')}\n`;
}

/** `oon review`: exit 0 when every input was read, 1 when one was not. */
export async function review(argv: string[], io: CliIo): Promise<number> {
  const o = parseScoreOptions(argv);
  if (o.help) {
    io.stdout(REVIEW_USAGE);
    return 0;
  }
  const report = await reviewInputs(io, o);
  for (const w of report.warnings) io.stderr(`warning: ${w.source}: ${w.message}\n`);
  for (const e of report.errors) io.stderr(`error: ${e.message}\n`);
  io.stdout(o.json ? reviewJson(report) : reviewText(report));
  return report.errors.length > 0 ? 1 : 0;
}
