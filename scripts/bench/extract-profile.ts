/**
 * `npx tsx scripts/bench/extract-profile.ts [generic]`: CPU profile (CDP Profiler) of extract() on the
 * 500-line remittance inside Chromium, summarised as self time by function. For finding where the
 * extraction budget goes; the figures to compare are the ones scripts/bench/extract.ts prints.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumPath } from '../browser/launch';
import { bigRemittance } from './extract';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

const which = process.argv[2] === 'generic' ? 'readGeneric' : 'extract';
const bundle = await build({
  entryPoints: [path.join(import.meta.dirname, 'extract-entry.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  minify: false,
  keepNames: false,
  target: 'chrome120',
});
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.setContent(bigRemittance(500));
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.evaluate((w) => {
    const o = (
      globalThis as never as {
        __oon: Record<string, (...a: unknown[]) => unknown> & {
          PORTAL_RULES: { id: string; pageKinds: { kind: string }[] }[];
        };
      }
    ).__oon;
    const rule = o.PORTAL_RULES.find((r) => r.id === 'humana')!;
    const kind = rule.pageKinds.find((k) => k.kind === 'remittance')!;
    for (let i = 0; i < 5; i++)
      w === 'extract' ? o.extract!(rule, kind, document) : o.readGeneric!(document, { payerName: 'Humana' });
  }, which);
  await cdp.send('Profiler.start');
  const ms = await page.evaluate((w) => {
    const o = (
      globalThis as never as {
        __oon: Record<string, (...a: unknown[]) => unknown> & {
          PORTAL_RULES: { id: string; pageKinds: { kind: string }[] }[];
        };
      }
    ).__oon;
    const rule = o.PORTAL_RULES.find((r) => r.id === 'humana')!;
    const kind = rule.pageKinds.find((k) => k.kind === 'remittance')!;
    const t0 = performance.now();
    for (let i = 0; i < 30; i++)
      w === 'extract' ? o.extract!(rule, kind, document) : o.readGeneric!(document, { payerName: 'Humana' });
    return (performance.now() - t0) / 30;
  }, which);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Inclusive time: a sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      const key = `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${which}: ${ms.toFixed(2)} ms per call (profiled); self time by function, ms over 30 calls (total ${total.toFixed(0)}):`,
  );
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
  console.log('inclusive:');
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
} finally {
  await browser.close();
}
