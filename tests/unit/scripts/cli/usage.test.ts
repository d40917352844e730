import { describe, expect, it } from 'vitest';
import { AVAILITY_UNDERPAID, FIXTURES, oon, SAMPLE_SCHEDULE } from './helpers';

describe('oon usage', () => {
  it('prints usage for --help and exits 0', async () => {
    const r = await oon(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run oon -- score [options] FILE...');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const r = await oon([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage:');
  });

  it.each([
    ['an unknown command', ['audit', AVAILITY_UNDERPAID], 'unknown command "audit"'],
    ['an unknown option', ['score', '--fast', AVAILITY_UNDERPAID], 'unknown option --fast'],
    ['a missing option value', ['score', AVAILITY_UNDERPAID, '--schedule'], '--schedule'],
    ['an option value that is another option', ['score', '--as-of', '--json', AVAILITY_UNDERPAID], '--as-of'],
    ['a date that is not YYYY-MM-DD', ['score', '--as-of', '11/27/2026', AVAILITY_UNDERPAID], 'YYYY-MM-DD'],
    [
      'an impossible date',
      ['score', '--as-of', '2026-02-30', AVAILITY_UNDERPAID],
      '"2026-02-30" is not a date',
    ],
    ['no input files', ['score', '--schedule', SAMPLE_SCHEDULE], 'no input files'],
    [
      'an unreadable --schedule',
      ['score', '--schedule', 'nope.csv', AVAILITY_UNDERPAID],
      'cannot read --schedule nope.csv',
    ],
    [
      'an unreadable --policy',
      ['score', '--policy', 'nope.json', AVAILITY_UNDERPAID],
      'cannot read --policy nope.json',
    ],
    [
      'a --policy that is not JSON',
      ['score', '--policy', `${FIXTURES}/ucr.csv`, AVAILITY_UNDERPAID],
      'is not JSON',
    ],
    [
      'a --policy that fails the schema',
      ['score', '--policy', `${FIXTURES}/policy-bad.json`, AVAILITY_UNDERPAID],
      'default.methods[0].percent',
    ],
    [
      '--medicare-rvu without --medicare-gpci',
      ['score', '--medicare-rvu', 'x.csv', AVAILITY_UNDERPAID],
      'go together',
    ],
    [
      'a schedule without code and amount columns',
      ['score', '--schedule', `${FIXTURES}/ucr.csv`, AVAILITY_UNDERPAID],
      'no "amount" column',
    ],
    ['review without the Medicare files', ['review', AVAILITY_UNDERPAID], 'review needs --medicare-rvu'],
  ])('exits 2 on %s', async (_, argv, says) => {
    const r = await oon(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
  });

  it('gives the zod message for a bad policy', async () => {
    const r = await oon(['score', '--policy', `${FIXTURES}/policy-bad.json`, AVAILITY_UNDERPAID]);
    expect(r.stderr).toMatch(/Too small: expected number to be >0[\s\S]*default\.methods\[0\]\.percent/);
  });
});
