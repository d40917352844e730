import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, readCsvRecordsWithPapa } from '../../../../storage/imports/cms-pfs';
import { readCms } from '../../rules/pricing/fixtures';

/**
 * readCsvRecords splits a file without quote characters itself and gives everything else to Papa Parse.
 * Both must give the same records and line numbers, whatever the delimiter Papa Parse would guess.
 */
const chars = fc.constantFrom(
  'a',
  'B',
  '7',
  ' ',
  ',',
  ',',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\n',
  '\r',
  '\r\n',
  '\u001A',
  '\u001E',
  '\u001F',
  '-',
  '.',
);

describe('readCsvRecords', () => {
  it('reads quote-free text as Papa Parse does', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(chars, { maxLength: 120 }), (bom, parts) => {
        const text = `${bom ? '\uFEFF' : ''}${parts.join('')}`;
        expect(readCsvRecords(text)).toEqual(readCsvRecordsWithPapa(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the CMS files as Papa Parse does', () => {
    for (const file of [
      'PPRRVU25_JAN_nodesc.csv',
      'GPCI2025.csv',
      '25LOCCO1.csv',
      'gpci2025_normalized.csv',
    ]) {
      const text = readCms(file);
      expect(readCsvRecords(text), file).toEqual(readCsvRecordsWithPapa(text));
    }
  });

  it('leaves quoted fields, delimiters and line breaks inside them to Papa Parse', () => {
    expect(readCsvRecords('a,"b,\nc",d\ne,f')).toEqual([
      { line: 1, cells: ['a', 'b,\nc', 'd'] },
      { line: 3, cells: ['e', 'f'] },
    ]);
  });
});
