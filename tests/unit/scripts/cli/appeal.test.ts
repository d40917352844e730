import { describe, expect, it } from 'vitest';
import { AS_OF, AVAILITY_UNDERPAID, FIXTURES, oon, SAMPLE_SCHEDULE } from './helpers';

const base = ['appeal', '--schedule', SAMPLE_SCHEDULE, '--as-of', AS_OF];

describe('oon appeal', () => {
  it('prints the most relevant letter for the claim, found ignoring case, spaces and dashes', async () => {
    const r = await oon([
      ...base,
      '--claim',
      'a2611 0400-017',
      '--profile',
      `${FIXTURES}/profile.json`,
      AVAILITY_UNDERPAID,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Subject: Claim A26110400017: request for reconsideration of out-of-network payment/,
    );
    expect(r.stdout).toContain('Claim number:       A26110400017');
    expect(r.stdout).toContain('shortfall of $182.40');
    expect(r.stdout).toContain('Synthetic Orthopedic Group');
    expect(r.stdout).toContain('November 27, 2026');
    // The fixture profile has no TIN: the letter shows the gap and stderr lists it.
    expect(r.stderr).toContain('fill in before sending: practice TIN');
  });

  it('uses the template asked for when it applies', async () => {
    const r = await oon([
      ...base,
      '--claim',
      'A26110400017',
      '--template',
      'plan-documents-request',
      AVAILITY_UNDERPAID,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A26110400017');
  });

  it.each([
    ['an unknown template', 'no-such-letter', 'no template "no-such-letter"'],
    [
      'a template that does not apply',
      'timely-filing',
      'use one of: oon-underpayment, plan-documents-request',
    ],
  ])('refuses %s with exit 2, listing the valid names', async (_, template, says) => {
    const r = await oon([...base, '--claim', 'A26110400017', '--template', template, AVAILITY_UNDERPAID]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain('oon-underpayment');
  });

  it('exits 1 naming the claim when no input holds it', async () => {
    const r = await oon([...base, '--claim', 'Z999', AVAILITY_UNDERPAID]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no claim Z999 in the inputs (claims read: A26110400017)');
  });

  it('needs --claim', async () => {
    const r = await oon([...base, AVAILITY_UNDERPAID]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('appeal needs --claim NUMBER');
  });
});
