/**
 * `npm run bench`: every benchmark in turn, each printing its own figures. Speed targets live here,
 * never in timed tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const BENCHES = ['pricing', 'x12', 'extract', 'dashboard', 'medicare', 'idb'];

for (const name of BENCHES) {
  const file = path.join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${name} ===`);
  const mod = (await import(`./${name}.ts`)) as { main?: () => Promise<void> | void };
  if (typeof mod.main !== 'function') {
    console.log(`(scripts/bench/${name}.ts exports no main())`);
    continue;
  }
  await mod.main();
}
