/**
 * Benchmark for the 835 reader: builds a ~50 MB synthetic 835 in memory, times readEra835 (parse,
 * map, balance, zod-validate every claim) and node-x12's parse (segments only, no mapping) on the
 * same text. Run: `npx tsx scripts/bench/x12.ts`. Figures are printed twice for ours, with and
 * without the zod check, because zod costs tens of microseconds per claim and dominates.
 */
import { pathToFileURL } from 'node:url';
import { X12Parser } from 'node-x12';
import { readEra835 } from '../../rules/x12';
import { readEra835Unchecked } from '../../rules/x12/read-era835';
import {
  build835,
  type SynthClaim,
  type SynthTransaction,
  simpleClaim,
} from '../../tests/unit/rules/x12/build-835';

const TARGET_BYTES = 50 * 1024 * 1024;
const CLAIMS_PER_TRANSACTION = 2000;

/** Ordinary claims with some variety: denials and a reversal/correction pair per transaction. */
function benchClaim(n: number): SynthClaim {
  const claim = simpleClaim(n);
  if (n % 10 === 3) {
    return {
      ...claim,
      status: '4',
      paid: '0',
      patientResponsibility: '',
      lines: (claim.lines ?? []).map((l) => ({
        ...l,
        paid: '0',
        cas: [`CO*197*${l.charge}`],
        allowed: undefined,
      })),
    };
  }
  return claim;
}

export function buildBenchFile(targetBytes = TARGET_BYTES): { text: string; claims: number } {
  const sampleSize = build835([{ totalPaid: '0', claims: [benchClaim(1)] }]).length;
  const claimCount = Math.max(1, Math.round(targetBytes / (sampleSize - 450)));
  const transactions: SynthTransaction[] = [];
  for (let start = 0; start < claimCount; start += CLAIMS_PER_TRANSACTION) {
    const claims: SynthClaim[] = [];
    let paidCents = 0;
    for (let n = start; n < Math.min(claimCount, start + CLAIMS_PER_TRANSACTION); n++) {
      const claim = benchClaim(n);
      paidCents += Math.round(Number(claim.paid) * 100);
      claims.push(claim);
    }
    transactions.push({
      control: String(transactions.length + 1).padStart(4, '0'),
      totalPaid: (paidCents / 100).toFixed(2),
      claims,
    });
  }
  return {
    text: build835(transactions, { element: '*', component: ':', segment: '~', newline: '\n' }),
    claims: claimCount,
  };
}

function time<T>(f: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

export function main(): { oursMBps: number; parseMapMBps: number; nodeX12MBps: number | null } {
  const { text, claims } = buildBenchFile();
  const mb = text.length / (1024 * 1024);
  console.log(`synthetic 835: ${mb.toFixed(1)} MB, ${claims} claims`);

  // One warm-up on a slice so the JIT has seen the hot paths; then the measured run.
  readEra835(buildBenchFile(1024 * 1024).text, 'warmup.835');
  const parseMap = time(() => readEra835Unchecked(text, 'bench.835'));
  const parseMapMBps = mb / parseMap.seconds;
  console.log(
    `parse + map + balance (no zod): ${parseMap.seconds.toFixed(2)} s, ${parseMapMBps.toFixed(1)} MB/s`,
  );
  const ours = time(() => readEra835(text, 'bench.835'));
  if (!ours.value.ok) throw new Error(`bench file did not read: ${ours.value.error}`);
  const oursMBps = mb / ours.seconds;
  console.log(
    `readEra835 (with ClaimSchema on every claim): ${ours.seconds.toFixed(2)} s, ${oursMBps.toFixed(1)} MB/s (${ours.value.claims.length} claims, ${ours.value.warnings.length} warnings)`,
  );

  let nodeX12MBps: number | null = null;
  try {
    const theirs = time(() => new X12Parser(true).parse(text));
    nodeX12MBps = mb / theirs.seconds;
    console.log(
      `node-x12 parse (segments only, no claim mapping): ${theirs.seconds.toFixed(2)} s, ${nodeX12MBps.toFixed(1)} MB/s`,
    );
    console.log(`ratio ours / node-x12: ${(oursMBps / nodeX12MBps).toFixed(2)}x`);
  } catch (err) {
    console.log(`node-x12 could not parse the file: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { oursMBps, parseMapMBps, nodeX12MBps };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
