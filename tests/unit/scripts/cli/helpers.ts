import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CliIo, run } from '../../../../scripts/cli/run';

export const AVAILITY_UNDERPAID = 'tests/fixtures/portals/availity/claim-detail--underpaid.html';
export const SAMPLE_SCHEDULE = 'public/samples/fee-schedule.csv';
export const FIXTURES = 'tests/fixtures/cli';
/** Shared data lives beside the checkout and is never copied into the repo. */
export const SHARED = path.resolve(process.cwd(), '../shared/data');
export const CMS_DIR = path.join(SHARED, 'cms-pfs/gmills21-2025');
export const ERA835_DIR = path.join(SHARED, 'era835');
export const AS_OF = '2026-11-27';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** How many times the command asked for today's date. */
  todayCalls: number;
}

/** Runs the CLI in-process: real files from disk, plus `virtual` files by path; today is fixed. */
export async function oon(argv: string[], virtual: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let todayCalls = 0;
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: async (p) => virtual[p] ?? (await readFile(p, 'utf8')),
    today: () => {
      todayCalls += 1;
      return AS_OF;
    },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, todayCalls };
}

export interface JsonLine {
  code: string;
  modifiers: string[];
  allowed: number;
  expected: number | null;
  expectedBasis: string | null;
  shortfall: number;
  flags: { kind: string; message: string }[];
}

export interface JsonClaim {
  source: string;
  portal: string;
  payer: string;
  claimNumber: string;
  serviceDate: string | null;
  paidDate: string | null;
  status: string;
  totals: Record<'billed' | 'allowed' | 'paid' | 'patientResponsibility' | 'expected' | 'shortfall', number>;
  deadlines: {
    appealBy: string | null;
    appealDaysLeft: number | null;
    openNegotiationNoticeBy: string | null;
    openNegotiationDaysLeft: number | null;
  };
  flags: { kind: string; message: string }[];
  lines: JsonLine[];
}

export interface JsonReport {
  claims: JsonClaim[];
  errors: { source: string; message: string }[];
}

export function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

export function lineByCode(claim: JsonClaim, code: string, modifiers: string[] = []): JsonLine {
  const line = claim.lines.find((l) => l.code === code && l.modifiers.join('-') === modifiers.join('-'));
  if (!line) throw new Error(`no line ${[code, ...modifiers].join('-')} on claim ${claim.claimNumber}`);
  return line;
}
