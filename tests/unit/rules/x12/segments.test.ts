import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEra835 } from '../../../../rules/x12';
import { qualifierKey, SegmentReader } from '../../../../rules/x12/segments';
import { build835, simpleClaim } from './build-835';

const DELIMITERS = { element: '*', component: ':', segment: '~' };

/** A reader on the single segment `XX*<value>~`. */
function readerOn(value: string): SegmentReader {
  const r = new SegmentReader(`XX*${value}~`, 0, DELIMITERS);
  expect(r.next()).toBe(true);
  return r;
}

const QUALIFIERS = [
  'B6',
  '472',
  '150',
  '151',
  '232',
  '233',
  '050',
  '405',
  'QC',
  'IL',
  '2U',
  'TJ',
  '6R',
  'HE',
  'MA',
];

describe('SegmentReader.qualifier: an element compared with a qualifier as one number', () => {
  it('equals qualifierKey(q) exactly when the element is q (is(n, q))', () => {
    const value = fc.oneof(
      fc.constantFrom(...QUALIFIERS, '', '47', '4720', '472 ', ' 472', 'b6', 'B', '\u0100B6', 'B\u00366'),
      fc.string({ maxLength: 4 }).filter((s) => !/[*~]/.test(s)),
      fc.string({ unit: 'binary', maxLength: 3 }).filter((s) => !/[*~]/.test(s)),
    );
    fc.assert(
      fc.property(value, fc.constantFrom(...QUALIFIERS), (v, q) => {
        const r = readerOn(v);
        expect(r.qualifier(1) === qualifierKey(q)).toBe(r.is(1, q));
      }),
      { numRuns: 2000 },
    );
  });

  it('is -1 for absent, empty, long or non-Latin-1 elements', () => {
    expect(readerOn('').qualifier(1)).toBe(-1);
    expect(readerOn('4720').qualifier(1)).toBe(-1);
    expect(readerOn('4\u01002').qualifier(1)).toBe(-1);
    expect(readerOn('472').qualifier(2)).toBe(-1);
  });
});

describe('SegmentReader.trimmed: str(n).trim() without the trim when nothing is to be trimmed', () => {
  it('equals str(n).trim() for any element', () => {
    const ws = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '\u3000',
      '\u0085',
      '\u000b',
    );
    const value = fc
      .tuple(fc.option(ws), fc.string({ unit: 'binary', maxLength: 6 }), fc.option(ws))
      .map(([a, mid, b]) => `${a ?? ''}${mid}${b ?? ''}`.replace(/[*~]/g, ''));
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 3 }), (v, n) => {
        const r = readerOn(v);
        expect(r.trimmed(n)).toBe(r.str(n).trim());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('SegmentReader: elements as a plain split would give them', () => {
  it('for any segments, white space between them, and slices of any size', () => {
    const element = fc.string({ maxLength: 6 }).map((v) => v.replace(/[*~]/g, ''));
    const segment = fc.tuple(
      fc.constantFrom('CLP', 'NM1', 'DTM', 'SVC', 'CAS', 'N1', 'LQ'),
      fc.array(element, { maxLength: 8 }),
      fc.constantFrom('', '\n', '\r\n', ' \t\n'),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (segs, size) => {
          const text = segs.map(([id, els, ws]) => `${[id, ...els].join('*')}~${ws}`).join('');
          const expected = segs.map(([id, els]) => [id, ...els]);
          // Whole text.
          const whole = new SegmentReader(text, 0, DELIMITERS);
          const got: string[][] = [];
          while (whole.next())
            got.push(Array.from({ length: whole.count }, (_, n) => (n === 0 ? whole.id : whole.str(n))));
          expect(got).toEqual(expected);
          // In slices, as Era835Stream feeds it (the rest of each slice carried into the next).
          const sliced: string[][] = [];
          const padded = text + ' '.repeat(600);
          let r: SegmentReader | null = null;
          for (let at = 0; at < padded.length; at += size) {
            const more = at + size < padded.length;
            const slice = padded.slice(at, at + size);
            if (r === null) r = new SegmentReader(slice, 0, DELIMITERS, more);
            else r.continueWith(r.rest() + slice, more);
            while (r.next()) {
              const reader = r;
              sliced.push(
                Array.from({ length: reader.count }, (_, n) => (n === 0 ? reader.id : reader.str(n))),
              );
            }
          }
          expect(sliced).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('readEra835: lists of one code', () => {
  it('are shared per code, frozen like the empty lists, and read as plain arrays', () => {
    const text = build835([{ totalPaid: '300.00', claims: [simpleClaim(1), simpleClaim(2)] }]);
    const result = readEra835(text, 'codes.835');
    if (!result.ok) throw new Error(result.error);
    const [a, b] = result.claims;
    const ma = a?.lines[0]?.modifiers;
    const mb = b?.lines[0]?.modifiers;
    expect(ma).toEqual(['25']);
    expect(mb).toBe(ma);
    expect(Object.isFrozen(ma)).toBe(true);
    expect(JSON.stringify(ma)).toBe('["25"]');
    expect(structuredClone(ma)).toEqual(['25']);
  });
});
