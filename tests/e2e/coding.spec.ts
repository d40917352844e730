import path from 'node:path';
import { expect, loadSampleSchedule, test } from './fixtures';

/** The shared CMS 2025 files, loaded through the options page as a biller would (never copied into the repo). */
const CMS_DIR = path.resolve(process.cwd(), '../shared/data/cms-pfs/gmills21-2025');
const CLAIM_URL = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400021';

async function importMedicare(extensionPage: (p: string) => Promise<import('@playwright/test').Page>) {
  const options = await extensionPage('options.html');
  await options.getByTestId('rvu-file').setInputFiles(path.join(CMS_DIR, 'PPRRVU25_JAN_nodesc.csv'));
  await options.getByTestId('gpci-file').setInputFiles(path.join(CMS_DIR, 'GPCI2025.csv'));
  await options.getByRole('button', { name: 'Import Medicare files' }).click();
  await expect(options.getByTestId('medicare-status')).toContainText('2025 fee schedule loaded', {
    timeout: 30_000,
  });
  return options;
}

test('a claim billed 71046-26-TC shows the coding finding and its fix in the side panel', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const options = await importMedicare(extensionPage);
  await options.close();

  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400021');
  const flags = panel.getByTestId('claim-flags');
  await expect(flags.locator('.flag-coding')).toHaveCount(1);
  await expect(flags.locator('.flag-coding')).toHaveText(
    'Line 1: 71046-26-TC: PC/TC indicator 1 allows 26 or TC, not both: bill the global code without a modifier, or one component (CMS 2025 PFS relative value file, PC/TC indicator; domain.md 1.4)',
  );
});

test('the charge review section ranks the sample charges against the loaded Medicare file', async ({
  extensionPage,
}) => {
  await loadSampleSchedule(extensionPage);
  const options = await importMedicare(extensionPage);
  await options.getByLabel('Medicare locality').fill('01182-18');
  await options.getByRole('button', { name: 'Save location' }).click();
  const table = options.getByTestId('charge-review-table');
  await expect(table.locator('tbody tr[data-code="99214"] [data-col="medicare"]')).not.toHaveText('—');
  await expect(table.locator('tbody tr[data-code="99214"] [data-col="ratio"]')).toContainText('%');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('charge-review-csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('charge-review.csv');
});
