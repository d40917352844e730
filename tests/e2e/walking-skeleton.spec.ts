import { expect, loadSampleSchedule, storedClaimKeys, test } from './fixtures';

const CLAIM_URL = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';

test('an underpaid EOB on the portal shows exactly its underpaid lines in the side panel, with the badge', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const tabId = await tabIdOf(portal);

  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  const rows = panel.getByTestId('flagged-lines').locator('tbody tr[data-line]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('[data-col="code"]')).toHaveText('99214');
  await expect(rows.nth(0).locator('[data-col="shortfall"]')).toHaveText('$81.60');
  await expect(rows.nth(1).locator('[data-col="code"]')).toHaveText('29881-RT');
  await expect(rows.nth(1).locator('[data-col="shortfall"]')).toHaveText('$100.80');
  await expect(panel.getByTestId('total-shortfall')).toHaveText('$182.40');
  await expect(panel.getByTestId('claim-flags')).toContainText('Underpaid $182.40 on 2 lines');
  await expect.poll(() => badgeOf(tabId)).toBe('2');

  // Reading the same page again updates the claim in place.
  await portal.reload();
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  await expect.poll(() => badgeOf(tabId)).toBe('2');
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400018');
  await expect.poll(() => storedClaimKeys(panel)).toEqual(['A26110400017', 'A26110400018']);
  await portal.goto(CLAIM_URL);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  expect(await storedClaimKeys(panel)).toEqual(['A26110400017', 'A26110400018']);
});

test('a claim rendered inside the portal shell iframe is read and shown', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/availity/web/portal/claims/A26110400018');
  const tabId = await tabIdOf(portal);
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400018');
  const rows = panel.getByTestId('flagged-lines').locator('tbody tr[data-line]');
  await expect(rows).toHaveCount(1);
  await expect(panel.getByTestId('flagged-lines').locator('[data-col="why"]').first()).toContainText(
    'Denied: authorization',
  );
  await expect(rows.first().locator('[data-col="shortfall"]')).toHaveText('$780.00');
  await expect.poll(() => badgeOf(tabId)).toBe('1');
});

test('the popup sums flagged claims and their shortfall', async ({ ext, extensionPage }) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('flagged-claims')).toHaveText('1');
  await expect(popup.getByTestId('total-shortfall')).toHaveText('$182.40');
  await expect(popup.getByTestId('open-side-panel')).toBeVisible();
});
