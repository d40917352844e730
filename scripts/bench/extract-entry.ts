/** Bundled by scripts/bench/extract.ts into a page, so the readers can be timed in Chromium itself. */
import { z } from 'zod';
import { detect } from '../../rules/extract/detect';
import { extract, isReady } from '../../rules/extract/extract';
import { readGeneric } from '../../rules/extract/generic';
import { PORTAL_RULES } from '../../rules/portals/registry';

// As in the content script: MV3's CSP forbids eval, so zod runs without its compiled fast path there.
z.config({ jitless: true });

(globalThis as unknown as { __oon: unknown }).__oon = { detect, extract, isReady, readGeneric, PORTAL_RULES };
