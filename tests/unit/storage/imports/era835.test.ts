import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_SET } from '../../../../rules/pricing/policy';
import { scoreClaim } from '../../../../rules/score';
import { saveClaims } from '../../../../storage/claims';
import { type OonDatabase, openDatabase } from '../../../../storage/db';
import { importRemittances } from '../../../../storage/imports/era835';

const SHARED = path.resolve(process.cwd(), '../shared/data/era835');
const sample = (p: string) => ({ name: path.basename(p), text: readFileSync(path.join(SHARED, p), 'utf8') });
const score = (c: Parameters<typeof scoreClaim>[0], notes?: Parameters<typeof scoreClaim>[2]) =>
  scoreClaim(c, { asOf: '2026-11-27', policies: DEFAULT_POLICY_SET, pricing: { schedules: [] } }, notes);

let db: OonDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`era-${++n}`);
});
afterEach(() => db.delete());

describe('importRemittances', () => {
  it('stores every claim of a shared 835 with its source file and a score', async () => {
    const reports = await importRemittances(
      db,
      [sample('pyx12/835_mult_loops.txt')],
      score,
      '2026-11-27T00:00:00Z',
    );
    expect(reports[0]).toMatchObject({ ok: true, fileName: '835_mult_loops.txt' });
    const stored = await db.claims.toArray();
    expect(stored.length).toBe(reports[0]!.claimCount);
    expect(stored.length).toBeGreaterThan(0);
    expect(
      stored.every(
        (r) => r.sources[0]?.kind === 'era835' && r.sources[0].fileName === '835_mult_loops.txt' && r.score,
      ),
    ).toBe(true);
  });

  it('imports nothing from a bad file and names the file; the good file beside it is imported', async () => {
    const bad = { name: 'broken.835', text: 'ISA*00*garbage' };
    const reports = await importRemittances(db, [bad, sample('pyx12/835_mult_loops.txt')], score, 'now');
    expect(reports[0]).toMatchObject({ ok: false, fileName: 'broken.835' });
    expect(reports[0]!.error).toMatch(/^broken\.835: /);
    expect(reports[1]!.ok).toBe(true);
    expect(await db.claims.count()).toBe(reports[1]!.claimCount);
  });

  it('keeps what was stored before when the write fails half way', async () => {
    await saveClaims(
      db,
      [
        {
          claim: {
            claimNumber: 'KEEP-1',
            payerName: 'P',
            status: 'paid',
            billedCents: 1,
            paidCents: 1,
            adjustments: [],
            remarks: [],
            lines: [],
          },
          source: { kind: 'portal', readAt: 'x' },
        },
      ],
      score,
      'x',
    );
    let calls = 0;
    const failing = (c: Parameters<typeof scoreClaim>[0]) => {
      if (++calls > 30) throw new Error('disk full');
      return score(c);
    };
    const big = sample('oopfactory-x12parser/5010_ExampleFromNth_deidentified.txt');
    await expect(importRemittances(db, [big], failing, 'now')).rejects.toThrow('disk full');
    expect(calls).toBe(31);
    expect((await db.claims.toArray()).map((r) => r.key)).toEqual(['KEEP1']);
  });

  it('makes a claim seen in an 835 and on a portal page one claim with both sources', async () => {
    const reports = await importRemittances(db, [sample('pyx12/835_mult_loops.txt')], score, 'now');
    expect(reports[0]!.ok).toBe(true);
    const [first] = await db.claims.toArray();
    await saveClaims(
      db,
      [
        {
          claim: { ...first!.claim, paidDate: '2026-11-04' },
          source: { kind: 'portal', portal: 'availity', url: 'https://apps.availity.com/x', readAt: 'y' },
        },
      ],
      score,
      'y',
    );
    const after = await db.claims.get(first!.key);
    expect(after?.sources.map((s) => s.kind)).toEqual(['era835', 'portal']);
    expect(await db.claims.count()).toBe(reports[0]!.claimCount);
  });
});

describe('saveClaims keeps what the biller recorded', () => {
  it('keeps the worklist status, recovered amount and notes when the claim is read again', async () => {
    const claim = {
      claimNumber: 'W-1',
      payerName: 'P',
      status: 'paid' as const,
      billedCents: 1,
      paidCents: 1,
      adjustments: [],
      remarks: [],
      lines: [],
    };
    await saveClaims(db, [{ claim, source: { kind: 'portal', readAt: 'x' } }], score, 'x');
    await db.claims.update('W1', {
      worklistStatus: 'appealed',
      recoveredCents: 5000,
      notes: { nsaMark: 'emergency' },
    });
    await saveClaims(
      db,
      [{ claim: { ...claim, paidCents: 2 }, source: { kind: 'portal', readAt: 'y' } }],
      score,
      'y',
    );
    expect(await db.claims.get('W1')).toMatchObject({
      worklistStatus: 'appealed',
      recoveredCents: 5000,
      notes: { nsaMark: 'emergency' },
    });
    expect((await db.claims.get('W1'))?.score?.nsa).toBe(true);
  });
});
