/**
 * `npm run bench`: every benchmark in turn, each printing its own figures. Speed targets live here,
 * never in timed tests. Each runs in its own Node process, as each part of the product runs in its own
 * page or worker: no benchmark is measured beside the heap an earlier one left behind (the scoring
 * benchmark keeps 222,408 scored claims alive until its process ends).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const BENCHES = ['pricing', 'x12', 'extract', 'dashboard', 'medicare', 'idb'];

let failed = 0;
for (const name of BENCHES) {
  const file = path.join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed++;
    console.log(`scripts/bench/${name}.ts ended with ${run.signal ?? `exit code ${run.status}`}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
