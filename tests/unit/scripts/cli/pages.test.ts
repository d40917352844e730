import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSavedPage, savedPageUrl } from '../../../../scripts/cli/pages';
import { parseHtml } from '../../../../scripts/lib/dom';
import { AVAILITY_UNDERPAID } from './helpers';

const URL_A = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';

describe('savedPageUrl', () => {
  it.each([
    ['our meta tag', `<html><head><meta name="oon:url" content="${URL_A}"></head></html>`, URL_A],
    ['a canonical link', `<html><head><link rel="canonical" href="${URL_A}"></head></html>`, URL_A],
    ['the Chrome "saved from" comment', `<!-- saved from url=(0071)${URL_A} -->\n<html></html>`, URL_A],
    [
      'the comment, cut at the length it states',
      `<!-- saved from url=(0022)https://example.org/a/b?c=1 --><html></html>`,
      'https://example.org/a/',
    ],
    [
      'a relative canonical link (ignored)',
      '<html><head><link rel="canonical" href="/claims/1"></head></html>',
      undefined,
    ],
    ['nothing', '<html><body>hi</body></html>', undefined],
  ])('reads %s', (_, html, expected) => {
    expect(savedPageUrl(html, parseHtml(html))).toBe(expected);
  });
});

describe('readSavedPage', () => {
  it('reads the Availity claim detail by its content when the page says nothing of its URL', () => {
    const read = readSavedPage(readFileSync(AVAILITY_UNDERPAID, 'utf8'), undefined);
    expect(read).toMatchObject({ ok: true, portal: 'availity', pageKind: 'claimDetail' });
  });

  it('names what could not be read on a recognised page instead of scoring part of it', () => {
    const html = readFileSync(AVAILITY_UNDERPAID, 'utf8').replace(/Billed Amount/g, 'Something Else');
    const read = readSavedPage(html, undefined);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('billed');
  });
});
