import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isIsoDate } from '../../rules/model';

/** A mistake in how the command was called: exit 2, with the usage hint. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every scoring command takes (score, appeal). */
export interface ScoreOptions {
  schedules: string[];
  medicareRvu: string | undefined;
  medicareGpci: string | undefined;
  locality: string | undefined;
  ucr: string | undefined;
  region: string | undefined;
  policy: string | undefined;
  /** Undefined until resolved: the shell asks the clock only when `--as-of` is absent. */
  asOf: string | undefined;
  json: boolean;
  files: string[];
  help: boolean;
}

export interface AppealOptions extends ScoreOptions {
  claim: string | undefined;
  template: string | undefined;
  profile: string | undefined;
}

const SCORE_OPTIONS = {
  schedule: { type: 'string', multiple: true },
  'medicare-rvu': { type: 'string' },
  'medicare-gpci': { type: 'string' },
  locality: { type: 'string' },
  ucr: { type: 'string' },
  region: { type: 'string' },
  policy: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const APPEAL_OPTIONS = {
  ...SCORE_OPTIONS,
  claim: { type: 'string' },
  template: { type: 'string' },
  profile: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** node:util's messages, shortened to what the biller typed. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const m = /Unknown option '([^']+)'/.exec(message);
    return `unknown option ${m ? m[1] : message}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const m = /Option '(--?[\w-]+)/.exec(message);
    return m ? `${m[1]} needs a value` : message;
  }
  return message;
}

function parse<O extends ParseArgsConfig['options']>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
}

function checkScoreOptions(o: ScoreOptions): void {
  if (o.help) return;
  if (o.asOf !== undefined && !isIsoDate(o.asOf)) {
    throw new UsageError(`--as-of "${o.asOf}" is not a date: write it YYYY-MM-DD, e.g. 2026-11-27`);
  }
  if ((o.medicareRvu === undefined) !== (o.medicareGpci === undefined)) {
    throw new UsageError('--medicare-rvu and --medicare-gpci go together: give both files');
  }
  if (o.locality !== undefined && o.medicareRvu === undefined) {
    throw new UsageError('--locality needs --medicare-rvu and --medicare-gpci');
  }
  if (o.files.length === 0) throw new UsageError('no input files: give saved portal pages or 835 files');
}

export function parseScoreOptions(argv: string[]): ScoreOptions {
  const { values: v, positionals } = parse(argv, SCORE_OPTIONS);
  const options: ScoreOptions = {
    schedules: v.schedule ?? [],
    medicareRvu: v['medicare-rvu'],
    medicareGpci: v['medicare-gpci'],
    locality: v.locality,
    ucr: v.ucr,
    region: v.region,
    policy: v.policy,
    asOf: v['as-of'],
    json: v.json ?? false,
    files: positionals,
    help: v.help ?? false,
  };
  checkScoreOptions(options);
  return options;
}

export function parseAppealOptions(argv: string[]): AppealOptions {
  const { values: v, positionals } = parse(argv, APPEAL_OPTIONS);
  const options: AppealOptions = {
    schedules: v.schedule ?? [],
    medicareRvu: v['medicare-rvu'],
    medicareGpci: v['medicare-gpci'],
    locality: v.locality,
    ucr: v.ucr,
    region: v.region,
    policy: v.policy,
    asOf: v['as-of'],
    json: v.json ?? false,
    files: positionals,
    help: v.help ?? false,
    claim: v.claim,
    template: v.template,
    profile: v.profile,
  };
  if (!options.help && options.claim === undefined) {
    throw new UsageError('appeal needs --claim NUMBER: the payer claim number of the claim to appeal');
  }
  checkScoreOptions(options);
  return options;
}
