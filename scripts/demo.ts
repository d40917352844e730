/**
 * `npm run demo`: launches Chromium with the built extension on the demo Availity portal, loads the
 * sample fee schedule and walks through the portal pages. With a display it opens a window and waits
 * for you to close it; without one it runs headless and saves screenshots into demo-output/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension } from './browser/launch';

const OUT = path.resolve(import.meta.dirname, '../demo-output');
const PORTAL = 'https://apps.availity.com';

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.DEMO_HEADLESS !== '1';
  const ext = await launchExtension({ headed });
  const { context, extensionId } = ext;
  const extUrl = (p: string) => `chrome-extension://${extensionId}/${p}`;
  await mkdir(OUT, { recursive: true });
  const shot = async (page: import('@playwright/test').Page, name: string) => {
    const file = path.join(OUT, name);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  saved ${name}`);
  };

  console.log('Loading the sample fee schedule in the options page...');
  const options = await context.newPage();
  await options.goto(extUrl('options.html'));
  await options.getByRole('button', { name: 'Load the sample schedule' }).click();
  await options.getByTestId('import-confirm').click();
  await options.getByTestId('active-schedule').waitFor();
  await shot(options, '01-options-fee-schedule.png');

  console.log('Walking the demo portal...');
  const portal = await context.newPage();
  await portal.goto(`${PORTAL}/public/apps/claim-status/results`);
  await shot(portal, '02-portal-claim-search.png');
  for (const claim of ['A26110400018', 'A26110400019', 'A26110400017']) {
    await portal.goto(`${PORTAL}/public/apps/claim-status/claims/${claim}`);
    await portal.waitForTimeout(600);
  }
  await shot(portal, '03-portal-claim-detail.png');
  const tabId = await ext.worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ url: 'https://apps.availity.com/*' });
    return tabs[0]?.id;
  });
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extUrl(`sidepanel.html?tabId=${tabId}`));
  await panel.getByTestId('flagged-lines').waitFor();
  await shot(panel, '04-side-panel-findings.png');
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 320 });
  await popup.goto(extUrl('popup.html'));
  await popup.getByTestId('flagged-claims').waitFor();
  await popup.waitForTimeout(300);
  await shot(popup, '05-popup.png');
  await portal.goto(`${PORTAL}/public/apps/appeals/dispute/A26110400017`);
  await shot(portal, '06-portal-dispute-form.png');
  await panel.reload();
  await panel.getByTestId('appeal-text').waitFor();
  await shot(panel, '07-side-panel-appeal.png');

  const dashboard = await context.newPage();
  await dashboard.goto(extUrl('dashboard.html'));
  await dashboard.waitForTimeout(800);
  await shot(dashboard, '08-dashboard-worklist.png');
  const reports = dashboard.getByRole('tab', { name: /Reports/ });
  if (await reports.count()) {
    await reports.first().click();
    await dashboard.waitForTimeout(800);
    await shot(dashboard, '09-dashboard-reports.png');
  }
  const onboarding = await context.newPage();
  await onboarding.goto(extUrl('onboarding.html'));
  await onboarding.waitForTimeout(400);
  await shot(onboarding, '10-onboarding.png');

  if (headed) {
    await portal.goto(`${PORTAL}/public/apps/claim-status/claims/A26110400017`);
    await portal.bringToFront();
    console.log(
      '\nThe demo is running. Open the OON Guard side panel from the toolbar; close the browser to end.',
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  } else {
    await ext.close();
  }
  console.log(`\nScreenshots are in ${OUT}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
