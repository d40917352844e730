import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeRecords } from '../../scripts/bench/dashboard';
import type { ClaimRecord } from '../../storage/db';
import { sortByPriority, toWorklistItem, worklistCsv } from '../../storage/worklist';
import { expect, loadSampleSchedule, storedClaimKeys, test } from './fixtures';

const CLAIMS = ['A26110400017', 'A26110400018', 'A26110400019'];
const claimUrl = (n: string) => `https://apps.availity.com/public/apps/claim-status/claims/${n}`;

/** Every stored record, straight from IndexedDB. */
function storedRecords(page: Page): Promise<ClaimRecord[]> {
  return page.evaluate(
    () =>
      new Promise<ClaimRecord[]>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('claims', 'readonly').objectStore('claims').getAll();
          all.onsuccess = () => {
            resolve(all.result as ClaimRecord[]);
            req.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const listedClaims = (page: Page) =>
  page.getByTestId('worklist').locator('tbody tr[data-key] [data-col="claim"]');

test('the dashboard lists stored claims by priority, filters, searches, exports what is stored, and passes axe', async ({
  ext,
  extensionPage,
}) => {
  await loadSampleSchedule(extensionPage);
  const dashboard = await extensionPage('dashboard.html');
  await expect(dashboard.getByTestId('empty-worklist')).toBeVisible();
  const portal = await ext.context.newPage();
  for (const [i, n] of CLAIMS.entries()) {
    await portal.goto(claimUrl(n));
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    await expect.poll(() => storedClaimKeys(dashboard)).toEqual(CLAIMS.slice(0, i + 1));
  }
  await dashboard.bringToFront();
  // The live region says what arrived while the page was open.
  await expect(dashboard.getByTestId('dashboard-notice')).toContainText('new claim listed');
  const stored = sortByPriority(
    (await storedRecords(dashboard)).map((r) => ({ ...toWorklistItem(r), r })),
  ).map((x) => x.r);
  expect(stored.map((r) => r.key)).toHaveLength(3);
  expect(stored[0]!.priority).toBeGreaterThan(0);

  // Sorted by priority, highest first.
  await expect(listedClaims(dashboard)).toHaveText(stored.map((r) => r.claim.claimNumber));
  await expect(dashboard.getByTestId('result-count')).toHaveText('3 of 3 claims shown');

  await expect(
    dashboard.getByTestId('worklist').locator('tr[data-key="A26110400017"] [data-col="shortfall"]'),
  ).toHaveText('$182.40');

  // A flag filter narrows the list to the claims carrying that flag (the denied claim, the NSA claim).
  const flagged = (kind: string) =>
    stored.filter((r) => r.flagKinds.some((k) => k === kind)).map((r) => r.key);
  const kind = (['denied', 'nsa', 'balance-billing'] as const).find((k) => flagged(k).length === 1)!;
  expect(kind).toBeDefined();
  await dashboard.getByTestId('filter-flag').selectOption(kind);
  await expect(listedClaims(dashboard)).toHaveText(flagged(kind));
  await expect(dashboard.getByTestId('result-count')).toHaveText('1 of 3 claims shown');

  // A payer filter keeps the payer's claims; search finds one claim number.
  await dashboard.getByRole('button', { name: 'Clear filters' }).click();
  await dashboard.getByTestId('filter-payer').selectOption('ACME HEALTH PLAN');
  await expect(listedClaims(dashboard)).toHaveCount(3);
  await dashboard.getByTestId('filter-search').fill('0400018');
  await expect(listedClaims(dashboard)).toHaveText(['A26110400018']);
  await dashboard.getByTestId('filter-search').fill('');
  await expect(listedClaims(dashboard)).toHaveCount(3);

  // The exported CSV is exactly the stored records in worklist order.
  const [download] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByTestId('export-csv').click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toBe(worklistCsv(stored.map(toWorklistItem)));
  expect(csv).toContain('A26110400017,ACME HEALTH PLAN,');
  expect(csv).toMatch(/A26110400017,[^\r\n]*,182\.40,/);
  expect(csv).not.toContain('TESTPATIENT');

  // Keyboard: Space on a focused row selects it; bulk "mark appealed" stores the status; Enter opens it.
  await dashboard.locator('tr[data-index="0"]').focus();
  await dashboard.keyboard.press('Space');
  await expect(dashboard.getByTestId('bulk-actions')).toContainText('1 selected');
  await dashboard.getByRole('button', { name: 'Mark appealed' }).click();
  await expect(dashboard.getByTestId('dashboard-notice')).toHaveText('1 claim marked appealed.');
  await expect(dashboard.locator(`tr[data-key="${stored[0]!.key}"] [data-col="follow-up"]`)).toHaveText(
    'appealed',
  );
  await expect
    .poll(async () => (await storedRecords(dashboard)).find((r) => r.key === stored[0]!.key)?.worklistStatus)
    .toBe('appealed');
  await dashboard.locator('tr[data-index="0"]').press('Enter');
  await expect(dashboard.getByTestId('claim-detail')).toContainText(stored[0]!.claim.claimNumber);

  const worklistAxe = await new AxeBuilder({ page: dashboard }).analyze();
  const serious = (v: typeof worklistAxe.violations) =>
    v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id}: ${x.help}`);
  expect(serious(worklistAxe.violations)).toEqual([]);

  // Reports: each report has a table and a CSV.
  await dashboard.getByRole('tab', { name: 'Reports' }).click();
  await expect(dashboard.getByTestId('report-shortfall-by-payer').locator('tbody tr')).toHaveCount(1);
  await expect(dashboard.getByTestId('report-shortfall-by-payer')).toContainText('ACME HEALTH PLAN');
  const [reportDownload] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByRole('button', { name: 'Export Shortfall by payer as CSV' }).click(),
  ]);
  const reportText = await readFile((await reportDownload.path())!, 'utf8');
  const total = stored.reduce((a, r) => a + Math.max(0, r.shortfallCents), 0);
  expect(reportText.split('\r\n')[1]).toBe(
    `ACME HEALTH PLAN,${stored.filter((r) => r.shortfallCents > 0).length},${(total / 100).toFixed(2)}`,
  );
  const reportsAxe = await new AxeBuilder({ page: dashboard }).analyze();
  expect(serious(reportsAxe.violations)).toEqual([]);
});

test('a store larger than the first screen: every claim listed in priority order, exported and reported', async ({
  extensionPage,
}) => {
  const dashboard = await extensionPage('dashboard.html');
  await expect(dashboard.getByTestId('empty-worklist')).toBeVisible();
  // Synthetic records written as stored (TESTPATIENT names, SYN accounts), more than the first screen.
  const records = makeRecords(2_500, 3);
  await dashboard.evaluate(
    (batch) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('claims', 'readwrite');
          for (const r of batch) tx.objectStore('claims').put(r);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
  await dashboard.reload();
  const expected = sortByPriority(records.map(toWorklistItem));
  await expect(dashboard.getByTestId('result-count')).toHaveText('2,500 of 2,500 claims shown');
  await expect(listedClaims(dashboard).first()).toHaveText(expected[0]!.claimNumber);
  await dashboard.getByTestId('worklist-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(listedClaims(dashboard).last()).toHaveText(expected.at(-1)!.claimNumber);

  const [download] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByTestId('export-csv').click(),
  ]);
  expect(await readFile((await download.path())!, 'utf8')).toBe(worklistCsv(expected));

  // The reports count every claim.
  await dashboard.getByRole('tab', { name: 'Reports' }).click();
  const payers = new Set(records.filter((r) => r.shortfallCents > 0).map((r) => r.payerName));
  await expect(dashboard.getByTestId('report-shortfall-by-payer').locator('tbody tr')).toHaveCount(
    payers.size,
  );
});
