import { describe, expect, it } from 'vitest';
import {
  FACILITY_PLACES_OF_SERVICE,
  findLocality,
  isFacilityPlaceOfService,
  medicareAmount,
  type PfsModifier,
  pfsFormulaCents,
} from '../../../../rules/pricing/medicare-pfs';
import { medicare2025, readCms } from './fixtures';

const mpfs = medicare2025();

/** Raw CSV cells straight from the files, without the app's parser. */
function rawRvu(code: string, modifier: string): string[] {
  const found = readCms('PPRRVU25_JAN_nodesc.csv')
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${code},${modifier},`));
  if (!found) throw new Error(`${code}-${modifier} not in PPRRVU`);
  return found.split(',');
}

function rawGpci(id: string): string[] {
  const [mac, locality] = id.split('-');
  const found = readCms('gpci2025_normalized.csv')
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${mac},`) && l.split(',')[2] === locality);
  if (!found) throw new Error(`${id} not in GPCI`);
  return found.split(',');
}

/** Decimal string → [integer, scale] exactly. */
function decimal(s: string): [bigint, bigint] {
  const [whole, fraction = ''] = s.trim().split('.');
  return [BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length)];
}

/** An independent exact computation: [(w×wG)+(pe×peG)+(mp×mpG)]×CF in rationals, half-up to cents. */
function independentCents(code: string, modifier: string, localityId: string, facility: boolean): number {
  const r = rawRvu(code, modifier);
  const g = rawGpci(localityId);
  // PPRRVU columns: 4 work, 5 non-fac PE, 7 fac PE, 9 MP, 23 CF; GPCI: 4 work, 5 PE, 6 MP.
  const terms: [string, string][] = [
    [r[4]!, g[4]!],
    [facility ? r[7]! : r[5]!, g[5]!],
    [r[9]!, g[6]!],
  ];
  const denominator = 10n ** 12n;
  let sum = 0n;
  for (const [rvu, gpci] of terms) {
    const [a, sa] = decimal(rvu);
    const [b, sb] = decimal(gpci);
    sum += (a * b * denominator) / (sa * sb);
  }
  const [cf, scf] = decimal(r[23]!);
  const scaledDollars = (sum * cf) / scf; // dollars × 10^12
  const centsTimes1e10 = scaledDollars * 100n;
  return Number((centsTimes1e10 + 5n * 10n ** 11n) / 10n ** 12n);
}

const LOCALITIES = [
  ['01182-18', 'Los Angeles'],
  ['13202-01', 'Manhattan'],
  ['07102-13', 'Arkansas (rural statewide)'],
  ['04412-99', 'Rest of Texas'],
] as const;

const LINES: [string, PfsModifier, string][] = [
  ['99213', '', 'E/M established, low'],
  ['99214', '', 'E/M established, moderate'],
  ['27447', '', 'total knee arthroplasty'],
  ['29881', '', 'knee arthroscopy, meniscectomy'],
  ['11042', '', 'debridement'],
  ['71046', '', 'chest X-ray, global'],
  ['71046', '26', 'chest X-ray, professional'],
  ['71046', 'TC', 'chest X-ray, technical'],
  ['70553', '', 'brain MRI, global'],
  ['70553', '26', 'brain MRI, professional'],
  ['70553', 'TC', 'brain MRI, technical'],
];

const CASES = LOCALITIES.flatMap(([id, place]) =>
  LINES.flatMap(([code, modifier, what]) =>
    [false, true].map((facility) => ({ id, place, code, modifier, what, facility })),
  ),
);

describe('medicareAmount against the real 2025 PPRRVU and GPCI files', () => {
  it.each(CASES)(
    '$code $modifier ($what) in $place, facility=$facility',
    ({ id, code, modifier, facility }) => {
      const amount = medicareAmount(mpfs, { code, modifier, locality: id, facility });
      expect(amount.ok).toBe(true);
      if (!amount.ok) return;
      expect(amount.cents).toBe(independentCents(code, modifier, id, facility));
      expect(amount.basis).toContain(
        `2025 Medicare, locality ${id}, ${facility ? 'facility' : 'non-facility'}`,
      );
    },
  );

  it('gives the published 99214 Los Angeles non-facility amount', () => {
    const amount = medicareAmount(mpfs, {
      code: '99214',
      modifier: '',
      locality: '01182-18',
      facility: false,
    });
    expect(amount).toMatchObject({ ok: true, cents: 13758 });
  });

  it('reads the conversion factor from the file', () => {
    expect(mpfs.conversionFactor).toBe(32.3465);
    expect(mpfs.year).toBe(2025);
  });

  it.each([
    ['27447', false, 'non-facility PE RVU marked NA'],
    ['71046', true, 'facility PE RVU marked NA'],
  ])('reports the NA indicator: %s facility=%s', (code, facility, text) => {
    const amount = medicareAmount(mpfs, { code, modifier: '', locality: '01182-18', facility });
    expect(amount).toMatchObject({ ok: true, settingNa: true });
    if (amount.ok) expect(amount.basis).toContain(text);
  });

  it.each([
    ['99499', '', '99499: status C, carrier-priced'],
    ['0001F', '', '0001F: status I, not valid for Medicare'],
    ['A0021', '', 'status I, not valid for Medicare'],
    ['99605', '', 'status X, statutory exclusion'],
    ['99214', '26', '99214-26: not allowed by Medicare (PC/TC indicator 0'],
    ['99999', '', '99999 is not in the 2025 Medicare fee schedule'],
  ] as [string, PfsModifier, string][])('does not price %s %s: "%s"', (code, modifier, reason) => {
    const amount = medicareAmount(mpfs, { code, modifier, locality: '01182-18', facility: false });
    expect(amount.ok).toBe(false);
    if (!amount.ok) expect(amount.reason).toContain(reason);
  });

  it('names a status code N service as non-covered', () => {
    const nCode = [...mpfs.rvus.values()].find((r) => r.statusCode === 'N')!;
    const amount = medicareAmount(mpfs, {
      code: nCode.hcpcs,
      modifier: nCode.modifier,
      locality: '01182-18',
      facility: false,
    });
    expect(amount).toMatchObject({ ok: false });
    if (!amount.ok) expect(amount.reason).toContain('status N, non-covered by Medicare');
  });
});

describe('pfsFormulaCents', () => {
  it.each([
    ['an exact half cent rounds up (double arithmetic would give 100.4999...)', 1, 1, 1.005, 101],
    ['below half a cent rounds down', 1, 1, 1.0049, 100],
    ['zero RVUs are $0', 0, 1.2, 32.3465, 0],
  ])('%s', (_what, work, gpci, cf, cents) => {
    expect(pfsFormulaCents({ work, pe: 0, mp: 0 }, { work: gpci, pe: 1, mp: 1 }, cf)).toBe(cents);
  });

  it('falls back to double precision for values with more decimals than CMS uses', () => {
    expect(pfsFormulaCents({ work: 1.00001, pe: 0, mp: 0 }, { work: 1, pe: 1, mp: 1 }, 100)).toBe(10000);
  });
});

describe('findLocality', () => {
  it.each([
    ['01182-18', '01182-18'],
    ['1182-18', '01182-18'],
    ['1182 18', '01182-18'],
    ['LOS ANGELES', '01182-18'],
    ['los angeles', '01182-18'],
    ['Manhattan', '13202-01'],
    ['ny queens', '13292-04'],
    ['rest of texas', '04412-99'],
    ['alaska', '02102-01'],
    ['10112-0', '10112-00'],
  ])('finds %s as %s', (query, id) => {
    const found = findLocality(mpfs, query);
    expect(found.ok).toBe(true);
    if (found.ok) expect(`${found.locality.mac}-${found.locality.localityNumber}`).toBe(id);
  });

  it.each([
    ['99999-99', 'locality 99999-99 not found in the 2025 GPCI file; nearest:'],
    ['manhatan', 'nearest: 13202-01 MANHATTAN (NY)'],
    ['rest of', 'is ambiguous: it matches 01112-75 REST OF CALIFORNIA (CA)'],
    ['san francisco', 'is ambiguous'],
    ['', 'no Medicare locality given'],
  ])('explains a miss for "%s"', (query, reason) => {
    const found = findLocality(mpfs, query);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toContain(reason);
  });
});

describe('facility places of service', () => {
  it.each([
    ['21', true],
    ['22', true],
    ['23', true],
    ['24', true],
    ['31', true],
    ['11', false],
    ['02', false],
    ['81', false],
  ])('POS %s facility=%s', (pos, facility) => {
    expect(isFacilityPlaceOfService(pos)).toBe(facility);
  });

  it('is the 15-code CMS list', () => {
    expect([...FACILITY_PLACES_OF_SERVICE].sort()).toEqual(
      ['19', '21', '22', '23', '24', '26', '31', '34', '41', '42', '51', '52', '53', '56', '61'].sort(),
    );
  });
});
