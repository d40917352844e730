import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from '@playwright/test';
import { EXTENSION_DIR } from '../../scripts/browser/launch';
import { DEMO_PORTALS } from '../../scripts/demo-portal/index';
import { expect, loadSampleSchedule, test } from './fixtures';

const PORTAL_ORIGINS = new Set(DEMO_PORTALS.map((p) => p.origin));

interface Seen {
  url: string;
  from: string;
}

function who(r: Request): string {
  try {
    return r.frame().url();
  } catch {
    return 'unknown';
  }
}

test('the extension makes no request of its own: every request goes to the portal under test or to the extension itself', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  const seen: Seen[] = [];
  ext.context.on('request', (r) => seen.push({ url: r.url(), from: who(r) }));
  const own = `chrome-extension://${ext.extensionId}`;

  // Extension service worker requests do not reach context.on('request'): record them in the worker,
  // at every door a request can leave by (fetch, XHR, WebSocket, EventSource, beacons).
  await ext.worker.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> & { __oonRequests: string[] };
    g.__oonRequests = [];
    const log = (u: unknown) => g.__oonRequests.push(String(u instanceof Request ? u.url : u));
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      log(input);
      return realFetch(input, init);
    };
    for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest']) {
      const Real = g[name] as (new (...a: unknown[]) => object) | undefined;
      if (!Real) continue;
      g[name] = class extends Real {
        constructor(...a: unknown[]) {
          if (name !== 'XMLHttpRequest') log(a[0]);
          super(...a);
        }
      };
    }
  });
  const workerRequests = () =>
    ext.worker.evaluate(() => (globalThis as unknown as { __oonRequests: string[] }).__oonRequests);
  await ext.worker.evaluate(() => fetch(chrome.runtime.getURL('manifest.json')).then((r) => r.text()));
  expect(await workerRequests()).toEqual([`${own}/manifest.json`]);

  // The walking skeleton, and every extension page.
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400017');
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const tabId = await tabIdOf(portal);
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  await portal.goto('https://apps.availity.com/availity/web/portal/claims/A26110400018');
  await portal.goto('https://apps.availity.com/public/apps/claim-status/results');
  await portal.getByRole('link', { name: 'A26110400017' }).first().click();
  await portal.getByRole('link', { name: 'Dispute Claim' }).click();
  await expect(panel.getByTestId('fill-appeal')).toBeEnabled();
  await panel.getByTestId('fill-appeal').click();
  await expect(panel.getByTestId('appeal-status')).toContainText('Filled the form');
  for (const p of ['popup.html', 'dashboard.html', 'options.html', 'onboarding.html']) {
    const page = await extensionPage(p);
    await page.waitForLoadState('networkidle');
  }
  // Other portals' demo pages, so every content-script path runs.
  for (const p of DEMO_PORTALS.filter((d) => d.origin !== 'https://apps.availity.com')) {
    await portal.goto(`${p.origin}/`).catch(() => undefined);
  }
  await portal.waitForTimeout(1000);

  for (const url of (await workerRequests()).slice(1)) seen.push({ url, from: 'service worker' });
  const elsewhere = seen.filter((s) => {
    const u = new URL(s.url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
    if (s.url.startsWith(`${own}/`)) return false;
    return !PORTAL_ORIGINS.has(u.origin);
  });
  expect(elsewhere, 'requests to an origin that is neither the portal under test nor the extension').toEqual(
    [],
  );
  // Nothing the extension's own pages or worker fetched came from a portal either: no remote code.
  const fromExtension = seen.filter((s) => s.from.startsWith(own) || s.from === 'service worker');
  expect(fromExtension.length).toBeGreaterThan(0);
  expect(fromExtension.filter((s) => !s.url.startsWith(`${own}/`) && !s.url.startsWith('data:'))).toEqual([]);
});

test('the manifest keeps the default CSP, loads no remote code, and asks only for the supported portals', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  const csp = JSON.stringify(manifest.content_security_policy ?? {});
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  expect(
    manifest.host_permissions.every((h: string) => h.startsWith('https://') && !h.startsWith('https://*/')),
  ).toBe(true);
  expect(manifest.optional_host_permissions ?? []).toEqual(['https://*/*']);
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  for (const html of ['sidepanel.html', 'popup.html', 'options.html', 'dashboard.html', 'onboarding.html']) {
    const text = readFileSync(path.join(EXTENSION_DIR, html), 'utf8');
    expect(text, html).not.toMatch(/(src|href)="(https?:)?\/\//);
  }
});
