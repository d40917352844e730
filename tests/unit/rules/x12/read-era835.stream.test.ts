import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Era835Result, readEra835 } from '../../../../rules/x12';
import { Era835Stream } from '../../../../rules/x12/read-era835';
import { build835, simpleClaim } from './build-835';

const DATA = path.resolve(process.cwd(), '../shared/data/era835');

function x12Files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'expected-output' ? [] : x12Files(full);
    return /\.(835|txt|dat|edi)$/i.test(name) ? [full] : [];
  });
}

/** The stream's pieces put back together in readEra835's shape. */
function readInSlices(text: string, size: number): Era835Result {
  const stream = new Era835Stream('sliced.835');
  const claims = [];
  if (text.length === 0) claims.push(...stream.push('', false));
  for (let at = 0; at < text.length; at += size) {
    claims.push(...stream.push(text.slice(at, at + size), at + size < text.length));
  }
  const result = stream.finish();
  return result.ok
    ? { ok: true, transactions: result.transactions, claims, warnings: result.warnings }
    : result;
}

const reversalAndCorrection = build835([
  {
    totalPaid: '150.00',
    claims: [
      simpleClaim(1),
      {
        ...simpleClaim(2),
        status: '22',
        charge: '-250.00',
        paid: '-150.00',
        patientResponsibility: '-20.00',
      },
    ],
  },
  { control: '0002', totalPaid: '150.00', claims: [simpleClaim(2)] },
]);

describe('Era835Stream: a file read in slices reads exactly as readEra835 reads it whole', () => {
  const samples = x12Files(DATA).map((f) => [path.relative(DATA, f), readFileSync(f, 'utf8')] as const);

  it.each(samples)('%s, cut every 1, 97 and 4096 characters', (_, text) => {
    const whole = readEra835(text, 'sliced.835');
    expect(whole.ok).toBe(true);
    for (const size of [1, 97, 4096]) expect(readInSlices(text, size)).toEqual(whole);
  });

  it('links a reversal to its correction in a later slice and transaction', () => {
    const whole = readEra835(reversalAndCorrection, 'sliced.835');
    expect(whole.ok && whole.transactions[0]?.reversals[0]?.correctionIndex).toBe(2);
    expect(JSON.stringify(readInSlices(reversalAndCorrection, 50))).toBe(JSON.stringify(whole));
  });

  it('hands out each transaction’s claims as soon as its SE is read', () => {
    const text = build835([
      { totalPaid: '300.00', claims: [simpleClaim(1), simpleClaim(2)] },
      { control: '0002', totalPaid: '600.00', claims: [3, 4, 5, 6].map(simpleClaim) },
    ]);
    const stream = new Era835Stream('early.835');
    // A slice's last 512 characters wait for the next one (an ISA header cut in two is not read).
    const cut = text.indexOf('ST*835*0002') + 600;
    expect(cut).toBeLessThan(text.length - 100);
    expect(stream.push(text.slice(0, cut), true).map((c) => c.claimNumber)).toEqual([
      'SYNCLM000001',
      'SYNCLM000002',
    ]);
    expect(stream.push(text.slice(cut), false)).toHaveLength(4);
    expect(stream.finish()).toMatchObject({ ok: true, claimCount: 6 });
  });

  it.each([
    ['truncated in the last transaction', reversalAndCorrection.slice(0, -60)],
    [
      'binary data after good segments',
      `${reversalAndCorrection.slice(0, 900)}\u0000${reversalAndCorrection.slice(900)}`,
    ],
    ['a 277 instead of an 835', reversalAndCorrection.replace('ST*835*0002', 'ST*277*0002')],
    ['empty', ''],
    ['blank', ' \n '],
    ['not X12', 'hello, this is not a remittance'],
  ])('fails with readEra835’s message: %s', (_, text) => {
    const whole = readEra835(text, 'sliced.835');
    expect(whole.ok).toBe(false);
    for (const size of [1, 64, 4096]) expect(readInSlices(text, size)).toEqual(whole);
  });
});
