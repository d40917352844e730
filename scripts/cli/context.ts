import path from 'node:path';
import { z } from 'zod';
import type { PricingContext } from '../../rules/pricing/index';
import { buildMedicareFeeSchedule, findLocality } from '../../rules/pricing/medicare-pfs';
import { DEFAULT_POLICY_SET, type PolicySet, PolicySetSchema } from '../../rules/pricing/policy';
import { indexSchedule, type ScheduleIndex } from '../../rules/pricing/schedule';
import { indexUcr, type UcrIndex } from '../../rules/pricing/ucr';
import { parseGpciCsv, parsePprrvuCsv } from '../../storage/imports/cms-pfs';
import { parseFeeScheduleCsv } from '../../storage/imports/fee-schedule-csv';
import { parseUcrCsv } from '../../storage/imports/ucr-csv';
import { type CliIo, fileErrorReason } from './io';
import { type ScoreOptions, UsageError } from './options';

/** The pricing data and policies named on the command line; history is added once the inputs are read. */
export interface LoadedContext {
  policies: PolicySet;
  pricing: PricingContext;
  /** Problems that do not stop the run: skipped CSV rows, data no policy uses. */
  warnings: string[];
}

/** Row-level warnings beyond this many are counted, not listed: a bad export can have thousands. */
const MAX_ROW_WARNINGS = 5;

async function readOptionFile(io: CliIo, option: string, file: string): Promise<string> {
  try {
    return await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${option} ${file}: ${fileErrorReason(error)}`);
  }
}

function rowWarnings(
  option: string,
  file: string,
  errors: readonly { line: number; message: string }[],
): string[] {
  const out = errors
    .slice(0, MAX_ROW_WARNINGS)
    .map((e) => `${option} ${file} line ${e.line}: ${e.message} (row skipped)`);
  if (errors.length > MAX_ROW_WARNINGS) {
    out.push(`${option} ${file}: ${errors.length - MAX_ROW_WARNINGS} more rows skipped`);
  }
  return out;
}

function scheduleName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '') || file;
}

async function loadSchedule(
  io: CliIo,
  file: string,
  asOf: string,
  warnings: string[],
): Promise<ScheduleIndex> {
  const parsed = parseFeeScheduleCsv(await readOptionFile(io, '--schedule', file));
  if (parsed.fatal) throw new UsageError(`--schedule ${file}: ${parsed.fatal}`);
  if (parsed.rows.length === 0) throw new UsageError(`--schedule ${file}: no readable rows`);
  warnings.push(...rowWarnings('--schedule', file, parsed.errors));
  const name = scheduleName(file);
  return indexSchedule({ id: name, name, practiceId: '', rows: parsed.rows, importedAt: asOf });
}

async function loadUcr(io: CliIo, file: string, warnings: string[]): Promise<UcrIndex> {
  const parsed = parseUcrCsv(await readOptionFile(io, '--ucr', file));
  if (parsed.rows.length === 0) {
    throw new UsageError(`--ucr ${file}: ${parsed.errors[0]?.message ?? 'no readable rows'}`);
  }
  warnings.push(...rowWarnings('--ucr', file, parsed.errors));
  return indexUcr({ name: scheduleName(file), percentiles: parsed.percentiles, rows: parsed.rows });
}

async function loadPolicies(io: CliIo, file: string): Promise<PolicySet> {
  const text = await readOptionFile(io, '--policy', file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--policy ${file} is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = PolicySetSchema.safeParse(json);
  if (!parsed.success)
    throw new UsageError(`--policy ${file} is not a policy set:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads every option file; any unreadable or unusable one is a usage error (exit 2) naming the file. */
export async function loadContext(io: CliIo, o: ScoreOptions, asOf: string): Promise<LoadedContext> {
  const warnings: string[] = [];
  const policies = o.policy === undefined ? DEFAULT_POLICY_SET : await loadPolicies(io, o.policy);
  const schedules: ScheduleIndex[] = [];
  for (const file of o.schedules) schedules.push(await loadSchedule(io, file, asOf, warnings));
  const pricing: PricingContext = { schedules };
  if (o.medicareRvu !== undefined && o.medicareGpci !== undefined) {
    const rvus = parsePprrvuCsv(await readOptionFile(io, '--medicare-rvu', o.medicareRvu));
    if (rvus.rows.length === 0) {
      throw new UsageError(`--medicare-rvu ${o.medicareRvu}: ${rvus.errors[0]?.message ?? 'no RVU rows'}`);
    }
    const gpci = parseGpciCsv(await readOptionFile(io, '--medicare-gpci', o.medicareGpci));
    if (gpci.rows.length === 0) {
      throw new UsageError(`--medicare-gpci ${o.medicareGpci}: ${gpci.errors[0]?.message ?? 'no GPCI rows'}`);
    }
    warnings.push(...rowWarnings('--medicare-rvu', o.medicareRvu, rvus.errors));
    warnings.push(...rowWarnings('--medicare-gpci', o.medicareGpci, gpci.errors));
    const year = rvus.year ?? gpci.year;
    if (year === undefined) {
      throw new UsageError(
        `--medicare-rvu ${o.medicareRvu}: no year in the title rows; is this a CMS PPRRVU file?`,
      );
    }
    pricing.medicare = buildMedicareFeeSchedule({ year, rvus: rvus.rows, localities: gpci.rows });
    if (o.locality !== undefined) {
      const found = findLocality(pricing.medicare, o.locality);
      if (!found.ok) throw new UsageError(`--locality: ${found.reason}`);
      pricing.defaultLocality = o.locality;
    }
  }
  if (o.ucr !== undefined) pricing.ucr = await loadUcr(io, o.ucr, warnings);
  if (o.region !== undefined) pricing.region = o.region;
  warnings.push(...unusedData(policies, o));
  return { policies, pricing, warnings };
}

/** Data given on the command line that no policy method reads: almost always a forgotten `--policy`. */
function unusedData(policies: PolicySet, o: ScoreOptions): string[] {
  const methods = new Set(
    [policies.default, ...policies.payers].flatMap((p) => p.methods.map((m) => m.method)),
  );
  const out: string[] = [];
  const hint =
    o.policy === undefined ? ' (the default policy prices by fee schedule only: pass --policy)' : '';
  if (o.medicareRvu !== undefined && !methods.has('percent-of-medicare')) {
    out.push(`--medicare-rvu is loaded but no policy uses percent-of-medicare${hint}`);
  }
  if (o.ucr !== undefined && !methods.has('ucr')) out.push(`--ucr is loaded but no policy uses ucr${hint}`);
  if (o.schedules.length > 0 && !methods.has('schedule'))
    out.push('--schedule is loaded but no policy uses schedule');
  return out;
}
