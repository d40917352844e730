import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { DEMO_PORTALS } from '../demo-portal/index';

export const EXTENSION_DIR = path.resolve(
  import.meta.dirname,
  '../..',
  process.env.OON_OUT_DIR ?? '.output',
  'chrome-mv3',
);

/** The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Fails with how to get one. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install one with "apt-get install -y chromium" (Debian) or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
  }
  return candidate;
}

/** Why the built extension cannot be launched here (no build, no Chromium), or undefined when it can. */
export function extensionUnavailable(): string | undefined {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    return `no build in ${EXTENSION_DIR} (run "npm run build", or set OON_OUT_DIR to your build folder)`;
  try {
    chromiumPath();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return undefined;
}

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

/**
 * Launches Chromium with the built extension in a fresh profile. Headless unless `headed` (the demo
 * uses a window when a display exists). Root needs --no-sandbox; the network-quiet flags keep
 * Chromium from calling home on a machine without internet.
 */
export async function launchExtension(
  options: {
    headed?: boolean;
    /** Another build folder than EXTENSION_DIR (benches compare builds). */
    extensionDir?: string;
    /** A profile folder to use and keep (benches keep 50,000 stored claims between runs); else a fresh one. */
    userDataDir?: string;
  } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`The extension is not built: run "npm run build" first (looked in ${extensionDir}).`);
  }
  const fresh = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'oon-guard-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1360, height: 900 },
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  await routeDemoPortals(context);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    if (fresh) await rm(userDataDir, { recursive: true, force: true });
  };
  return { context, worker, extensionId, close };
}

/** Serves the demo portals at their real origins, so the content script's production matches apply. */
export async function routeDemoPortals(context: BrowserContext): Promise<void> {
  for (const portal of DEMO_PORTALS) {
    await context.route(`${portal.origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      const html = portal.render(url.pathname);
      if (html === undefined)
        await route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
      else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
  }
}
