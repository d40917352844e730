import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  normaliseHcpcs,
  parseGpciCsv,
  parseLocalityCountyCsv,
  parsePprrvuCsv,
} from '../../../../storage/imports/cms-pfs';

const CMS_DIR = path.resolve(process.cwd(), '../shared/data/cms-pfs/gmills21-2025');
const read = (file: string) => readFileSync(path.join(CMS_DIR, file), 'utf8');

describe('parsePprrvuCsv on the real 2025 file', () => {
  const result = parsePprrvuCsv(read('PPRRVU25_JAN_nodesc.csv'));

  it('reads every data row through the title rows and the header wrapped over five rows', () => {
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(18865);
    expect(result.year).toBe(2025);
    expect(result.conversionFactor).toBe(32.3465);
    expect(result.notes.map((n) => n.line)).toEqual([1, 2, 3, 5]);
  });

  it.each([
    [
      '27447',
      '',
      { statusCode: 'A', workRvu: 19.6, nonFacilityNa: true, globalDays: '090', bilateralIndicator: 1 },
    ],
    [
      '11042',
      '',
      { facilityPeRvu: 0.68, globalDays: '000', multipleProcedureIndicator: 2, assistantIndicator: 1 },
    ],
    ['70553', 'TC', { workRvu: 0, nonFacilityPeRvu: 6.44, facilityNa: true, pcTcIndicator: 1 }],
    ['0001F', '', { statusCode: 'I' }],
    ['99213', '', { workRvu: 1.3, nonFacilityPeRvu: 1.35, mpRvu: 0.1, conversionFactor: 32.3465 }],
  ])('%s %s', (hcpcs, modifier, fields) => {
    expect(result.rows.find((r) => r.hcpcs === hcpcs && r.modifier === modifier)).toMatchObject(fields);
  });

  it('reads the key-code subset the same way', () => {
    const subset = parsePprrvuCsv(read('PPRRVU25_JAN_nodesc_keycodes.csv'));
    expect(subset.errors).toEqual([]);
    expect(subset.rows).toHaveLength(106);
  });
});

/** A synthetic single-header file as spreadsheets leave it: zeros stripped, double spaces, CO- SURG. */
const SYNTHETIC = [
  '2030 National Physician Fee Schedule Relative Value File,,,,,,,,,,,,,,,,,,',
  'HCPCS,MOD,STATUS CODE,WORK RVU,NON-FAC PE RVU,NON-FAC  NA INDICATOR,FACILITY PE RVU,FACILITY  NA INDICATOR,MP RVU,PCTC IND,GLOB DAYS,MULT PROC,BILAT SURG,ASST SURG,CO- SURG,TEAM SURG,CONV FACTOR,NOT USED FOR MEDICARE  PAYMENT',
  '100,,J,0,0,,0,,0,9,XXX,9,9,9,9,9,33.1,',
  '1F,,M,0,0,,0,,0,9,XXX,9,9,9,9,9,33.1,',
  '27447,,A,19.6,15.3,NA,15.3,,3.98,0,90,2,1,2,1,0,33.1,',
  '27447,,A,19.6,15.3,NA,15.3,,3.98,0,90,2,1,2,1,0,33.1,',
  '99213,,A,1.3,abc,,0.57,,0.1,0,XXX,0,0,0,0,0,33.1,',
  '99214,,A,-1.92,1.8,,0.83,,0.15,0,XXX,0,0,0,0,0,33.1,',
  '99215,XX,A,1,1,,1,,1,0,XXX,0,0,0,0,0,33.1,',
  '1.00E+02,,A,1,1,,1,,1,0,XXX,0,0,0,0,0,33.1,',
  '99202,,A,1,1,,1,,1,0,XXX,0,0,0,0,0,,',
  ',,,,,,,,,,,,,,,,,',
  '"Footnote: rows above are synthetic",,,,,,,,,,,,,,,,,',
].join('\r\n');

describe('parsePprrvuCsv on a synthetic spreadsheet-mangled file', () => {
  const result = parsePprrvuCsv(SYNTHETIC);

  it('restores stripped leading zeros and reads double-spaced headers', () => {
    expect(result.rows.map((r) => r.hcpcs)).toEqual(['00100', '0001F', '27447']);
    expect(result.rows[2]).toMatchObject({ nonFacilityNa: true, coSurgeonIndicator: 1, globalDays: '090' });
    expect(result.year).toBe(2030);
    expect(result.conversionFactor).toBe(33.1);
  });

  it.each([
    [6, 'duplicate row for 27447  (first at line 5)'],
    [7, '99213: non-facility PE RVU "abc" is not a number'],
    [8, '99214: work RVU -1.92 is negative'],
    [9, '99215: modifier "XX" is not blank, 26, TC or 53'],
    [10, 'HCPCS "1.00E+02" was turned into a number by a spreadsheet'],
    [11, '99202: conversion factor is missing or zero'],
  ])('reports line %i: %s', (line, message) => {
    const error = result.errors.find((e) => e.line === line);
    expect(error?.message).toContain(message);
  });

  it('drops no row silently: every non-blank line is a row, an error or a note', () => {
    expect(result.rows.length + result.errors.length + result.notes.length).toBe(13 - 1 - 1);
    expect(result.notes.at(-1)).toEqual({ line: 13, text: 'Footnote: rows above are synthetic' });
  });

  it.each([
    ['', 'no header row starting with HCPCS'],
    ['HCPCS,MOD\n99213,', 'missing columns STATUSCODE, WORKRVU'],
  ])('refuses a file without the PPRRVU header', (text, message) => {
    const r = parsePprrvuCsv(text);
    expect(r.rows).toEqual([]);
    expect(r.errors[0]?.message).toContain(message);
  });
});

describe('normaliseHcpcs', () => {
  it.each([
    ['100', '00100'],
    ['99213', '99213'],
    ['1F', '0001F'],
    ['15T', '0015T'],
    [' g0438 ', 'G0438'],
  ])('%s → %s', (raw, code) => {
    expect(normaliseHcpcs(raw)).toBe(code);
  });

  it.each(['1.00E+02', '992134', ''])('rejects %s', (raw) => {
    expect(normaliseHcpcs(raw)).toHaveProperty('error');
  });
});

describe('parseGpciCsv', () => {
  it.each(['GPCI2025.csv', 'gpci2025_normalized.csv'])('reads %s with zeros restored', (file) => {
    const result = parseGpciCsv(read(file));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(109);
    expect(result.year).toBe(2025);
    expect(result.rows.find((r) => r.localityName === 'MANHATTAN')).toEqual({
      mac: '13202',
      state: 'NY',
      localityNumber: '01',
      localityName: 'MANHATTAN',
      workGpci: 1.065,
      peGpci: 1.166,
      mpGpci: 1.656,
    });
    expect(result.rows.find((r) => r.state === 'AK')).toMatchObject({
      mac: '02102',
      localityName: 'ALASKA',
      workGpci: 1.5,
    });
  });

  it('keeps the footnotes as notes', () => {
    const result = parseGpciCsv(read('GPCI2025.csv'));
    expect(result.notes.map((n) => n.text)).toContain(
      '*Work GPCI reflects a 1.5 floor in Alaska established by the MIPPA.',
    );
  });

  it.each([
    ['1112,CA,5X,SAN FRANCISCO,1.1,1.2,0.5', 'locality number "5X" is not 2 digits'],
    ['1112,CA,5,SAN FRANCISCO,1.1,,0.5', 'locality 01112-05: PE GPCI "" is not a number'],
    ['1112,CA,5,SAN FRANCISCO,1.1,-1,0.5', 'PE GPCI -1 is negative'],
    ['ABC,CA,5,SAN FRANCISCO,1.1,1,0.5', 'MAC "ABC" is not a 5-digit contractor number'],
  ])('reports a bad row: %s', (row, message) => {
    const text = [
      'ADDENDUM E,,,,,,',
      'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2030 PW GPCI (with 1.0 Floor),2030 PE GPCI,2030 MP GPCI',
      row,
    ].join('\n');
    const result = parseGpciCsv(text);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 3, message: expect.stringContaining(message) }]);
  });
});

describe('parseLocalityCountyCsv', () => {
  it('reads the 2025 crosswalk, carrying state names down', () => {
    const result = parseLocalityCountyCsv(read('25LOCCO1.csv'));
    expect(result.errors).toEqual([]);
    expect(result.rows.find((r) => r.mac === '01112' && r.localityNumber === '52')).toMatchObject({
      state: 'CALIFORNIA',
      counties: 'MARIN',
    });
  });
});
