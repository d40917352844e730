import type { GlanceCountReply, GlanceCountRequest } from './glance-counter';

/**
 * Counts the popup's glance again in a worker (./glance-counter.ts) after a page changed claims (a bulk
 * mark on the dashboard, an 835 import on the options page);
 * one count at a time, and one more if claims changed while it ran. Where no worker can be started,
 * the popup counts when it next opens.
 */
export const countGlanceAgain = (() => {
  let running = false;
  let again = false;
  const run = (asOf: string) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./glance-counter.ts', import.meta.url), { type: 'module' });
    } catch {
      return;
    }
    running = true;
    const done = () => {
      worker.terminate();
      running = false;
      if (again) {
        again = false;
        run(asOf);
      }
    };
    worker.onmessage = (_: MessageEvent<GlanceCountReply>) => done();
    worker.onerror = done;
    worker.postMessage({ asOf } satisfies GlanceCountRequest);
  };
  return (asOf: string) => {
    if (running) again = true;
    else run(asOf);
  };
})();
