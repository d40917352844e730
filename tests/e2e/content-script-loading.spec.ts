import type { Page, Worker } from '@playwright/test';
import { expect, loadSampleSchedule, test } from './fixtures';

/**
 * The portal content script runs in every frame of a supported portal but loads the reader only where
 * a rule could read something. A page with nothing to read keeps it unloaded until in-app navigation
 * reaches a readable page, or the extension loads the reader there to ask it something (fill).
 */
const HOME = 'https://provider.uhc.com/dashboard';

/** A UHC portal home page with nothing to read; its Claims link navigates in-app (history.pushState). */
const HOME_PAGE = `<!doctype html><html><head><title>UnitedHealthcare Provider Portal</title></head><body>
<header><strong>UnitedHealthcare Provider Portal</strong></header>
<nav aria-label="Provider portal"><a data-spa href="/claims">Claims</a> <a href="#">Eligibility</a></nav>
<main><h1>Welcome</h1><p>Eligibility, claims and payments for your practice.</p></main>
<script>
document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[data-spa]');
  if (!a) return;
  ev.preventDefault();
  history.pushState({}, '', a.getAttribute('href'));
  fetch(a.getAttribute('href')).then((r) => r.text()).then((html) => {
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.querySelector('main').replaceWith(document.adoptNode(next.querySelector('main')));
  });
});
</script></body></html>`;

/** Whether the reader runs in the top frame of `tabId`, asked in the content scripts' own world. */
function readerStarted(worker: Worker, tabId: number): Promise<boolean> {
  return worker.evaluate(async (id) => {
    const [r] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () =>
        (globalThis as unknown as Record<symbol, { started?: boolean } | undefined>)[
          Symbol.for('oon-guard.portal-reader')
        ]?.started ?? null,
    });
    return r?.result as boolean;
  }, tabId);
}

async function openHome(page: Page): Promise<void> {
  await page
    .context()
    .route(HOME, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HOME_PAGE }),
    );
  await page.goto(HOME);
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
}

test('a portal page with nothing to read does not load the reader; in-app navigation to claims does, and the list is read', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await openHome(portal);
  const tabId = await tabIdOf(portal);
  // The content script is there (its hook answers) but the reader never started.
  await portal.waitForTimeout(1000);
  expect(await readerStarted(ext.worker, tabId)).toBe(false);

  await portal.getByRole('link', { name: 'Claims' }).click();
  await expect(portal).toHaveURL('https://provider.uhc.com/claims');
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('claim-list')).toContainText('UnitedHealthcare Provider Portal list');
  expect(await readerStarted(ext.worker, tabId)).toBe(true);
});

test('on a page with nothing to read, nothing listens until the reader is needed: read again goes unanswered and loads nothing, fill loads the reader and says it is no form', async ({
  ext,
  tabIdOf,
}) => {
  const portal = await ext.context.newPage();
  await openHome(portal);
  const tabId = await tabIdOf(portal);
  const send = (type: string, data: unknown) =>
    ext.worker.evaluate(
      ({ id, type, data }) =>
        chrome.tabs.sendMessage(id, { id: 1, type, data, timestamp: Date.now() }, { frameId: 0 }).then(
          (answer) => ({ answer }),
          (e: Error) => ({ refused: e.message }),
        ),
      { id: tabId, type, data },
    );
  // The small content script answers nothing on such a page (it touches no extension API there):
  // "read this page again" finds no listener and loads no reader.
  expect(await send('readPageAgain', undefined)).toEqual({
    refused: 'Could not establish connection. Receiving end does not exist.',
  });
  expect(await readerStarted(ext.worker, tabId)).toBe(false);
  // Fill (utils/messaging.ts sendToPortal) then loads the reader into the frame, as the side panel
  // and popup do, and the reader gives the page's own answer.
  await ext.worker.evaluate(
    (id) =>
      chrome.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: ['/portal-reader.js'] }),
    tabId,
  );
  expect(await readerStarted(ext.worker, tabId)).toBe(true);
  expect(await send('fillAppealForm', { claimNumber: 'U1' })).toEqual({
    answer: { res: { ok: false, error: 'This page is not a dispute or appeal form.' } },
  });
  expect(await send('readPageAgain', undefined)).toEqual({ answer: { res: { ok: true } } });
});
