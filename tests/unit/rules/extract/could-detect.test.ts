import { describe, expect, it } from 'vitest';
import { couldDetect, detect } from '../../../../rules/extract/detect';
import { PORTAL_RULES, portalUrlRules } from '../../../../rules/portals/registry';

/**
 * The portal content script decides from the rules' URL side alone (portalUrlRules, built into it)
 * whether to load the reader: it must agree with detect() on every URL, or a readable page is missed.
 */
const examples = PORTAL_RULES.flatMap((r) => r.pageKinds.flatMap((k) => k.examples));
const variants = examples.flatMap((u) => {
  const url = new URL(u);
  return [
    u,
    `${u}/`,
    `${u}?claim=1#top`,
    `${url.origin}/`,
    `${url.origin}${url.pathname.replace(/\/[^/]*$/, '')}`,
    `${url.origin}/coverage-claims/overview`,
    u.replace('https://', 'http://'),
    u.replace(url.hostname, `evil-${url.hostname}`),
    u.replace(url.hostname, `${url.hostname}.evil.example`),
  ];
});

describe('couldDetect agrees with detect', () => {
  it.each(
    [...new Set([...variants, 'not a url', 'https://portal.example-payer.com/claims/1'])].map((u) => [u]),
  )('%s', (href) => {
    expect(couldDetect(href, portalUrlRules())).toBe(detect(href, PORTAL_RULES) !== undefined);
  });

  it('every example URL could be read, and a portal home page could not', () => {
    for (const u of examples) expect(couldDetect(u, portalUrlRules())).toBe(true);
    expect(couldDetect('https://provider.humana.com/coverage-claims/overview', portalUrlRules())).toBe(false);
  });

  it('the URL side is plain data (it is built into the content script as JSON)', () => {
    expect(JSON.parse(JSON.stringify(portalUrlRules()))).toEqual(portalUrlRules());
  });
});
