/**
 * 835 import into IndexedDB in Chromium, through the built extension's options page as a biller would
 * use it: a generated ~50 MB 835 imported (target under 20 s, memory flat), with the page's JS heap
 * sampled over CDP while it runs. The target's file is shaped like the shared real remittances
 * (scripts/bench/era-file.ts); the 835 reader benchmark's denser file (twice the claims per MB) is
 * imported after it for comparison (OON_BENCH_DENSE=0 skips it).
 * Build first: `OON_OUT_DIR=.output-perf npm run build`, then run with OON_OUT_DIR=.output-perf
 * (`npx tsx scripts/bench/idb.ts`, or `npm run bench`). Skips, saying why, when there is no build or
 * no Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import { extensionUnavailable, launchExtension } from '../browser/launch';
import { buildRemittanceFile } from './era-file';
import { buildBenchFile } from './x12';

/** The generated file's size: 50 MB, or OON_ERA_MB (to see whether the heap peak follows the file's size). */
const ERA_BYTES = Number(process.env.OON_ERA_MB ?? 50) * 1024 * 1024;
const ERA_TARGET_S = 20;

interface HeapSampler {
  stop: () => Promise<{
    maxUsedMB: number;
    /** Peak before the first claim was saved, and after. */
    maxReadingMB: number;
    maxSavingMB: number;
    samples: number;
    savingAfterS?: number;
    lastStatus: string;
  }>;
}

/**
 * Polls the page's V8 heap over CDP; a busy page answers late, so the count of samples is printed too.
 * With `live` each sample collects garbage first (once a second, slowing the import): the peak is
 * then what the import keeps alive, not what V8 has yet to collect.
 */
async function sampleHeap(cdp: CDPSession, live = false): Promise<HeapSampler> {
  let maxUsed = 0;
  let maxReading = 0;
  let maxSaving = 0;
  let samples = 0;
  let running = true;
  let lastStatus = '';
  let savingAfterS: number | undefined;
  const t0 = performance.now();
  const loop = (async () => {
    while (running) {
      try {
        if (live) await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        maxUsed = Math.max(maxUsed, usedSize);
        samples++;
        const status = (await cdp.send('Runtime.evaluate', {
          expression:
            "document.querySelector('section[aria-labelledby=era-heading] [role=status]')?.textContent ?? ''",
          returnByValue: true,
        })) as { result: { value?: string } };
        const text = status.result.value ?? '';
        if (text) lastStatus = text;
        // "Importing: 12 of 56 MB read, 40,000 claims saved": saving once a claim is saved.
        const saving = /[1-9][\d,]* claims? saved/.test(lastStatus);
        if (saving) maxSaving = Math.max(maxSaving, usedSize);
        else maxReading = Math.max(maxReading, usedSize);
        if (savingAfterS === undefined && saving) savingAfterS = (performance.now() - t0) / 1000;
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, live ? 1000 : 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return {
        maxUsedMB: maxUsed / 2 ** 20,
        maxReadingMB: maxReading / 2 ** 20,
        maxSavingMB: maxSaving / 2 ** 20,
        samples,
        lastStatus,
        ...(savingAfterS === undefined ? {} : { savingAfterS }),
      };
    },
  };
}

/**
 * CPU seconds of this process's descendants by Chromium process type (Linux /proc; empty elsewhere).
 * IndexedDB writes run in the browser process, the import's JavaScript in the extension's renderer:
 * the split says which one bounds the import, and unlike wall time it holds on a busy machine.
 */
function chromiumCpuSeconds(): Record<string, number> {
  const children = new Map<number, number[]>();
  const info = new Map<number, { cpu: number; type: string }>();
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
        info.set(Number(d), { cpu: (Number(fields[11]) + Number(fields[12])) / 100, type });
        const parent = Number(fields[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(d)]);
      } catch {
        // The process ended while being read.
      }
    }
  } catch {
    return {};
  }
  const out: Record<string, number> = {};
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    const p = info.get(pid);
    if (p) out[p.type] = (out[p.type] ?? 0) + p.cpu;
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function cpuSince(before: Record<string, number>): string {
  const now = chromiumCpuSeconds();
  const parts = Object.keys(now)
    .map((k) => [k, (now[k] ?? 0) - (before[k] ?? 0)] as const)
    .filter(([, v]) => v >= 0.1)
    .sort((a, b) => b[1] - a[1]);
  return parts.length > 0 ? parts.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ') : 'not measured';
}

async function heapUsedMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

/** Imports 835 files through the page's file input and waits for the report (or the error). */
export async function importEra(
  page: Page,
  files: string[],
  timeoutMs: number,
): Promise<{ seconds: number; report: string }> {
  const reports = page.getByTestId('era-reports').or(page.getByTestId('era-error'));
  const t0 = performance.now();
  await page.getByTestId('era-file').setInputFiles(files);
  await reports.first().waitFor({ timeout: timeoutMs });
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    report: ((await reports.first().textContent()) ?? '').replace(/\s+/g, ' ').slice(0, 300),
  };
}

/** Imports one generated file into a fresh profile and prints what it cost; returns the seconds taken. */
async function importOne(
  label: string,
  file: { text: string; claims: number },
  dir: string,
): Promise<number> {
  const ext = await launchExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const cdp = await ext.context.newCDPSession(page);
    const big = path.join(dir, 'bench-50mb.835');
    await writeFile(big, file.text);
    const eraMB = file.text.length / 2 ** 20;
    const baseMB = await heapUsedMB(cdp);
    const cpuBefore = chromiumCpuSeconds();
    const live = process.env.OON_LIVE_HEAP === '1';
    const sampler = await sampleHeap(cdp, live);
    let result: { seconds: number; report: string } | undefined;
    let failure: string | undefined;
    try {
      result = await importEra(page, [big], 240_000);
    } catch (err) {
      failure = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    const heap = await sampler.stop();
    const cpu = cpuSince(cpuBefore);
    const afterMB = await heapUsedMB(cdp).catch(() => Number.NaN);
    console.log(
      `${label}: ${eraMB.toFixed(1)} MB, ${file.claims} claims (${(file.text.length / file.claims).toFixed(0)} bytes per claim; load average ${loadavg()[0]?.toFixed(2)})`,
    );
    if (result) {
      console.log(
        `  imported into IndexedDB through the options page: ${result.seconds.toFixed(1)} s (${(eraMB / result.seconds).toFixed(1)} MB/s, ${(file.claims / result.seconds).toFixed(0)} claims/s)`,
      );
      console.log(`  page said: ${result.report}`);
    } else console.log(`  import did not finish: ${failure}`);
    console.log(
      `  first claims saved after ${heap.savingAfterS?.toFixed(1) ?? '?'} s; last progress shown: "${heap.lastStatus}"`,
    );
    console.log(`  CPU by Chromium process during the import: ${cpu}`);
    console.log(
      `  page JS heap${live ? ' (live: garbage collected before each sample)' : ''}: ${baseMB.toFixed(0)} MB before, max ${heap.maxUsedMB.toFixed(0)} MB during (${heap.samples} samples; before the first save ${heap.maxReadingMB.toFixed(0)} MB, saving ${heap.maxSavingMB.toFixed(0)} MB), ${afterMB.toFixed(0)} MB after GC; growth ${(heap.maxUsedMB - baseMB).toFixed(0)} MB for a ${eraMB.toFixed(0)} MB file`,
    );
    return result?.seconds ?? Number.POSITIVE_INFINITY;
  } finally {
    await ext.close();
  }
}

export async function main(): Promise<void> {
  const why = extensionUnavailable();
  if (why) {
    console.log(`skipped: ${why}`);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'oon-idb-bench-'));
  try {
    // The target's file: shaped like the shared real remittances (scripts/bench/era-file.ts).
    const seconds = await importOne(
      'generated 835 shaped like real remittances',
      buildRemittanceFile(ERA_BYTES),
      dir,
    );
    console.log(
      `target: 50 MB 835 imported < ${ERA_TARGET_S} s: ${seconds < ERA_TARGET_S ? 'met' : 'NOT met'} (${seconds.toFixed(1)} s)`,
    );
    // The 835 reader's denser file (two lines, about 300 bytes a claim: twice the claims per MB of
    // real remittances), for comparison: IndexedDB's cost is per claim written.
    if (process.env.OON_BENCH_DENSE !== '0')
      await importOne("the reader benchmark's denser 835", buildBenchFile(ERA_BYTES), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
