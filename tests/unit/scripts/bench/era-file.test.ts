import { describe, expect, it } from 'vitest';
import { readEra835 } from '../../../../rules/x12';
import { buildRemittanceFile } from '../../../../scripts/bench/era-file';

describe('the import benchmark’s generated 835', () => {
  const { text, claims } = buildRemittanceFile(2 * 1024 * 1024);
  const read = readEra835(text, 'bench.835');

  it('reads without error, every claim and payment balanced', () => {
    if (!read.ok) throw new Error(read.error);
    expect(read.claims).toHaveLength(claims);
    expect(read.warnings).toEqual([]);
    expect(read.claims.filter((c) => (c.balanceErrors ?? []).length > 0)).toEqual([]);
    expect(read.transactions.every((t) => t.unbalancedClaimCount === 0 && !t.balance.error)).toBe(true);
  });

  it('is shaped like the shared real remittances: about 550 bytes and 2.65 service lines a claim, some denied', () => {
    if (!read.ok) throw new Error(read.error);
    const lines = read.claims.reduce((n, c) => n + c.lines.length, 0);
    expect(text.length / claims).toBeGreaterThan(500);
    expect(text.length / claims).toBeLessThan(650);
    expect(lines / claims).toBeCloseTo(2.65, 1);
    const denied = read.claims.filter((c) => c.status === 'denied').length / claims;
    expect(denied).toBeGreaterThan(0.08);
    expect(denied).toBeLessThan(0.12);
  });
});
