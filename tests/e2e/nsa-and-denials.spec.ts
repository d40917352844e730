import { expect, loadSampleSchedule, test } from './fixtures';

test('a No Surprises Act claim shows its open negotiation deadline and, once the notice date is recorded, the IDR window', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400019');
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400019');
  // Paid Fri Nov 6 2026 = business day 1; Nov 11 (Veterans Day) and Nov 26 (Thanksgiving) skipped → day 30 is Dec 21.
  await expect(panel.getByTestId('deadlines')).toContainText('Dec 21, 2026');
  await expect(panel.getByTestId('claim-flags')).toContainText('$787.67');
  await panel.getByTestId('notice-sent').fill('2026-12-01');
  await panel.getByRole('button', { name: 'Save No Surprises Act details' }).click();
  // Notice Tue Dec 1 = day 1 of the 30-business-day negotiation (Dec 25 and Jan 1 skipped): day 30 is Jan 13,
  // so IDR may be initiated on business days 31-34, Jan 14 through Jan 20 (Jan 18 is MLK Day).
  await expect(panel.getByTestId('idr-window')).toHaveText(
    'Federal IDR may be initiated from Jan 14, 2027 through Jan 20, 2027.',
  );
});

test('a denied line says what to do about its denial category', async ({ ext, extensionPage, tabIdOf }) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400018');
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('line-action').first()).toContainText('What to do:');
  await expect(panel.getByTestId('line-action').first()).toContainText(/authoriz/i);
});
