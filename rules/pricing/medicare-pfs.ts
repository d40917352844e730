/**
 * The Medicare Physician Fee Schedule (domain.md 1): RVU rows, GPCI localities, and the CMS payment formula.
 * Pure data and arithmetic; the CSV readers live in storage/imports/cms-pfs.ts.
 */

/** PPRRVU modifiers (domain.md 1.3): '' global, 26 professional, TC technical, 53 discontinued. */
export type PfsModifier = '' | '26' | 'TC' | '53';

/** One PPRRVU record (domain.md 1.3); indicators are the single digits defined in domain.md 1.4. */
export interface RvuRow {
  hcpcs: string;
  modifier: PfsModifier;
  /** A, R, T are priced; the others say why not (domain.md 1.1). */
  statusCode: string;
  workRvu: number;
  nonFacilityPeRvu: number;
  facilityPeRvu: number;
  /** "NA": CMS does not expect the service in a non-facility setting. */
  nonFacilityNa: boolean;
  /** "NA": CMS does not expect the service in a facility setting. */
  facilityNa: boolean;
  mpRvu: number;
  /** 0 physician service, 1 diagnostic test with 26/TC, 2 PC-only, 3 TC-only ... (domain.md 1.4). */
  pcTcIndicator: number;
  /** 000, 010, 090, MMM, XXX, YYY, ZZZ. */
  globalDays: string;
  /** Modifier 51 rules: 2 = standard 100/50/50/50/50. */
  multipleProcedureIndicator: number;
  /** Modifier 50 rules: 1 = 150%, 2 = already bilateral, 3 = each side 100%. */
  bilateralIndicator: number;
  /** 0 documentation required, 1 never paid, 2 may be paid, 9 n/a. */
  assistantIndicator: number;
  /** 0 not permitted, 1 with documentation, 2 with two specialties, 9 n/a. */
  coSurgeonIndicator: number;
  /** 0 not permitted, 1 documentation, by report, 2 by report, 9 n/a. */
  teamSurgeryIndicator: number;
  /** Dollars per RVU, from the file's CONV FACTOR column. */
  conversionFactor: number;
}

/** One Addendum E row (domain.md 1.3). `mac` is 5 digits and `localityNumber` 2, zeros restored. */
export interface GpciRow {
  mac: string;
  state: string;
  localityNumber: string;
  localityName: string;
  /** The "with 1.0 floor" physician work GPCI, the one used for pricing. */
  workGpci: number;
  peGpci: number;
  mpGpci: number;
}

/** A year's PFS, indexed once: `rvus` is keyed by `rvuKey(hcpcs, modifier)`. */
export interface MedicareFeeSchedule {
  year: number;
  conversionFactor: number;
  rvus: Map<string, RvuRow>;
  localities: GpciRow[];
}

export function rvuKey(hcpcs: string, modifier: PfsModifier): string {
  return `${hcpcs}|${modifier}`;
}

/** `01182-18`: the MAC and locality number that name a locality everywhere in this app. */
export function localityId(row: GpciRow): string {
  return `${row.mac}-${row.localityNumber}`;
}

/** Builds the indexed schedule; the conversion factor is the one most rows carry (they all do in CMS files). */
export function buildMedicareFeeSchedule(input: {
  year: number;
  rvus: readonly RvuRow[];
  localities: readonly GpciRow[];
  conversionFactor?: number;
}): MedicareFeeSchedule {
  const rvus = new Map<string, RvuRow>();
  const cfCounts = new Map<number, number>();
  for (const row of input.rvus) {
    rvus.set(rvuKey(row.hcpcs, row.modifier), row);
    cfCounts.set(row.conversionFactor, (cfCounts.get(row.conversionFactor) ?? 0) + 1);
  }
  let conversionFactor = input.conversionFactor ?? 0;
  if (input.conversionFactor === undefined) {
    let best = 0;
    for (const [cf, count] of cfCounts) {
      if (count > best) {
        best = count;
        conversionFactor = cf;
      }
    }
  }
  return { year: input.year, conversionFactor, rvus, localities: [...input.localities] };
}

/**
 * Places of service whose claims take facility PE RVUs (domain.md 1.1: hospital inpatient/outpatient, ER,
 * SNF, ASC). The list is CMS's "facility" POS set from MCPM Ch. 12 §20.4.2 (Site of Service Payment
 * Differential): 19 and 22 off-/on-campus outpatient hospital, 21 inpatient, 23 ER, 24 ASC, 26 military
 * treatment facility, 31 SNF, 34 hospice, 41/42 ambulance, 51 inpatient psych, 52 psych partial
 * hospitalization, 53 community mental health center, 56 psych residential treatment, 61 inpatient rehab.
 */
export const FACILITY_PLACES_OF_SERVICE: ReadonlySet<string> = new Set([
  '19',
  '21',
  '22',
  '23',
  '24',
  '26',
  '31',
  '34',
  '41',
  '42',
  '51',
  '52',
  '53',
  '56',
  '61',
]);

export function isFacilityPlaceOfService(placeOfService: string | undefined): boolean {
  return placeOfService !== undefined && FACILITY_PLACES_OF_SERVICE.has(placeOfService);
}

/** PPRRVU status codes (domain.md 1.1, RVU26A Attachment A). Only A, R and T carry a Medicare amount. */
const STATUS_MEANING: Readonly<Record<string, string>> = {
  A: 'active',
  R: 'restricted coverage, priced if covered',
  T: 'paid only if no other PFS service is billed the same day',
  B: 'bundled into another service, never paid separately',
  C: 'carrier-priced (no national Medicare amount)',
  E: 'excluded from the PFS by regulation',
  I: 'not valid for Medicare',
  J: 'anesthesia service (paid from the anesthesia conversion factor, not the PFS)',
  M: 'measurement code, not paid',
  N: 'non-covered by Medicare',
  P: 'bundled or excluded',
  X: 'statutory exclusion, not paid by Medicare',
};

const PRICED_STATUS = new Set(['A', 'R', 'T']);

export function statusMeaning(statusCode: string): string {
  return STATUS_MEANING[statusCode] ?? 'not priced by Medicare';
}

/** A schedule's rows by modifier, then code: built once per schedule, so a lookup builds no key string. */
type RowsByModifier = Readonly<Record<PfsModifier, Map<string, RvuRow>>>;

const rowsByModifier = new WeakMap<MedicareFeeSchedule, RowsByModifier>();

function rowsOf(mpfs: MedicareFeeSchedule): RowsByModifier {
  // Every line asks, nearly always of the same schedule: skip the WeakMap when it is the last one.
  if (mpfs !== lastSchedule) {
    let rows = rowsByModifier.get(mpfs);
    if (!rows) {
      rows = { '': new Map(), '26': new Map(), TC: new Map(), '53': new Map() };
      // Filed by the key they are stored under, so a lookup finds what `rvus.get(rvuKey(...))` finds.
      for (const [key, row] of mpfs.rvus) {
        const bar = key.lastIndexOf('|');
        const byCode = rows[key.slice(bar + 1) as PfsModifier];
        if (byCode) byCode.set(key.slice(0, bar), row);
      }
      rowsByModifier.set(mpfs, rows);
    }
    lastSchedule = mpfs;
    lastRows = rows;
  }
  return lastRows;
}

let lastSchedule: MedicareFeeSchedule | undefined;
let lastRows: RowsByModifier = { '': new Map(), '26': new Map(), TC: new Map(), '53': new Map() };

/** The code's global (unmodified) row, from a code-keyed index built once per schedule. */
export function globalRvuRow(mpfs: MedicareFeeSchedule, code: string): RvuRow | undefined {
  return rowsOf(mpfs)[''].get(code);
}

/** `mpfs.rvus.get(rvuKey(code, modifier))`, without building the key (a code-keyed index per modifier). */
export function rvuRowFor(
  mpfs: MedicareFeeSchedule,
  code: string,
  modifier: PfsModifier,
): RvuRow | undefined {
  return rowsOf(mpfs)[modifier].get(code);
}

// ---------------------------------------------------------------------------------------------
// Localities

export type LocalityResult = { ok: true; locality: GpciRow } | { ok: false; reason: string };

interface LocalityIndex {
  byId: Map<string, GpciRow>;
  /** Normalised "STATE NAME" per row, for name search. */
  searchText: string[];
  /** Every lookup answered once per schedule: pricing asks for the same few localities a million times. */
  cache: Map<string, LocalityResult>;
}

const localityIndexes = new WeakMap<MedicareFeeSchedule, LocalityIndex>();

function normaliseName(s: string): string {
  return s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

function localityIndex(mpfs: MedicareFeeSchedule): LocalityIndex {
  let index = localityIndexes.get(mpfs);
  if (!index) {
    index = { byId: new Map(), searchText: [], cache: new Map() };
    for (const row of mpfs.localities) {
      index.byId.set(localityId(row), row);
      index.searchText.push(` ${normaliseName(`${row.state} ${row.localityName}`)} `);
    }
    localityIndexes.set(mpfs, index);
  }
  return index;
}

function describeLocality(row: GpciRow): string {
  return `${localityId(row)} ${row.localityName} (${row.state})`;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i += 1) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of character pairs: good enough to suggest "MANHATTAN" for "MANHATAN". */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size + y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

function nearMatches(mpfs: MedicareFeeSchedule, query: string, count: number): string {
  const q = normaliseName(query);
  const scored = mpfs.localities
    .map((row) => ({
      row,
      score: Math.max(
        similarity(q, normaliseName(row.localityName)),
        similarity(q, localityId(row)),
        similarity(q, normaliseName(`${row.state} ${row.localityName}`)),
      ),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count);
  return scored.map((s) => describeLocality(s.row)).join('; ');
}

const LOCALITY_ID = /^(\d{1,5})\s*[-/ ]\s*(\d{1,2})$/;

function resolveLocality(mpfs: MedicareFeeSchedule, index: LocalityIndex, id: string): LocalityResult {
  const raw = id.trim();
  if (raw === '') return { ok: false, reason: 'no Medicare locality given' };
  const m = LOCALITY_ID.exec(raw);
  if (m) {
    const key = `${m[1]!.padStart(5, '0')}-${m[2]!.padStart(2, '0')}`;
    const row = index.byId.get(key);
    if (row) return { ok: true, locality: row };
    return {
      ok: false,
      reason: `locality ${key} not found in the ${mpfs.year} GPCI file; nearest: ${nearMatches(mpfs, key, 3)}`,
    };
  }
  const q = normaliseName(raw);
  const exact = mpfs.localities.filter(
    (row) => normaliseName(row.localityName) === q || normaliseName(`${row.state} ${row.localityName}`) === q,
  );
  if (exact.length === 1) return { ok: true, locality: exact[0]! };
  const tokens = q.split(' ').filter((t) => t.length > 0);
  const hits: GpciRow[] = [];
  index.searchText.forEach((text, i) => {
    if (tokens.length > 0 && tokens.every((t) => text.includes(t))) hits.push(mpfs.localities[i]!);
  });
  if (hits.length === 1) return { ok: true, locality: hits[0]! };
  if (hits.length > 1 || exact.length > 1) {
    const list = (exact.length > 1 ? exact : hits).map(describeLocality).join('; ');
    return {
      ok: false,
      reason: `locality "${raw}" is ambiguous: it matches ${list}; use the MAC-locality id`,
    };
  }
  return { ok: false, reason: `locality "${raw}" not found; nearest: ${nearMatches(mpfs, raw, 3)}` };
}

/**
 * Finds a locality by `01182-18` (MAC-locality), `1182-18` (zeros stripped), its name ("LOS ANGELES",
 * any case) or a unique substring of state and name ("ny manhattan"). Misses list the nearest localities.
 */
export function findLocality(mpfs: MedicareFeeSchedule, id: string): LocalityResult {
  const index = localityIndex(mpfs);
  let result = index.cache.get(id);
  if (!result) {
    result = resolveLocality(mpfs, index, id);
    index.cache.set(id, result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Amounts

export interface MedicareQuery {
  code: string;
  modifier: PfsModifier;
  /** A row from `findLocality`, or any id it accepts. */
  locality: GpciRow | string;
  facility: boolean;
}

export type MedicareAmount =
  | {
      ok: true;
      /** One unit, rounded to the cent as CMS publishes it. */
      cents: number;
      /** "2025 Medicare, locality 01182-18, non-facility". */
      basis: string;
      row: RvuRow;
      locality: GpciRow;
      /** The chosen setting's NA indicator is set: CMS does not expect the service there. */
      settingNa: boolean;
    }
  | { ok: false; reason: string };

/** x·10^places as an integer when x has at most `places` decimals (every CMS RVU, GPCI and CF does). */
function scaled(x: number, factor: number): number | undefined {
  const s = Math.round(x * factor);
  return Math.abs(s - x * factor) < 1e-6 ? s : undefined;
}

/** Half-up rounding of a non-negative dollar amount to cents. */
function roundDollarsToCents(dollars: number): number {
  return Math.floor(dollars * 100 + 0.5 + 1e-9);
}

/**
 * The CMS formula (domain.md 1.1), [(wRVU×wGPCI) + (PE RVU×peGPCI) + (MP RVU×mpGPCI)] × CF, rounded half-up
 * to the cent once, at the end, as CMS does for published locality amounts. The files give RVUs to 2
 * decimals, GPCIs to 3 and the CF to 4, so the product is computed exactly in scaled integers (at most
 * ~10^14, below 2^53): this equals full-precision arithmetic without binary floating-point error tipping an
 * exact half cent down. Values with more decimals fall back to double precision.
 */
export function pfsFormulaCents(
  rvus: { work: number; pe: number; mp: number },
  gpci: { work: number; pe: number; mp: number },
  conversionFactor: number,
): number {
  const w = scaled(rvus.work, 100);
  const p = scaled(rvus.pe, 100);
  const m = scaled(rvus.mp, 100);
  const gw = scaled(gpci.work, 1000);
  const gp = scaled(gpci.pe, 1000);
  const gm = scaled(gpci.mp, 1000);
  const cf = scaled(conversionFactor, 10000);
  if (
    w !== undefined &&
    p !== undefined &&
    m !== undefined &&
    gw !== undefined &&
    gp !== undefined &&
    gm !== undefined &&
    cf !== undefined
  ) {
    // Units of 1e-9 dollars: (RVU·100)(GPCI·1000)(CF·10^4); one cent is 10^7 of them.
    const nanoDollars = (w * gw + p * gp + m * gm) * cf;
    if (Number.isSafeInteger(nanoDollars) && nanoDollars >= 0)
      return Math.floor((nanoDollars + 5_000_000) / 10_000_000);
  }
  const dollars = (rvus.work * gpci.work + rvus.pe * gpci.pe + rvus.mp * gpci.mp) * conversionFactor;
  return roundDollarsToCents(dollars);
}

/**
 * One unit of `code` (with a 26/TC/53 modifier or '') in a locality and setting, or why Medicare has no
 * amount for it: an unknown code, a status other than A/R/T, a modifier the code does not take.
 */
export function medicareAmount(mpfs: MedicareFeeSchedule, query: MedicareQuery): MedicareAmount {
  let locality: GpciRow;
  if (typeof query.locality === 'string') {
    const found = findLocality(mpfs, query.locality);
    if (!found.ok) return found;
    locality = found.locality;
  } else locality = query.locality;
  const row = rvuRowFor(mpfs, query.code, query.modifier);
  if (!row) return { ok: false, reason: missingRowReason(mpfs, query.code, query.modifier) };
  if (!PRICED_STATUS.has(row.statusCode)) {
    return {
      ok: false,
      reason: `${codeText(query.code, query.modifier)}: status ${row.statusCode}, ${statusMeaning(row.statusCode)}`,
    };
  }
  return pricedAmount(mpfs, row, locality, query.facility);
}

type PricedAmount = Extract<MedicareAmount, { ok: true }>;

/**
 * What `medicareAmount` gives when it gives an amount (the same shared object), else undefined, without
 * writing why not: the pricing hot path, where a miss only moves on to the next method.
 */
export function medicareFound(
  mpfs: MedicareFeeSchedule,
  code: string,
  modifier: PfsModifier,
  locality: GpciRow,
  facility: boolean,
): PricedAmount | undefined {
  const row = rvuRowFor(mpfs, code, modifier);
  if (!row || !PRICED_STATUS.has(row.statusCode)) return undefined;
  return pricedAmount(mpfs, row, locality, facility);
}

/** Amounts by schedule, locality, row and setting: a run prices the same few codes in the same locality. */
const amountsBySchedule = new WeakMap<MedicareFeeSchedule, WeakMap<GpciRow, Map<RvuRow, PricedAmount[]>>>();
let lastAmountSchedule: MedicareFeeSchedule | undefined;
let lastAmounts = new WeakMap<GpciRow, Map<RvuRow, PricedAmount[]>>();

/**
 * One unit of a priced row in a locality and setting, worked out once and then shared (frozen): the
 * answer depends on nothing else (the schedule's year is in the basis, hence the per-schedule table).
 */
function pricedAmount(
  mpfs: MedicareFeeSchedule,
  row: RvuRow,
  locality: GpciRow,
  facility: boolean,
): PricedAmount {
  if (mpfs !== lastAmountSchedule) {
    let bySchedule = amountsBySchedule.get(mpfs);
    if (!bySchedule) {
      bySchedule = new WeakMap();
      amountsBySchedule.set(mpfs, bySchedule);
    }
    lastAmountSchedule = mpfs;
    lastAmounts = bySchedule;
  }
  let byRow = lastAmounts.get(locality);
  if (!byRow) {
    byRow = new Map();
    lastAmounts.set(locality, byRow);
  }
  let settings = byRow.get(row);
  if (!settings) {
    settings = [];
    byRow.set(row, settings);
  }
  const slot = facility ? 1 : 0;
  let amount = settings[slot];
  if (!amount) {
    amount = Object.freeze(computeAmount(mpfs, row, locality, facility));
    settings[slot] = amount;
  }
  return amount;
}

function computeAmount(
  mpfs: MedicareFeeSchedule,
  row: RvuRow,
  locality: GpciRow,
  facility: boolean,
): PricedAmount {
  const pe = facility ? row.facilityPeRvu : row.nonFacilityPeRvu;
  const cents = pfsFormulaCents(
    { work: row.workRvu, pe, mp: row.mpRvu },
    { work: locality.workGpci, pe: locality.peGpci, mp: locality.mpGpci },
    row.conversionFactor,
  );
  const settingNa = facility ? row.facilityNa : row.nonFacilityNa;
  const setting = facility ? 'facility' : 'non-facility';
  let basis = `${mpfs.year} Medicare, locality ${localityId(locality)}, ${setting}`;
  if (row.statusCode !== 'A') basis += ` (status ${row.statusCode}: ${statusMeaning(row.statusCode)})`;
  if (settingNa) basis += ` (${setting} PE RVU marked NA: CMS does not expect this service in this setting)`;
  return { ok: true, cents, basis, row, locality, settingNa };
}

function codeText(code: string, modifier: string): string {
  return modifier ? `${code}-${modifier}` : code;
}

function missingRowReason(mpfs: MedicareFeeSchedule, code: string, modifier: PfsModifier): string {
  if (modifier === '') return `${code} is not in the ${mpfs.year} Medicare fee schedule`;
  const global = mpfs.rvus.get(rvuKey(code, ''));
  if (!global) return `${code} is not in the ${mpfs.year} Medicare fee schedule`;
  if (modifier === '53') return `${code}-53: Medicare has no discontinued-procedure amount for this code`;
  return `${code}-${modifier}: not allowed by Medicare (PC/TC indicator ${global.pcTcIndicator}${
    PC_TC_MEANING[global.pcTcIndicator] ? `: ${PC_TC_MEANING[global.pcTcIndicator]}` : ''
  })`;
}

/** domain.md 1.4, PC/TC indicator. */
const PC_TC_MEANING: Readonly<Record<number, string>> = {
  0: 'physician service, 26/TC do not apply',
  2: 'professional-component-only code',
  3: 'technical-component-only code',
  4: 'global-test-only code',
  5: 'incident-to service',
  6: 'laboratory physician interpretation, TC not allowed',
  7: 'physical therapy service',
  8: 'physician interpretation code',
  9: 'concept does not apply',
};
