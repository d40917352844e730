/**
 * Output fingerprint of the 835 reader, for before/after checks of reader changes that must not
 * change a byte of what it returns: `npx tsx scripts/bench/x12-hash.ts` prints one SHA-256 per group
 * of inputs and one over all. Inputs: every shared sample under ../shared/data/era835, the bench
 * file, and 3,000 mutated files (seeded, so the same files every run: deleted, duplicated and swapped
 * segments, corrupted elements, truncations, other delimiters, and a richer base with institutional
 * claims, MOA/MIA/LQ remarks, SVC06 and PLB). Each input is read by `readEra835` and by `Era835Stream`
 * in slices of several sizes; a result is serialised as JSON with `undefined`-valued fields written
 * out (JSON alone would hide them, structured clone would not).
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readEra835 } from '../../rules/x12';
import { Era835Stream, readEra835Audited, VOUCH_MISMATCH } from '../../rules/x12/read-era835';
import {
  type Delims,
  interchangeSegments,
  STANDARD,
  type SynthClaim,
  serialize,
  simpleClaim,
} from '../../tests/unit/rules/x12/build-835';
import { buildBenchFile } from './x12';

const UNDEFINED = '\u0000undefined';

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? UNDEFINED : v));
}

/** Inputs read again by readEra835Audited, and those where a claim vouched for by construction failed isCanonicalClaim. */
const audit = { inputs: 0, mismatches: 0 };

/** Hashes `readEra835` on the whole text, then `Era835Stream` in each slice size; audits the vouching (not hashed). */
function feed(hash: Hash, text: string, name: string, sliceSizes: number[]): boolean {
  const audited = readEra835Audited(text, name);
  audit.inputs++;
  if (!audited.ok && audited.error.includes(VOUCH_MISMATCH)) {
    audit.mismatches++;
    console.log(`audit: ${audited.error}`);
  }
  const result = readEra835(text, name);
  if (result.ok) {
    // Claim by claim: the bench file's claims as one JSON string would pass V8's string limit.
    for (const claim of result.claims) hash.update(canonical(claim));
    hash.update(canonical({ ...result, claims: result.claims.length }));
  } else {
    hash.update(canonical(result));
  }
  for (const size of sliceSizes) {
    const stream = new Era835Stream(name);
    const claims: unknown[] = [];
    if (text.length === 0) claims.push(...stream.push('', false));
    for (let at = 0; at < text.length; at += size) {
      claims.push(...stream.push(text.slice(at, at + size), at + size < text.length));
    }
    hash.update(`stream ${size}`);
    for (const claim of claims) hash.update(canonical(claim));
    hash.update(canonical(stream.finish()));
  }
  return result.ok;
}

/** mulberry32: a small seeded generator, so the mutated files are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rich: SynthClaim[] = [
  simpleClaim(1),
  {
    account: 'SYNA9',
    status: '22',
    charge: '-100.00',
    paid: '-60.00',
    claimNumber: 'SYNICN9',
    cas: ['CO*45*-40'],
  },
  {
    ...simpleClaim(2),
    status: '2',
    filingIndicator: 'MA',
    placeOfService: '13',
    moaRemarks: ['N855', 'MA01', 'bad'],
    received: '20250302',
    lines: [
      {
        procedure: 'NU:0450',
        charge: '300.00',
        paid: '200.00',
        units: '2',
        original: 'HC:99285:25:59',
        date: '20250228',
        cas: ['CO*45*60*1', 'PR*1*20*1*PR*2*10*1*PR*3*10'],
        allowed: '240',
        remarks: ['N130', 'M15'],
      },
      { procedure: 'HC:J3490:JW', charge: '5.5', paid: '0', units: '0', cas: ['OA*23*5.50'] },
    ],
  },
  { ...simpleClaim(3), claimNumber: null, dateTo: undefined, patient: { last: '', first: 'X', id: '' } },
  { ...simpleClaim(4), status: '4', paid: '0', patientResponsibility: '', lines: [], cas: ['CO*197*250'] },
];

const BASES: string[][] = [
  interchangeSegments([
    [
      {
        totalPaid: '227.50',
        claims: [simpleClaim(1), rich[1] as SynthClaim, simpleClaim(2)],
        plb: [['L6:SYNICN9', '-12.50', 'WO:SYNICN8', '25.00']],
      },
      { control: '0002', totalPaid: '150.00', claims: [simpleClaim(3)] },
    ],
  ]),
  interchangeSegments([
    [{ totalPaid: '500.00', claims: rich, plb: [['FB:X', '1.00']], productionDate: '20250305' }],
  ]),
  interchangeSegments([[{ totalPaid: '150.00', version: '', claims: [simpleClaim(7)] }]], {
    version: '00401',
  }),
];

const DELIMS: Delims[] = [
  STANDARD,
  { element: '*', component: ':', segment: '~', newline: '\r\n' },
  { element: '|', component: '>', segment: '\n', newline: '' },
  { element: '^', component: '\\', segment: '~', newline: '\n' },
];

const VALUES = [
  '12a',
  '',
  '-',
  '.',
  '1.234',
  '99999999999999999',
  '-0',
  '.5',
  '0',
  '1e3',
  ' 5',
  '--1',
  '22',
  'MA',
  'N855',
  'HC:99213:XX',
  'NU>0450',
  '2U',
  '6R',
  '20250231',
  '20250301',
  'QC',
  'IL',
  'PE',
  'PR',
  'XX',
  '1234567893',
  'FI',
  '12-3456789',
  'B6',
  'HE',
];

function mutate(rand: () => number, base: string[]): string {
  const pick = (n: number) => Math.floor(rand() * n);
  let segments = [...base];
  const count = 1 + pick(4);
  for (let m = 0; m < count; m++) {
    const at = pick(segments.length);
    switch (pick(5)) {
      case 0:
        segments.splice(at, 1);
        break;
      case 1:
        segments.splice(at, 0, segments[at] ?? '');
        break;
      case 2: {
        const b = pick(segments.length);
        const a = segments[at] ?? '';
        segments[at] = segments[b] ?? '';
        segments[b] = a;
        break;
      }
      default: {
        const seg = segments[at] ?? '';
        if (seg.startsWith('ISA')) break;
        const elements = seg.split('*');
        const element = 1 + pick(10);
        while (elements.length <= element) elements.push('');
        const r = rand();
        elements[element] =
          r < 0.6
            ? (VALUES[pick(VALUES.length)] as string)
            : r < 0.85
              ? ((pick(200_001) - 100_000) / 100).toFixed(2)
              : String.fromCharCode(32 + pick(95), 32 + pick(95));
        segments[at] = elements.join('*');
      }
    }
  }
  const text = serialize(segments, DELIMS[pick(DELIMS.length)] as Delims);
  segments = [];
  const r = rand();
  if (r < 0.1) return text.slice(0, pick(text.length));
  if (r < 0.15) return text.slice(text.indexOf('ST'));
  return text;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'expected-output' ? [] : files(full);
    return [full];
  });
}

function main(): void {
  const all = createHash('sha256');
  const report = (label: string, hash: Hash) => {
    const digest = hash.digest('hex');
    all.update(digest);
    console.log(`${label}: ${digest}`);
  };

  const samples = createHash('sha256');
  const dir = path.resolve(process.cwd(), '../shared/data/era835');
  const sampleFiles = files(dir).sort();
  for (const f of sampleFiles) {
    feed(samples, readFileSync(f, 'utf8'), path.basename(f), [1, 7, 100, 513, 4096]);
  }
  report(`shared samples (${sampleFiles.length})`, samples);

  const mutated = createHash('sha256');
  const rand = random(835);
  const N = 3000;
  let read = 0;
  for (let i = 0; i < N; i++) {
    const text = mutate(rand, BASES[i % BASES.length] as string[]);
    if (feed(mutated, text, 'fuzz.835', i % 10 === 0 ? [1, 600] : [600])) read++;
  }
  report(`mutated files (${N}, ${read} read, ${N - read} refused)`, mutated);

  const bench = createHash('sha256');
  const { text } = buildBenchFile();
  feed(bench, text, 'bench.835', [4 * 1024 * 1024]);
  report(`bench file (${(text.length / 1048576).toFixed(1)} MB)`, bench);

  console.log(`all: ${all.digest('hex')}`);
  console.log(
    `audit (not in the hashes): ${audit.inputs} inputs read by readEra835Audited, ${audit.mismatches} with a vouched claim isCanonicalClaim refuses`,
  );
}

main();
