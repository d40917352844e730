import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseTemplates, TEMPLATES } from '../../../../rules/appeals/index';
import { TEMPLATE_IDS } from '../../../../rules/appeals/types';
import { draft, letterText, SCENARIO_FOR } from './letters';

const TEMPLATE_DIR = join(import.meta.dirname, '../../../../rules/appeals/templates');

describe('template registry', () => {
  it('lists every template once, sorted by id, matching TEMPLATE_IDS', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual([...TEMPLATE_IDS]);
  });

  it.each(TEMPLATE_IDS)('%s lives in its own file', (id) => {
    expect(
      existsSync(join(TEMPLATE_DIR, `${id}.ts`)),
      `template ${id} has no file: add rules/appeals/templates/${id}.ts`,
    ).toBe(true);
  });

  it.each(TEMPLATE_IDS)('%s applies to the claim its render test uses', (id) => {
    const s = SCENARIO_FOR[id]();
    expect(chooseTemplates(s.claim, s.score)).toContain(id);
  });
});

describe.each(TEMPLATE_IDS)('%s letter', (id) => {
  const letter = draft(id, SCENARIO_FOR[id]());

  it('matches its reviewed snapshot', async () => {
    await expect(letterText(letter)).toMatchFileSnapshot(`__snapshots__/${id}.txt`);
  });

  it('is plain text with a subject, citations and attachments', () => {
    expect(letter.body).not.toMatch(/<[a-z/][^>]*>/i);
    expect(letter.subject).toContain('TESTCLM0001');
    expect(letter.citations.length).toBeGreaterThan(0);
    expect(letter.attachments.length).toBeGreaterThan(0);
    for (const a of letter.attachments) expect(letter.body).toContain(a);
  });

  it('identifies the claim, the patient and the practice', () => {
    for (const text of [
      'TESTCLM0001',
      'TESTPATIENT, ALPHA',
      'TESTMEMBER01',
      'TESTPRACTICE ORTHOPEDIC GROUP',
    ]) {
      expect(letter.body).toContain(text);
    }
  });

  it('leaves no placeholder unlisted and lists none that is not shown', () => {
    const shown = [...letter.body.matchAll(/\[MISSING: ([^\]]+)\]/g)].map((m) => m[1]);
    expect(new Set(shown)).toEqual(new Set(letter.missing));
  });
});
