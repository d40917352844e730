import { buildHistoryIndex } from '../../rules/pricing/history';
import { type ScoringContext, scoreClaim } from '../../rules/score';
import { appealLetter, loadProfile } from './appeal';
import { loadContext } from './context';
import { readInputs } from './inputs';
import type { CliIo } from './io';
import { parseAppealOptions, parseScoreOptions, type ScoreOptions, UsageError } from './options';
import { type Report, reportJson, reportText, type ScoredClaim } from './report';
import { review } from './review';
import { USAGE } from './usage';

export type { CliIo } from './io';

/** Exit codes: 0 all inputs read, 1 some input not read (or the claim not found), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** Reads the inputs and scores every claim with one context; history comes from this run's claims. */
export async function scoreInputs(io: CliIo, o: ScoreOptions): Promise<Report> {
  const asOf = o.asOf ?? io.today();
  const loaded = await loadContext(io, o, asOf);
  const inputs = await readInputs(io, o.files);
  for (const w of loaded.warnings) io.stderr(`warning: ${w}\n`);
  const ctx: ScoringContext = {
    asOf,
    policies: loaded.policies,
    pricing: { ...loaded.pricing, history: buildHistoryIndex(inputs.claims.map((c) => c.claim)) },
  };
  const claims: ScoredClaim[] = inputs.claims.map((c) => ({ ...c, score: scoreClaim(c.claim, ctx) }));
  return { asOf, claims, errors: inputs.errors, warnings: inputs.warnings };
}

function reportProblems(io: CliIo, report: Report): void {
  for (const w of report.warnings) io.stderr(`warning: ${w.source}: ${w.message}\n`);
  for (const e of report.errors) io.stderr(`error: ${e.message}\n`);
}

async function score(argv: string[], io: CliIo): Promise<number> {
  const o = parseScoreOptions(argv);
  if (o.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const report = await scoreInputs(io, o);
  reportProblems(io, report);
  io.stdout(o.json ? reportJson(report) : reportText(report, o.files.length));
  return report.errors.length > 0 ? EXIT_INPUT : EXIT_OK;
}

async function appeal(argv: string[], io: CliIo): Promise<number> {
  const o = parseAppealOptions(argv);
  if (o.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const profile = await loadProfile(io, o.profile);
  const report = await scoreInputs(io, o);
  reportProblems(io, report);
  return appealLetter(io, o, report, profile);
}

/**
 * The whole command line as a function: arguments in, text through `io`, exit code out. Nothing here
 * reads the clock or the disk except through `io`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr(USAGE);
        return EXIT_USAGE;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case 'score':
        return await score(rest, io);
      case 'appeal':
        return await appeal(rest, io);
      case 'review':
        return await review(rest, io);
      default:
        throw new UsageError(`unknown command "${command}": use score, appeal or review`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`oon: ${error.message}\nRun "npm run oon -- --help" for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
