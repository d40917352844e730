import type { Page } from '@playwright/test';
import { buildBenchFile } from '../../scripts/bench/x12';
import { launchExtension } from '../../scripts/browser/launch';
import { expect, loadSampleSchedule, storedClaimKeys, test } from './fixtures';

const CLAIM_URL = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';

/** A synthetic 835 large enough that saving takes seconds (several 2,000-claim steps in one transaction). */
const big = buildBenchFile(6 * 1024 * 1024);

async function chooseFile(options: Page, text: string) {
  await options
    .getByTestId('era-file')
    .setInputFiles({ name: 'big-remittance.835', mimeType: 'text/plain', buffer: Buffer.from(text) });
}

test('an 835 import cut off mid-save leaves the earlier data intact, and the same file imports on a retry', async ({
  ext,
  extensionPage,
}) => {
  test.setTimeout(240_000);
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  const probe = await extensionPage('popup.html');
  await expect.poll(() => storedClaimKeys(probe)).toEqual(['A26110400017']);

  // The import runs in the options page: closing it mid-save ends the transaction unfinished, and the
  // service worker is terminated at the same moment (it owns nothing of the import, and must not matter).
  const options = await extensionPage('options.html');
  await chooseFile(options, big.text);
  // Mid-save: some claims already written in the import's transaction.
  await expect(options.getByRole('status').filter({ hasText: /[1-9][\d,]* claims saved/ })).toBeVisible({
    timeout: 120_000,
  });
  await Promise.all([options.close(), stopServiceWorker(probe, ext.extensionId)]);

  const after = await extensionPage('popup.html');
  expect(await storedClaimKeys(after)).toEqual(['A26110400017']);

  // The retry imports the whole file.
  const retry = await extensionPage('options.html');
  await chooseFile(retry, big.text);
  await expect(retry.getByTestId('era-reports')).toContainText(`${big.claims} claims`, { timeout: 180_000 });
  const keys = await storedClaimKeys(retry);
  expect(keys).toHaveLength(big.claims + 1);
  expect(keys).toContain('A26110400017');
});

/** Terminates the extension's service worker through CDP, as Chrome does to an idle or crashed one. */
async function stopServiceWorker(anyPage: Page, id: string): Promise<void> {
  const cdp = await anyPage.context().newCDPSession(anyPage);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`),
  );
  expect(worker, 'the extension service worker target').toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  await cdp.detach();
}

test('an encrypted backup restores into a fresh profile; a wrong passphrase is refused with nothing changed', async ({
  ext,
  extensionPage,
}) => {
  test.setTimeout(180_000);
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  const options = await extensionPage('options.html');
  await expect.poll(() => storedClaimKeys(options)).toEqual(['A26110400017']);

  await options.getByTestId('backup-passphrase').fill('backup passphrase 1');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('backup-create').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^oon-guard-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  await expect(options.getByTestId('privacy-message')).toContainText('1 claims, 1 schedules');

  const fresh = await launchExtension();
  try {
    const restore = await fresh.context.newPage();
    await restore.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    expect(await storedClaimKeys(restore)).toEqual([]);
    await restore.getByTestId('restore-file').setInputFiles(file);
    await restore.getByTestId('restore-confirm').check();
    await restore.getByTestId('restore-passphrase').fill('not the passphrase');
    await restore.getByTestId('restore').click();
    await expect(restore.getByTestId('privacy-message')).toContainText(
      'That passphrase does not open this backup',
    );
    expect(await storedClaimKeys(restore)).toEqual([]);

    await restore.getByTestId('restore-confirm').check();
    await restore.getByTestId('restore-passphrase').fill('backup passphrase 1');
    await restore.getByTestId('restore').click();
    await expect(restore.getByTestId('privacy-message')).toContainText('Restored 1 claims, 1 schedules');
    expect(await storedClaimKeys(restore)).toEqual(['A26110400017']);
    await expect(restore.getByTestId('active-schedule')).toHaveText('sample-fee-schedule');
  } finally {
    await fresh.close();
  }
});

test('the passphrase lock: claims read while locked are sealed, unlock shows nothing in the clear at rest, delete all needs the typed word', async ({
  ext,
  extensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await extensionPage('options.html');
  await expect(options.getByTestId('lock-status')).toHaveText('The lock is off.');
  await options.getByTestId('lock-passphrase').fill('lock passphrase 1');
  await options.getByTestId('lock-passphrase-repeat').fill('lock passphrase 1');
  await options.getByTestId('lock-enable').click();
  await expect(options.getByTestId('lock-status')).toHaveText('Unlocked.');
  await options.getByTestId('lock-now').click();
  await expect(options.getByTestId('lock-status')).toHaveText('Locked.');

  const portal = await ext.context.newPage();
  await portal.goto(CLAIM_URL);
  await expect.poll(() => storedClaimKeys(options)).toEqual(['A26110400017']);
  const stored = await options.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const r = indexedDB.open('oon-guard');
        r.onsuccess = () => {
          const q = r.result.transaction('claims').objectStore('claims').getAll();
          q.onsuccess = () => resolve(JSON.stringify(q.result));
        };
      }),
  );
  for (const plain of ['TESTPATIENT', 'SYN000123', 'PA-100234']) expect(stored).not.toContain(plain);
  expect(stored).toContain('"phi":{');
  expect(stored).toContain('"paidCents":162680');

  await options.getByTestId('unlock-passphrase').fill('wrong passphrase');
  await options.getByTestId('unlock').click();
  await expect(options.getByTestId('privacy-message')).toContainText('not the one this lock was set up with');
  await options.getByTestId('unlock-passphrase').fill('lock passphrase 1');
  await options.getByTestId('unlock').click();
  await expect(options.getByTestId('lock-status')).toHaveText('Unlocked.');
  const phi = await options.evaluate(() =>
    chrome.runtime.sendMessage({
      id: 1,
      type: 'revealPhi',
      data: { claimKeys: ['A26110400017'] },
      timestamp: 0,
    }),
  );
  expect(JSON.stringify(phi)).toContain('TESTPATIENT, ALPHA');

  await expect(options.getByTestId('delete-all')).toBeDisabled();
  await options.getByTestId('delete-typed').fill('DELETE');
  await options.getByTestId('delete-all').click();
  await expect(options.getByTestId('privacy-message')).toContainText('All data deleted (1 claims)');
  expect(await storedClaimKeys(options)).toEqual([]);
  await expect(options.getByTestId('lock-status')).toHaveText('The lock is off.');
});
