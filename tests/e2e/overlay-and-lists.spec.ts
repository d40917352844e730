import { expect, loadSampleSchedule, storedClaimKeys, test } from './fixtures';

test('an overlay near the top of the portal page summarises the findings without shifting the layout or taking keystrokes', async ({
  ext,
  extensionPage,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400018');
  const heading = portal.getByRole('heading', { name: /Claim Detail/ });
  await expect(heading).toBeVisible();
  const before = await heading.boundingBox();
  const overlay = portal.locator('oon-guard-overlay [role="status"]');
  await expect(overlay).toHaveText(/OON Guard: Denied: authorization/);
  expect(await heading.boundingBox()).toEqual(before);

  // Keystrokes inside the overlay never reach the portal's own listeners.
  await portal.evaluate(() => {
    (window as unknown as { keys: number }).keys = 0;
    document.addEventListener('keydown', () => {
      (window as unknown as { keys: number }).keys++;
    });
  });
  await portal.locator('oon-guard-overlay button', { hasText: 'Details' }).focus();
  await portal.keyboard.press('a');
  expect(await portal.evaluate(() => (window as unknown as { keys: number }).keys)).toBe(0);
  await portal.locator('oon-guard-overlay button[aria-label="Dismiss OON Guard summary"]').click();
  await expect(portal.locator('oon-guard-overlay')).toHaveCount(0);
});

test('a claim list page stores every row with its amounts and shows the denied ones first; a detail page then enriches the same claim', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/results');
  const tabId = await tabIdOf(portal);
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  const rows = panel.getByTestId('claim-list').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute('data-attention', 'true');
  await expect(rows.first()).toContainText('A26110400018');
  await expect(panel.getByTestId('claim-list')).toContainText('1 denied or unpaid');
  await expect.poll(() => badgeOf(tabId)).toBe('1');
  expect((await storedClaimKeys(panel)).sort()).toEqual([
    'A26110400017',
    'A26110400018',
    'A26110400019',
    'A26110400020',
  ]);

  await portal.getByRole('link', { name: 'A26110400017' }).click();
  await expect(panel.getByTestId('flagged-lines').locator('tbody tr[data-line]')).toHaveCount(2);
  expect((await storedClaimKeys(panel)).length).toBe(4);
});
