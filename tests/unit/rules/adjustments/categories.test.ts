import { readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_INFO,
  CATEGORY_LABEL,
  categorizeAdjustment,
  categorizeRemark,
} from '../../../../rules/adjustments/categories';
import { CARC_CATEGORY, RARC_CATEGORY } from '../../../../rules/adjustments/category-table';
import { carcStopDate, describeCarc, describeRarc } from '../../../../rules/adjustments/describe';
import { type AdjustmentGroup, type DenialCategory, DenialCategorySchema } from '../../../../rules/model';

const VISTA_DIR = path.resolve(process.cwd(), '../shared/data/carc-rarc/vista');

function csvCodes(file: string): string[] {
  const rows = Papa.parse<{ code: string }>(readFileSync(join(VISTA_DIR, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows.map((r) => r.code);
}

describe('categorizeAdjustment', () => {
  it.each<[AdjustmentGroup, string, DenialCategory]>([
    // cost share only under PR (domain.md 4.1)
    ['PR', '1', 'patient-cost-share'],
    ['PR', '2', 'patient-cost-share'],
    ['PR', '3', 'patient-cost-share'],
    ['PR', '66', 'patient-cost-share'],
    ['PR', '247', 'patient-cost-share'],
    ['PR', '248', 'patient-cost-share'],
    ['CO', '2', 'other'],
    ['OA', '1', 'other'],
    // contractual (domain.md 4.2 OON repricing pattern)
    ['CO', '45', 'contractual'],
    ['PR', '45', 'contractual'],
    ['CO', '131', 'contractual'],
    ['CO', '42', 'contractual'],
    ['CO', '253', 'contractual'],
    ['CO', 'P24', 'contractual'],
    // denial reasons
    ['CO', '50', 'medical-necessity'],
    ['CO', '55', 'medical-necessity'],
    ['CO', '151', 'medical-necessity'],
    ['CO', '40', 'medical-necessity'],
    ['CO', '197', 'authorization'],
    ['CO', '15', 'authorization'],
    ['CO', '29', 'timely-filing'],
    ['CO', 'B4', 'timely-filing'],
    ['CO', '286', 'timely-filing'],
    ['CO', '97', 'bundling'],
    ['CO', '59', 'bundling'],
    ['CO', '236', 'bundling'],
    ['CO', '4', 'bundling'],
    ['CO', '231', 'bundling'],
    ['CO', '22', 'coordination-of-benefits'],
    ['OA', '23', 'coordination-of-benefits'],
    ['CO', '109', 'coordination-of-benefits'],
    ['CO', '16', 'missing-information'],
    ['CO', '226', 'missing-information'],
    ['CO', '252', 'missing-information'],
    ['CO', '96', 'non-covered'],
    ['CO', '204', 'non-covered'],
    ['CO', '167', 'non-covered'],
    ['CO', '119', 'non-covered'],
    ['CO', 'B7', 'non-covered'],
    ['OA', '18', 'duplicate'],
    ['CO', 'B13', 'duplicate'],
    ['CO', '242', 'network'],
    ['CO', '243', 'network'],
    ['PR', '279', 'network'],
    // unknown or informational
    ['CO', 'A1', 'other'],
    ['CO', '999', 'other'],
  ])('%s-%s is %s', (group, reason, category) => {
    expect(categorizeAdjustment({ group, reason })).toBe(category);
  });

  it.each(csvCodes('carc.csv'))('CARC %s from the shared CSV gets a category in every group', (reason) => {
    for (const group of ['CO', 'PR', 'OA', 'PI', 'CR'] as const) {
      expect(DenialCategorySchema.safeParse(categorizeAdjustment({ group, reason })).success).toBe(true);
    }
  });

  it('maps every CARC in the table to a real category and only codes the list knows', () => {
    for (const [code, category] of Object.entries(CARC_CATEGORY)) {
      expect(DenialCategorySchema.parse(category), code).toBe(category);
      expect(describeCarc(code), `CARC ${code} is categorised but has no text`).toBeDefined();
    }
  });
});

describe('categorizeRemark', () => {
  it.each<[string, DenialCategory | undefined]>([
    ['N864', 'no-surprises-act'],
    ['N877', 'no-surprises-act'],
    ['N876', 'no-surprises-act'],
    ['N830', 'no-surprises-act'],
    ['M15', 'bundling'],
    ['N20', 'bundling'],
    ['N381', 'contractual'],
    ['N130', 'non-covered'],
    ['MA130', 'missing-information'],
    // by text: "Missing/incomplete/invalid HCPCS."
    ['M20', 'missing-information'],
    // alerts inform, they do not categorise
    ['MA01', undefined],
    ['N855', undefined],
    ['ZZ1', undefined],
  ])('%s is %s', (code, category) => {
    expect(categorizeRemark(code)).toBe(category);
  });

  it('lists only remarks the tables describe', () => {
    for (const code of Object.keys(RARC_CATEGORY)) expect(describeRarc(code), code).toBeDefined();
  });
});

describe('describeCarc / describeRarc', () => {
  it.each<[string, string]>([
    ['45', 'Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement.'],
    ['6', "The procedure/revenue code is inconsistent with the patient's age."],
    ['279', 'Services not provided by Preferred network providers.'],
  ])('CARC %s starts "%s"', (code, text) => {
    expect(describeCarc(code)?.startsWith(text)).toBe(true);
  });

  it('drops the boilerplate 835 REF note', () => {
    expect(describeCarc('50')).toBe(
      'These are non-covered services because this is not deemed a "medical necessity" by the payer.',
    );
  });

  it('knows stopped codes and their stop date', () => {
    expect(carcStopDate('42')).toBe('2007-06-01');
    expect(carcStopDate('45')).toBeUndefined();
  });

  it.each(['N859', 'N860', 'N862', 'N863', 'N864', 'N865', 'N866', 'N867', 'N868', 'N869', 'N870'])(
    'NSA remark %s (domain.md 4.4) has text',
    (code) => {
      expect(describeRarc(code)).toMatch(/No Surprise/);
    },
  );

  it.each(['N871', 'N872', 'N873', 'N874', 'N875', 'N876', 'N877', 'N878', 'N879', 'N882', 'N884', 'N885'])(
    'NSA remark %s (domain.md 4.4) has text',
    (code) => {
      expect(describeRarc(code)).toMatch(/No Surprises Act/);
    },
  );

  it('answers undefined for an unknown code and ignores case and spaces', () => {
    expect(describeCarc('ZZ9')).toBeUndefined();
    expect(describeRarc(' ma13 ')).toMatch(/PR \(patient responsibility\)/);
  });

  it('has every RARC in the shared CSV', () => {
    for (const code of csvCodes('rarc.csv')) expect(describeRarc(code), code).toBeDefined();
  });
});

describe('CATEGORY_INFO', () => {
  it.each(DenialCategorySchema.options)('%s has a label, one-sentence action and documents', (category) => {
    const info = CATEGORY_INFO[category];
    expect(info.label).toBe(CATEGORY_LABEL[category]);
    expect(info.action).toMatch(/^[A-Z][^.]*(\.[^.]+)*\.$/);
    expect(info.documents.length).toBeGreaterThan(0);
  });

  it.each<[DenialCategory, boolean]>([
    ['contractual', true],
    ['medical-necessity', true],
    ['no-surprises-act', true],
    ['patient-cost-share', false],
    ['missing-information', false],
  ])('%s appealable is %s', (category, appealable) => {
    expect(CATEGORY_INFO[category].appealable).toBe(appealable);
  });
});
