/**
 * Quick A/B runner for the 835 reader (not part of `npm run bench`): builds the bench file once and
 * times `Era835Stream` (4 MB slices, claims not kept) and `readEra835` a few times each, printing
 * every run's wall and CPU seconds. `npx tsx scripts/bench/x12-quick.ts [stream|read|both] [runs]`.
 * X12_BENCH_FILE=path caches the bench file there; X12_BENCH_MB=n builds an n MB one instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readEra835 } from '../../rules/x12';
import { Era835Stream } from '../../rules/x12/read-era835';
import { buildBenchFile } from './x12';

const which = process.argv[2] ?? 'both';
const runs = Number(process.argv[3] ?? 5);
// X12_BENCH_FILE=path: read the bench file from there (written on the first run), so a profile shows the reader only.
const cached = process.env.X12_BENCH_FILE;
let text: string;
if (cached && existsSync(cached)) {
  // Node reads a large file as an external string; the bench's own file is a flat joined one, so copy.
  const external = readFileSync(cached, 'latin1');
  const parts: string[] = [];
  for (let i = 0; i < external.length; i += 1 << 20) parts.push(external.slice(i, i + (1 << 20)));
  text = parts.join('');
} else {
  // X12_BENCH_MB=n: a smaller bench file (n MB), e.g. for runs under valgrind.
  const mb = process.env.X12_BENCH_MB;
  text = (mb ? buildBenchFile(Number(mb) * 1024 * 1024) : buildBenchFile()).text;
  if (cached) writeFileSync(cached, text, 'latin1');
}
const mb = text.length / 1048576;
const warm = text.slice(0, 1024 * 1024);
const end = warm.lastIndexOf('SE*');
const warmFile = `${warm.slice(0, warm.indexOf('~', end) + 2)}GE*1*1~\nIEA*1*000000001~\n`;
for (let i = 0; i < 3; i++) readEra835(warmFile, 'warm.835');

function stream(): number {
  const s = new Era835Stream('bench.835');
  const slice = 4 * 1024 * 1024;
  let n = 0;
  for (let at = 0; at < text.length; at += slice)
    n += s.push(text.slice(at, at + slice), at + slice < text.length).length;
  if (!s.finish().ok) throw new Error('stream failed');
  return n;
}
function read(): number {
  const r = readEra835(text, 'bench.835');
  if (!r.ok) throw new Error(r.error);
  return r.claims.length;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
for (const [name, f] of [
  ['stream', stream],
  ['read', read],
] as const) {
  if (which !== 'both' && which !== name) continue;
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    walls.push(wall);
    cpus.push((c.user + c.system) / 1e6);
  }
  console.log(
    `${name}: wall ${walls.map((w) => w.toFixed(2)).join(' ')} (median ${(mb / median(walls)).toFixed(1)} MB/s); CPU ${cpus.map((w) => w.toFixed(2)).join(' ')} (median ${(mb / median(cpus)).toFixed(1)} MB/s)`,
  );
}
