import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { type LaunchedExtension, launchExtension } from '../../scripts/browser/launch';
import { UNKNOWN_ORIGIN, UNKNOWN_REDESIGNED_CLAIM } from '../../scripts/demo-portal/unknown';
import { expect, loadSampleSchedule, test } from './fixtures';

/**
 * Teach mode end to end (issue 8): on a portal no rule knows, the biller teaches the page with the
 * in-page picker, the page is read and scored after a reload, and the exported rule read in a fresh
 * profile gives the same result.
 *
 * Permission: chrome.permissions.request shows a browser prompt Playwright cannot answer. The biller
 * can also allow a site on the extension's own settings (chrome://extensions → Details → Site access →
 * Add a site); that page's chrome.developerPrivate.addHostPermission is what the test uses, after
 * which the side panel's Teach click (a real user gesture) gets `true` from permissions.request
 * without a prompt. Everything after it (registration, injection, reading) is the production path.
 */

const CLAIM_URL = `${UNKNOWN_ORIGIN}/claims/detail/EHP26110400017`;
const OTHER_CLAIM_URL = `${UNKNOWN_ORIGIN}/claims/detail/EHP26110400018`;

async function allowSiteLikeTheBiller(ext: LaunchedExtension): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome://extensions/?id=${ext.extensionId}`);
  await page.evaluate(
    ([id, pattern]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission: (id: string, host: string) => Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id!, pattern!),
    [ext.extensionId, `${UNKNOWN_ORIGIN}/*`],
  );
  await page.close();
}

async function tabIdOf(ext: LaunchedExtension, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

async function sidePanelFor(ext: LaunchedExtension, page: Page): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${await tabIdOf(ext, page)}`);
  return panel;
}

/** Picks one thing in the picker: its Pick button, then a click on the page element. */
async function pick(portal: Page, what: string, target: ReturnType<Page['locator']>): Promise<void> {
  await portal.getByRole('button', { name: `Pick ${what}`, exact: true }).click();
  await target.click();
  await expect(portal.getByRole('status').filter({ hasText: /read|found/ })).toBeVisible();
}

test('teach a portal no rule knows, read it after reload, share the rule with a fresh profile', async ({
  ext,
  extensionPage,
}) => {
  test.setTimeout(120_000);
  await loadSampleSchedule(extensionPage);
  await allowSiteLikeTheBiller(ext);
  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  const panel = await sidePanelFor(ext, portal);
  // Nothing reads this page: no rule, and the generic reader does not know its abbreviations.
  await expect(panel.getByTestId('teach-section')).toBeVisible();
  // The portal's own listeners and layout, to check the picker leaves both alone.
  await portal.evaluate(() => {
    const w = window as unknown as { seen: { keys: number; clicks: number } };
    w.seen = { keys: 0, clicks: 0 };
    document.addEventListener('keydown', () => w.seen.keys++);
    document.addEventListener('click', () => w.seen.clicks++);
  });
  const layoutBefore = await portal.locator('main').boundingBox();
  await panel.getByTestId('teach-start').click();
  await expect(panel.getByTestId('teach-message')).toContainText('Teach mode is open');

  const picker = portal.getByRole('dialog', { name: 'Teach OON Guard this page' });
  await expect(picker).toBeVisible();
  await picker.getByLabel('Portal name').fill('Example Health Plan Provider Center');
  // The claim number by keyboard: Pick, walk to the value with the arrow keys, Enter.
  await portal.getByRole('button', { name: 'Pick claim number', exact: true }).focus();
  await portal.keyboard.press('Enter');
  for (let i = 0; i < 12; i++) {
    await portal.keyboard.press('ArrowDown');
    if ((await picker.getByRole('status').textContent())?.includes('EHP26110400017')) break;
  }
  await expect(picker.getByRole('status')).toContainText('Pointing at: EHP26110400017');
  await portal.keyboard.press('Enter');
  await expect(picker.getByRole('status')).toContainText('claim number is read');

  const summary = portal.locator('main section').first();
  await pick(portal, 'payer', summary.getByText('Example Health Plan', { exact: true }));
  await pick(portal, 'total billed', portal.locator('#totChg'));
  await pick(portal, 'total paid', portal.locator('[data-qa="total-payment"]'));
  const table = portal.locator('main table');
  await pick(portal, 'service-line table', table.locator('tbody td').first());
  const firstRow = table.locator('tbody tr').first();
  await pick(portal, 'service date column', firstRow.locator('td').nth(0));
  await pick(portal, 'procedure code column', firstRow.locator('td').nth(1));
  await pick(portal, 'billed column', firstRow.locator('td').nth(4));
  await pick(portal, 'allowed column', firstRow.locator('td').nth(5));
  await pick(portal, 'paid column', firstRow.locator('td').nth(9));
  await pick(portal, 'adjustment codes column', firstRow.locator('td').nth(10));
  await expect(picker.getByLabel('What OON Guard would read')).toContainText('Claim EHP26110400017');
  await expect(picker.getByLabel('What OON Guard would read')).toContainText('4 service lines');
  expect(await portal.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual({
    keys: 0,
    clicks: 0,
  });
  expect(await portal.locator('main').boundingBox()).toEqual(layoutBefore);
  await picker.getByRole('button', { name: 'Save rule' }).click();
  await expect(picker).toHaveCount(0);

  await portal.reload();
  await expect(panel.getByTestId('claim-number')).toHaveText('EHP26110400017');
  await expect(panel.getByTestId('unreadable')).toHaveCount(0);
  // What was read and scored: flags, totals and each line's finding.
  const findingsOf = (p: Page) =>
    Promise.all(
      ['claim-flags', 'totals', 'flagged-lines'].map((id) => p.getByTestId(id).first().textContent()),
    );
  await expect(panel.getByTestId('total-shortfall')).toHaveText('$182.40');
  const findings = await findingsOf(panel);
  expect(findings[0]).toMatch(/underpaid/i);

  // Another claim of the same portal: the taught URL pattern generalised the claim id.
  await portal.goto(OTHER_CLAIM_URL);
  await expect(panel.getByTestId('claim-number')).toHaveText('EHP26110400018');

  // The portal's next release renamed the paid column: the taught rule reports drift like a built-in one.
  await portal.goto(`${UNKNOWN_ORIGIN}/claims/detail/${UNKNOWN_REDESIGNED_CLAIM}`);
  const unreadable = panel.getByTestId('unreadable');
  await expect(unreadable).toContainText('Example Health Plan Provider Center');
  await expect(unreadable).toContainText('lines.paid');

  // Export, then import in a fresh profile.
  const options = await extensionPage('options.html');
  await expect(options.getByTestId('taught-rule')).toHaveCount(1);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('taught-export').click(),
  ]);
  const exported = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    format: 'oon-guard-taught-rules',
    rules: [{ id: 'taught-provider-examplehealthplan-com' }],
  });

  const colleague = await launchExtension();
  try {
    const page = async (p: string) => {
      const pg = await colleague.context.newPage();
      await pg.goto(`chrome-extension://${colleague.extensionId}/${p}`);
      return pg;
    };
    await loadSampleSchedule(page);
    await allowSiteLikeTheBiller(colleague);
    const theirOptions = await page('options.html');
    await theirOptions.getByTestId('taught-import').setInputFiles({
      name: 'oon-guard-taught-rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect(theirOptions.getByTestId('taught-message')).toContainText('Imported 1 rule');
    // The site is allowed (as above); the click registers the content script for it.
    await theirOptions
      .getByRole('button', { name: /Allow reading provider\.examplehealthplan\.com/ })
      .click();
    await expect(theirOptions.getByTestId('taught-message')).toContainText('may now read');
    const theirPortal = await colleague.context.newPage();
    await theirPortal.goto(CLAIM_URL);
    const theirPanel = await sidePanelFor(colleague, theirPortal);
    await expect(theirPanel.getByTestId('claim-number')).toHaveText('EHP26110400017');
    await expect(theirPanel.getByTestId('total-shortfall')).toHaveText('$182.40');
    expect(await findingsOf(theirPanel)).toEqual(findings);
  } finally {
    await colleague.close();
  }
});

test('a malformed rule file imports nothing and says why', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  await options.getByTestId('taught-import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'oon-guard-taught-rules',
        version: 1,
        rules: [{ id: 'taught-provider-uhc-com' }],
      }),
    ),
  });
  await expect(options.getByTestId('taught-message')).toContainText('Nothing was imported');
  await expect(options.getByTestId('no-taught-rules')).toBeVisible();
});

test('a portal the biller adds in settings is read by the generic reader', async ({ ext, extensionPage }) => {
  await loadSampleSchedule(extensionPage);
  await allowSiteLikeTheBiller(ext);
  const options = await extensionPage('options.html');
  await options.getByLabel('Portal address').fill('provider.examplehealthplan.com');
  await options.getByTestId('add-site').click();
  await expect(options.getByTestId('taught-message')).toContainText(
    'OON Guard may now read provider.examplehealthplan.com',
  );
  const portal = await ext.context.newPage();
  await portal.goto(`${UNKNOWN_ORIGIN}/remittance/EHP26110400017`);
  const panel = await sidePanelFor(ext, portal);
  await expect(panel.getByTestId('claim-number')).toHaveText('EHP26110400017');
  await expect(panel.getByText('provider.examplehealthplan.com (generic reader)')).toBeVisible();
  await expect(panel.getByTestId('total-shortfall')).toHaveText('$182.40');
});
