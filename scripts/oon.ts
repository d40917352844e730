/**
 * `npm run oon -- ...`: the OON Guard engine on the command line (scripts/cli/run.ts). This file is the
 * shell: real files, the real clock for the default `--as-of`, and the process exit code.
 */
import { z } from 'zod';

z.config({ jitless: true });

const { run } = await import('./cli/run');
const { nodeIo } = await import('./cli/io');

process.exitCode = await run(process.argv.slice(2), nodeIo());
