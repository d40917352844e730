import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_SET } from '../../../../rules/pricing/policy';
import { scoreClaim } from '../../../../rules/score';
import { saveClaims } from '../../../../storage/claims';
import { enableLock } from '../../../../storage/crypto';
import { type OonDatabase, openDatabase } from '../../../../storage/db';
import { type ImportProgress, importRemittances } from '../../../../storage/imports/era835';
import { build835, simpleClaim } from '../../rules/x12/build-835';

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

  it('when the disk fills during a later file, keeps the files before it and says which were not imported', async () => {
    let calls = 0;
    const failing = (c: Parameters<typeof scoreClaim>[0]) => {
      if (++calls > 12) throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
      return score(c);
    };
    const first = sample('pyx12/835_mult_loops.txt');
    const big = sample('oopfactory-x12parser/5010_ExampleFromNth_deidentified.txt');
    const last = sample('pyx12/835_simple_4010X091A1.txt');
    const reports = await importRemittances(db, [first, big, last], failing, 'now');
    expect(reports.map((r) => [r.fileName, r.ok])).toEqual([
      [first.name, true],
      [big.name, false],
      [last.name, false],
    ]);
    expect(reports[1]!.error).toBe(
      `${big.name}: This computer has run out of space for OON Guard's data. Free some disk space or delete old claims, then try again. Nothing of this file was saved; the files before it were.`,
    );
    expect(reports[2]!.error).toBe(`${last.name}: not imported: the import stopped at ${big.name}.`);
    expect(await db.claims.count()).toBe(reports[0]!.claimCount);
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

describe('importRemittances on large files, read in slices and saved in batches', () => {
  // Big enough for several 2,000-claim batches; slices far smaller than the file.
  const claims = Array.from({ length: 4500 }, (_, n) => simpleClaim(n));
  const text = build835([
    { totalPaid: `${claims.length * 150}.00`, claims },
    // The same claim again at the end (a correction): one record, the later read merged over the first.
    { control: '0002', totalPaid: '150.00', claims: [{ ...simpleClaim(7), claimNumber: 'SYNCLM000007' }] },
  ]);
  const SLICE = 64 * 1024;

  it('stores the same records from a file read in slices as from its text, each claim once', async () => {
    const blob = new Blob([text]);
    const reports = await importRemittances(
      db,
      [{ name: 'big.835', blob }],
      score,
      '2026-11-27T00:00:00Z',
      undefined,
      SLICE,
    );
    expect(reports[0]).toMatchObject({ ok: true, claimCount: 4501, transactionCount: 2 });
    const fromBlob = await db.claims.toArray();
    expect(fromBlob).toHaveLength(4500);

    const other = openDatabase(`era-text-${n}`);
    try {
      await importRemittances(other, [{ name: 'big.835', text }], score, '2026-11-27T00:00:00Z');
      expect(await other.claims.toArray()).toEqual(fromBlob);
    } finally {
      await other.delete();
    }
  });

  it('imports the same file again without duplicating claims or sources', async () => {
    const file = { name: 'big.835', blob: new Blob([text]) };
    await importRemittances(db, [file], score, 'first', undefined, SLICE);
    await importRemittances(db, [file], score, 'second', undefined, SLICE);
    const stored = await db.claims.toArray();
    expect(stored).toHaveLength(4500);
    expect(stored.every((r) => r.sources.length === 1 && r.sources[0]?.readAt === 'second')).toBe(true);
  });

  it('imports nothing of a file whose error is in its last slice, and names the segment', async () => {
    const at = text.lastIndexOf('SVC*');
    const broken = `${text.slice(0, at)}CAS*CO*45*4O~${text.slice(at)}`;
    const reports = await importRemittances(
      db,
      [{ name: 'late-error.835', blob: new Blob([broken]) }],
      score,
      'now',
      undefined,
      SLICE,
    );
    expect(reports[0]).toMatchObject({ ok: false, fileName: 'late-error.835' });
    expect(reports[0]!.error).toMatch(/^late-error\.835: segment \d+ \(CAS\): expected an amount in CAS03/);
    expect(await db.claims.count()).toBe(0);
  });

  it('seals patient fields under the passphrase lock, batch by batch', async () => {
    await enableLock(db, 'correct horse battery staple', { now: 'now' });
    const small = build835([{ totalPaid: '300.00', claims: [simpleClaim(1), simpleClaim(2)] }]);
    const reports = await importRemittances(
      db,
      [{ name: 'locked.835', blob: new Blob([small]) }],
      score,
      'now',
      undefined,
      256,
    );
    expect(reports[0]).toMatchObject({ ok: true, claimCount: 2 });
    const stored = await db.claims.toArray();
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => 'phi' in r.claim && r.claim.patientName === undefined)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('TESTPATIENT');
  });

  it('reports progress as the file is read and its claims saved, ending at the totals', async () => {
    // Three payments (ST transactions) of 1,500 claims: a payment's claims are saved once it has been read.
    const payments = [0, 1, 2].map((t) => {
      const own = claims.slice(t * 1500, (t + 1) * 1500);
      return { control: `000${t + 1}`, totalPaid: `${own.length * 150}.00`, claims: own };
    });
    const multi = build835(payments);
    const seen: ImportProgress[] = [];
    await importRemittances(
      db,
      [{ name: 'big.835', blob: new Blob([multi]) }],
      score,
      'now',
      (p) => seen.push(p),
      SLICE,
    );
    expect(seen.length).toBeGreaterThan(5);
    // Claims are saved while the file is still being read: one pass, not a reading pass then a saving one.
    expect(seen.some((p) => p.claimsSaved > 0 && p.read < p.total)).toBe(true);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.read).toBeGreaterThanOrEqual(seen[i - 1]!.read);
      expect(seen[i]!.claimsSaved).toBeGreaterThanOrEqual(seen[i - 1]!.claimsSaved);
    }
    expect(seen.at(-1)).toEqual({ read: multi.length, total: multi.length, claimsSaved: 4500 });
  });

  it('keeps the good files of an import when a later one proves unreadable in its last slice', async () => {
    const at = text.lastIndexOf('SVC*');
    const broken = `${text.slice(0, at)}CAS*CO*45*4O~${text.slice(at)}`;
    const small = build835([{ totalPaid: '300.00', claims: [simpleClaim(900001), simpleClaim(900002)] }]);
    const reports = await importRemittances(
      db,
      [
        { name: 'good.835', blob: new Blob([small]) },
        { name: 'late-error.835', blob: new Blob([broken]) },
      ],
      score,
      'now',
      undefined,
      SLICE,
    );
    expect(reports.map((r) => [r.fileName, r.ok, r.claimCount])).toEqual([
      ['good.835', true, 2],
      ['late-error.835', false, 0],
    ]);
    // Thousands of the broken file's claims were written before its error was read: all undone.
    expect((await db.claims.toCollection().primaryKeys()).sort()).toEqual(['SYNCLM900001', 'SYNCLM900002']);
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
