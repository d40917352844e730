import type { Page } from '@playwright/test';
import { buildBenchFile } from '../../scripts/bench/x12';
import { expect, loadSampleSchedule, storedClaimKeys, test } from './fixtures';

const UNDERPAID = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';
const DENIED = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400018';

/** The biller's local date, `days` from today, as the extension computes it. */
function localDate(page: Page, days = 0): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}

/** Records what a page writes to the clipboard (headless Chromium gives extension pages no readable one). */
async function recordClipboard(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (t: string) => {
      w.copied.push(t);
    };
  });
  return () => page.evaluate(() => (window as unknown as { copied: string[] }).copied);
}

/** The flagged-claim count kept for the popup's first paint (the glance row), read straight from the database. */
function keptGlanceFlagged(page: Page): Promise<number | undefined> {
  return page.evaluate(
    () =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const row = req.result.transaction('settings').objectStore('settings').get('glance');
          row.onsuccess = () => {
            resolve((row.result?.value as { flaggedClaims?: number } | undefined)?.flaggedClaims);
            req.result.close();
          };
          row.onerror = () => reject(row.error);
        };
      }),
  );
}

test("the popup's glance: flagged claims, total recoverable, deadlines in the next 7 days, the last page read", async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto(DENIED);
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  // The claim is read before the biller moves on.
  await expect.poll(async () => badgeOf(await tabIdOf(portal))).toBe('1');
  await portal.goto(UNDERPAID);
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  await expect.poll(() => storedClaimKeys(panel)).toEqual(['A26110400017', 'A26110400018']);

  // An appeal sent today with a follow-up in three days is a deadline in the next 7 days.
  const followUp = await localDate(panel, 3);
  await panel.getByTestId('tracker-follow-up').fill(followUp);
  await panel.getByTestId('mark-sent').click();
  await expect(panel.getByTestId('tracker-status')).toHaveText('Sent');

  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('flagged-claims')).toHaveText('2');
  await expect(popup.getByTestId('total-shortfall')).toHaveText('$962.40');
  await expect(popup.getByTestId('deadlines-count')).toHaveText('1');
  await expect(popup.getByTestId('deadlines')).toContainText('Follow up on appeal');
  await expect(popup.getByTestId('deadlines')).toContainText('claim A26110400017, $182.40');
  await expect(popup.getByTestId('last-read')).toContainText(
    'Availity Essentials, claim detail A26110400017, read',
  );
  // Opened as a tab, the popup's own tab is the active one: no portal claim there.
  await expect(popup.getByTestId('tab-claim')).toHaveCount(0);

  // A won appeal resolves the claim: the open popup counts again.
  await panel.getByTestId('tracker-status-select').selectOption('won');
  await panel.getByTestId('tracker-save').click();
  await expect(panel.getByTestId('tracker-status')).toHaveText('Won');
  await expect(popup.getByTestId('flagged-claims')).toHaveText('1');
  await expect(popup.getByTestId('total-shortfall')).toHaveText('$780.00');
  await expect(popup.getByTestId('deadlines-count')).toHaveText('0');

  // Opened again, it paints the kept count.
  await popup.reload();
  await expect(popup.getByTestId('flagged-claims')).toHaveText('1');
});

test('"Fill appeal form" and "Copy appeal text" from the popup act on the claim in the active tab, with the side panel\'s letter', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto(UNDERPAID);
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const tabId = await tabIdOf(portal);
  await expect.poll(() => badgeOf(tabId)).toBe('2');

  const popup = await extensionPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByTestId('tab-claim-number')).toHaveText('A26110400017');
  await expect(popup.getByTestId('popup-fill-appeal')).toBeDisabled();

  await portal.getByRole('link', { name: 'Dispute Claim' }).click();
  await expect(portal.getByRole('heading', { name: 'Dispute Claim' })).toBeVisible();
  await expect(popup.getByTestId('popup-fill-appeal')).toBeEnabled();
  await popup.getByTestId('popup-fill-appeal').click();
  await expect(popup.getByTestId('popup-status')).toContainText('Filled the form');
  await expect(portal.locator('input[name="claimNumber"]')).toHaveValue('A26110400017');
  await expect(portal.locator('input[name="disputedAmount"]')).toHaveValue('182.40');
  const filled = await portal.locator('textarea[name="supportingInformation"]').inputValue();
  expect(portal.url()).toContain('/appeals/dispute/A26110400017');

  const popupCopies = await recordClipboard(popup);
  await popup.getByTestId('popup-copy-appeal').click();
  await expect(popup.getByTestId('popup-status')).toContainText('copied');
  const [fromPopup] = await popupCopies();
  expect(fromPopup).toContain('A26110400017');
  expect(fromPopup).toContain('$182.40');
  expect(filled).toBe(fromPopup);

  // The side panel's default letter, copied, is the same text.
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  const panelCopies = await recordClipboard(panel);
  await panel.getByTestId('copy-appeal').click();
  await expect(panel.getByTestId('appeal-status')).toContainText('copied');
  expect((await panelCopies())[0]).toBe(fromPopup);
  // The popup's fill and copy started the appeal the side panel tracks.
  await expect(panel.getByTestId('tracker-status')).toHaveText('Draft');
  await expect(panel.getByTestId('tracker-summary')).toContainText('by portal');
});

test('claims marked in the dashboard are counted again for the popup at once: it opens on the new count', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  for (const url of [DENIED, UNDERPAID]) {
    await portal.goto(url);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    await expect.poll(async () => badgeOf(await tabIdOf(portal))).not.toBe('');
  }
  const dashboard = await extensionPage('dashboard.html');
  await expect(dashboard.getByTestId('result-count')).toHaveText('2 of 2 claims shown');
  const keptFlagged = () => keptGlanceFlagged(dashboard);
  await expect.poll(keptFlagged).toBe(2);

  await dashboard.locator('tr[data-index="0"]').focus();
  await dashboard.keyboard.press('Space');
  await dashboard.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(dashboard.getByTestId('dashboard-notice')).toHaveText('1 claim marked resolved.');
  await expect.poll(keptFlagged).toBe(1);

  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('flagged-claims')).toHaveText('1');
  await expect(popup.locator('main')).toHaveAttribute('aria-busy', 'false');
});

test('an 835 imported on the options page is counted for the popup at once: it opens on the imported claims', async ({
  extensionPage,
}) => {
  await loadSampleSchedule(extensionPage);
  const options = await extensionPage('options.html');
  const { text, claims } = buildBenchFile(64 * 1024);
  await options
    .getByTestId('era-file')
    .setInputFiles({ name: 'remittance.835', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(options.getByTestId('era-reports')).toContainText(`${claims} claims`);
  // No portal page was read, so only the import itself can have counted the glance the popup paints.
  const kept = () => keptGlanceFlagged(options);
  await expect.poll(kept).toBeGreaterThan(0);
  const flagged = await kept();
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('flagged-claims')).toHaveText(String(flagged));
  await expect(popup.locator('main')).toHaveAttribute('aria-busy', 'false');
});
