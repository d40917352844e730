import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AVAILITY_UNDERPAID, parseReport, SAMPLE_SCHEDULE } from './helpers';

const exec = promisify(execFile);

describe('oon as a real process', () => {
  it('runs through npx tsx, prints JSON and exits 1 when one input is missing', async () => {
    const args = [
      'tsx',
      'scripts/oon.ts',
      'score',
      '--json',
      '--schedule',
      SAMPLE_SCHEDULE,
      '--as-of',
      '2026-11-27',
    ];
    const failed = await exec('npx', [...args, AVAILITY_UNDERPAID, 'missing.835'], { encoding: 'utf8' }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('missing.835');
    const report = parseReport(failed?.stdout ?? '');
    expect(report.claims.map((c) => [c.claimNumber, c.totals.shortfall])).toEqual([['A26110400017', 182.4]]);
    expect(report.errors.map((e) => e.source)).toEqual(['missing.835']);
  }, 60_000);
});
