import type { Claim, ClaimLine, Flag } from '../model';
import { type MedicareFeeSchedule, type RvuRow, rvuKey, statusMeaning } from '../pricing/medicare-pfs';

/**
 * Coding checks a payer reviewer would run against a claim, from the Medicare PFS payment-policy
 * indicators (domain.md 1.4, RVU26A / RVU25A PPRRVU file): modifiers 26/TC, 50 and RT/LT, assistant
 * (80/81/82/AS), co-surgeon (62), team (66), status codes B/N/I/X, E/M visits inside a global surgical
 * period, and units the remittance says were not allowed. Each finding names the rule, its source and
 * the fix. Pure: the claim, the fee schedule and any prior claims in, findings out.
 */

export type CodingRule =
  | 'pc-tc'
  | 'bilateral'
  | 'assistant'
  | 'co-surgeon'
  | 'team-surgery'
  | 'status'
  | 'global-period'
  | 'units';

export interface CodingFinding {
  rule: CodingRule;
  lineNumber: number;
  /** The line as billed: `71046-26-TC`. */
  code: string;
  /** What is wrong, with the indicator value that says so. */
  problem: string;
  /** What to do about it, before the claim goes out or in a corrected claim. */
  fix: string;
  /** Where the rule comes from: the CMS file and field, and domain.md. */
  source: string;
  /** `code: problem: fix (source)`, the text flags carry. */
  message: string;
}

export interface CodingOptions {
  /**
   * Other claims for the same patient (callers match them by member ID or account number), whose
   * 000/010/090 procedures open global periods an E/M line on this claim may fall inside.
   */
  priorClaims?: readonly Claim[];
}

const ASSISTANT_MODIFIERS = ['80', '81', '82', 'AS'] as const;
/** Modifiers that take an E/M visit out of a global surgical package (domain.md 1.4, global days). */
const GLOBAL_EXCEPTION_MODIFIERS = new Set(['24', '25', '57']);
/** Status codes the PFS does not pay, by design (domain.md 1.1). */
const FLAGGED_STATUS = new Set(['B', 'N', 'I', 'X']);

/** domain.md 1.4, PC/TC indicator. */
const PC_TC_MEANING: Readonly<Record<number, string>> = {
  0: 'physician service',
  1: 'diagnostic test with professional and technical components',
  2: 'professional-component-only code',
  3: 'technical-component-only code',
  4: 'global-test-only code',
  5: 'incident-to service',
  6: 'laboratory physician interpretation',
  7: 'physical therapy service',
  8: 'physician interpretation code',
  9: 'concept does not apply',
};

/** Why a 26 or TC does not belong on a code, by PC/TC indicator: the second half of the fix. */
const PC_TC_FIX: Readonly<Record<number, string>> = {
  0: 'the code has no professional/technical split',
  2: 'the code already is the professional component',
  3: 'the code already is the technical component; bill the matching professional-only code for the reading',
  4: 'bill the separate professional-only and technical-only codes instead of the global test code',
  5: 'incident-to services are not split into components',
  6: 'only the professional component (26) is payable; the lab bills the test',
  7: 'the code has no professional/technical split',
  8: 'the technical part is paid to the laboratory, not on this code',
  9: 'the professional/technical concept does not apply to this code',
};

function source(mpfs: MedicareFeeSchedule, field: string): string {
  // Written once per year and field: the global-period check names its source on every finding.
  if (mpfs.year !== sourceYear) {
    sourceYear = mpfs.year;
    sources.clear();
  }
  let text = sources.get(field);
  if (text === undefined) {
    text = `CMS ${mpfs.year} PFS relative value file, ${field}; domain.md 1.4`;
    sources.set(field, text);
  }
  return text;
}

let sourceYear: number | undefined;
const sources = new Map<string, string>();

/** `71046-26-TC`: the line's code and modifiers as billed. */
function lineCodeText(line: ClaimLine): string {
  let code = line.code;
  for (const m of line.modifiers) code += `-${m}`;
  return code;
}

function finding(
  rule: CodingRule,
  line: ClaimLine,
  problem: string,
  fix: string,
  src: string,
): CodingFinding {
  const code = lineCodeText(line);
  return {
    rule,
    lineNumber: line.lineNumber,
    code,
    problem,
    fix,
    source: src,
    message: `${code}: ${problem}: ${fix} (${src})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows

interface CodeRows {
  /** The row whose indicators speak for the code: the global row, else its 26, TC or 53 row. */
  indicators: Map<string, RvuRow>;
  /** `code|modifier` for every 26 and TC row the file has. */
  components: Set<string>;
}

const codeRows = new WeakMap<MedicareFeeSchedule, CodeRows>();
/** Every line asks, nearly always of the same schedule: skip the WeakMap when it is the last one. */
let lastRowsSchedule: MedicareFeeSchedule | undefined;
let lastRows: CodeRows | undefined;

/** PC/TC indicator 6 codes exist only as 26 rows, so the global row alone does not cover every code. */
function rowsOf(mpfs: MedicareFeeSchedule): CodeRows {
  if (mpfs === lastRowsSchedule && lastRows) return lastRows;
  let rows = codeRows.get(mpfs);
  if (!rows) {
    rows = { indicators: new Map(), components: new Set() };
    for (const row of mpfs.rvus.values()) {
      if (row.modifier === '26' || row.modifier === 'TC') rows.components.add(`${row.hcpcs}|${row.modifier}`);
      const seen = rows.indicators.get(row.hcpcs);
      if (!seen || (seen.modifier !== '' && row.modifier === '')) rows.indicators.set(row.hcpcs, row);
    }
    codeRows.set(mpfs, rows);
  }
  lastRowsSchedule = mpfs;
  lastRows = rows;
  return rows;
}

/** The PFS row whose indicators apply to `code`, or undefined when the code is not in the file. */
export function indicatorRow(mpfs: MedicareFeeSchedule, code: string): RvuRow | undefined {
  return rowsOf(mpfs).indicators.get(code);
}

// ---------------------------------------------------------------------------------------------
// Line checks

/** No finding: shared, never written to (most lines on most claims have none). */
const NONE: readonly CodingFinding[] = [];

function pcTc(mpfs: MedicareFeeSchedule, line: ClaimLine, row: RvuRow): readonly CodingFinding[] {
  if (line.modifiers.length === 0) return NONE;
  const has26 = line.modifiers.includes('26');
  const hasTc = line.modifiers.includes('TC');
  if (!has26 && !hasTc) return NONE;
  // Lab codes carry indicator 9 on the global row and 6 on their 26 row: the 26 row speaks for the split.
  const ind = (mpfs.rvus.get(rvuKey(line.code, '26')) ?? row).pcTcIndicator;
  const meaning = PC_TC_MEANING[ind] ?? 'unknown';
  const src = source(mpfs, 'PC/TC indicator');
  const components = rowsOf(mpfs).components;
  if (has26 && hasTc) {
    const problem =
      ind === 1
        ? 'PC/TC indicator 1 allows 26 or TC, not both'
        : `PC/TC indicator ${ind} (${meaning}) allows neither 26 nor TC together`;
    return [
      finding('pc-tc', line, problem, 'bill the global code without a modifier, or one component', src),
    ];
  }
  const modifier = has26 ? '26' : 'TC';
  if (components.has(`${line.code}|${modifier}`)) return NONE;
  return [
    finding(
      'pc-tc',
      line,
      `PC/TC indicator ${ind} (${meaning}) does not allow ${modifier}`,
      `remove ${modifier}: ${PC_TC_FIX[ind] ?? 'the file has no such component row'}`,
      src,
    ),
  ];
}

/** domain.md 1.4, bilateral indicator: what 50 or RT+LT means for the codes where it is wrong. */
const BILATERAL_WRONG: Readonly<Record<number, { problem: string; fix: string }>> = {
  0: {
    problem: 'bilateral indicator 0: the 150% bilateral adjustment does not apply',
    fix: 'bill the code once without 50 or RT+LT; payers following CMS pay one side only (100% of a single fee)',
  },
  2: {
    problem: 'bilateral indicator 2: the RVUs are already bilateral',
    fix: 'bill one line, one unit, without 50 or RT+LT: the code already pays for both sides',
  },
  9: {
    problem: 'bilateral indicator 9: the bilateral concept does not apply to this code',
    fix: 'remove 50 or RT+LT',
  },
};

function bilateral(mpfs: MedicareFeeSchedule, line: ClaimLine, row: RvuRow): readonly CodingFinding[] {
  if (line.modifiers.length === 0) return NONE;
  const has50 = line.modifiers.includes('50');
  const sides = line.modifiers.includes('RT') && line.modifiers.includes('LT');
  const wrong = BILATERAL_WRONG[row.bilateralIndicator];
  const contradicts = has50 && (line.modifiers.includes('RT') || line.modifiers.includes('LT'));
  if (!contradicts && !(wrong && (has50 || sides))) return NONE;
  const src = source(mpfs, 'bilateral surgery indicator (BILAT SURG)');
  const out: CodingFinding[] = [];
  if (contradicts) {
    out.push(
      finding(
        'bilateral',
        line,
        '50 already means both sides, so RT or LT beside it contradicts it',
        'keep 50 alone (one line, one unit) or bill one side with RT or LT',
        src,
      ),
    );
  }
  if (wrong && (has50 || sides)) {
    out.push(
      finding('bilateral', line, `${has50 ? '50' : 'RT+LT'} on a code with ${wrong.problem}`, wrong.fix, src),
    );
  }
  return out;
}

function assistant(mpfs: MedicareFeeSchedule, line: ClaimLine, row: RvuRow): readonly CodingFinding[] {
  if (line.modifiers.length === 0) return NONE;
  const modifier = ASSISTANT_MODIFIERS.find((m) => line.modifiers.includes(m));
  if (!modifier) return NONE;
  const src = source(mpfs, 'assistant at surgery indicator (ASST SURG)');
  if (row.assistantIndicator === 1) {
    return [
      finding(
        'assistant',
        line,
        `assistant-at-surgery indicator 1: statutory restriction, an assistant (${modifier}) is never paid on this code`,
        'do not bill the assistant line; payers following CMS deny it',
        src,
      ),
    ];
  }
  if (row.assistantIndicator === 9) {
    return [
      finding(
        'assistant',
        line,
        `assistant-at-surgery indicator 9: the assistant concept does not apply to this code`,
        `remove ${modifier}`,
        src,
      ),
    ];
  }
  return NONE;
}

function coSurgeon(mpfs: MedicareFeeSchedule, line: ClaimLine, row: RvuRow): readonly CodingFinding[] {
  if (line.modifiers.length === 0) return NONE;
  if (!line.modifiers.includes('62')) return NONE;
  const ind = row.coSurgeonIndicator;
  if (ind !== 0 && ind !== 9) return NONE;
  return [
    finding(
      'co-surgeon',
      line,
      ind === 0
        ? 'co-surgeon indicator 0: co-surgeons (62) are not permitted on this code'
        : 'co-surgeon indicator 9: the co-surgeon concept does not apply to this code',
      'remove 62: one surgeon bills the procedure; a second surgeon who assisted bills as assistant where the code allows it',
      source(mpfs, 'co-surgeons indicator (CO-SURG)'),
    ),
  ];
}

function teamSurgery(mpfs: MedicareFeeSchedule, line: ClaimLine, row: RvuRow): readonly CodingFinding[] {
  if (line.modifiers.length === 0) return NONE;
  if (!line.modifiers.includes('66')) return NONE;
  const ind = row.teamSurgeryIndicator;
  if (ind !== 0 && ind !== 9) return NONE;
  return [
    finding(
      'team-surgery',
      line,
      ind === 0
        ? 'team surgery indicator 0: team surgery (66) is not permitted on this code'
        : 'team surgery indicator 9: the team surgery concept does not apply to this code',
      'remove 66 and bill the surgeon’s own service; use 62 only where the co-surgeon indicator permits it',
      source(mpfs, 'team surgery indicator (TEAM SURG)'),
    ),
  ];
}

/** domain.md 1.1 status codes: the fix for each status the PFS does not pay. */
const STATUS_FIX: Readonly<Record<string, string>> = {
  B: 'do not bill it separately: its payment is in the service it belongs to',
  N: 'check the payer covers it before billing; Medicare does not, so a percent-of-Medicare payer has no amount for it',
  I: 'bill the code Medicare recognises for the service (often a G code) instead',
  X: 'make sure the payer covers it and price it from the schedule that pays it (lab tests: the Clinical Laboratory Fee Schedule); there is no PFS amount to quote',
};

function status(mpfs: MedicareFeeSchedule, line: ClaimLine, codeRow: RvuRow): readonly CodingFinding[] {
  // A component row has its own status: 83020 is X (lab fee schedule), 83020-26 is A.
  let component: '26' | 'TC' | undefined;
  for (const m of line.modifiers) {
    if (m === '26' || m === 'TC') {
      component = m;
      break;
    }
  }
  const row = (component && mpfs.rvus.get(rvuKey(line.code, component))) || codeRow;
  if (!FLAGGED_STATUS.has(row.statusCode)) return NONE;
  return [
    finding(
      'status',
      line,
      `PFS status ${row.statusCode}: ${statusMeaning(row.statusCode)}`,
      STATUS_FIX[row.statusCode]!,
      `CMS ${mpfs.year} PFS relative value file, status code; domain.md 1.1`,
    ),
  ];
}

/**
 * The model keeps one units figure per line (the page's units; SVC05 units paid for an 835, SVC07 units
 * billed is dropped by the reader) and no allowed units, so the remittance speaks only through a CAS
 * quantity (units adjusted) or CARC 151. No MUE table is in the shared data, so no unit limit is guessed.
 */
function units(line: ClaimLine): CodingFinding | undefined {
  if (line.adjustments.length === 0) return undefined;
  const src = 'remittance CAS adjustment quantity and CARC 151; domain.md 4.2';
  let adjusted = 0;
  let carc151 = false;
  for (const a of line.adjustments) {
    adjusted += a.quantity !== undefined && a.quantity > 0 ? a.quantity : 0;
    if (a.reason === '151') carc151 = true;
  }
  if (adjusted > 0) {
    return finding(
      'units',
      line,
      `the payer did not allow ${adjusted} of the unit${adjusted === 1 ? '' : 's'} billed (adjustment quantity)`,
      'bill only the units the record documents and the payer’s unit limit allows; appeal with the records when every unit was necessary',
      src,
    );
  }
  if (carc151) {
    return finding(
      'units',
      line,
      'CARC 151: the payer says the information does not support this many units or this frequency',
      'check the units and dates against the record and send a corrected claim, or appeal with the records',
      src,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Global surgical periods

interface Surgery {
  code: string;
  date: string;
  /** `date` as a day number. */
  day: number;
  globalDays: '000' | '010' | '090';
  /** On the claim checked (named by line) or a prior claim (named by claim number). */
  own: boolean;
  lineNumber: number;
  claimNumber: string;
  /** ` falls inside the global period of 27447 (line 2, 2025-03-04; global 090: ...) and has no 24, 25 or 57`, once asked. */
  inside: string | undefined;
  /** The finding message's end after the date, for a visit on or before the procedure day [0] and after it [1]; '' until asked. */
  tails: [string, string];
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  // A claim's lines and surgeries ask with the same date, nearly always the same string.
  if (iso === lastDayIso) return lastDay;
  let day = dayNumbers.get(iso);
  if (day === undefined) {
    day = Math.floor(
      Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS,
    );
    if (dayNumbers.size >= 50_000) dayNumbers.clear();
    dayNumbers.set(iso, day);
  }
  lastDayIso = iso;
  lastDay = day;
  return day;
}

let lastDayIso: string | undefined;
let lastDay = 0;

/** Day numbers by date as written: a run's claims share a few hundred service dates. */
const dayNumbers = new Map<string, number>();

/** True for the E/M range 99202-99499 (domain.md 1.4 global days; CPT E/M section). */
export function isEvaluationAndManagement(code: string): boolean {
  // /^99\d{3}$/ by character codes: every line asks.
  if (code.length !== 5 || code.charCodeAt(0) !== 57 || code.charCodeAt(1) !== 57) return false;
  for (let i = 2; i < 5; i += 1) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const n = Number(code);
  return n >= 99202 && n <= 99499;
}

function lineDate(line: ClaimLine, claim: Claim): string | undefined {
  return line.serviceDate ?? claim.serviceDateFrom;
}

/** Days before and after the procedure date that its global period covers (domain.md 1.4). */
const GLOBAL_WINDOW: Readonly<
  Record<Surgery['globalDays'], { before: number; after: number; text: string }>
> = {
  '000': { before: 0, after: 0, text: 'global 000: the day of the procedure' },
  '010': { before: 0, after: 10, text: 'global 010: the day of the procedure and 10 days after' },
  '090': { before: 1, after: 90, text: 'global 090: 1 day before to 90 days after' },
};

const WINDOW_000 = GLOBAL_WINDOW['000'];
const WINDOW_010 = GLOBAL_WINDOW['010'];
const WINDOW_090 = GLOBAL_WINDOW['090'];

/** The global-period fix, by the modifier that would take the visit out of the package. */
const APPEND_24 = appendFix('24 if the visit was unrelated to the surgery (with the unrelated diagnosis)');
const APPEND_57 = appendFix('57 if this visit was the decision for surgery');
const APPEND_25 = appendFix('25 if the visit was significant and separately identifiable from the procedure');

function appendFix(modifier: string): string {
  return `append ${modifier}; otherwise the visit is part of the surgical package and should not be billed`;
}

/** The claim's surgeries; `own` (the claim checked) reads its lines' rows from `lineEntries`. */
function surgeries(mpfs: MedicareFeeSchedule, claim: Claim, own: boolean): Surgery[] {
  const out: Surgery[] = [];
  for (let i = 0; i < claim.lines.length; i += 1) {
    const line = claim.lines[i]!;
    const date = lineDate(line, claim);
    const days = (own ? lineEntries[i]! : codeEntry(mpfs, line.code)).row?.globalDays;
    if (!date || (days !== '000' && days !== '010' && days !== '090')) continue;
    out.push({
      code: line.code,
      date,
      day: dayNumber(date),
      globalDays: days,
      own,
      lineNumber: line.lineNumber,
      claimNumber: claim.claimNumber,
      inside: undefined,
      tails: ['', ''],
    });
  }
  return out;
}

/**
 * The checked claim's own surgeries: the first `ownCount` of these objects, reused from claim to claim
 * (surgeries(mpfs, claim, true) without making a list or objects per claim).
 */
const ownSurgeries: Surgery[] = [];
let ownCount = 0;

function collectOwnSurgeries(claim: Claim): void {
  ownCount = 0;
  for (let i = 0; i < claim.lines.length; i += 1) {
    const line = claim.lines[i]!;
    const date = lineDate(line, claim);
    const days = lineEntries[i]!.row?.globalDays;
    if (!date || (days !== '000' && days !== '010' && days !== '090')) continue;
    let s = ownSurgeries[ownCount];
    if (!s) {
      s = {
        code: '',
        date: '',
        day: 0,
        globalDays: days,
        own: true,
        lineNumber: 0,
        claimNumber: '',
        inside: undefined,
        tails: ['', ''],
      };
      ownSurgeries[ownCount] = s;
    }
    s.code = line.code;
    s.date = date;
    s.day = dayNumber(date);
    s.globalDays = days;
    s.lineNumber = line.lineNumber;
    s.claimNumber = claim.claimNumber;
    s.inside = undefined;
    s.tails[0] = '';
    s.tails[1] = '';
    ownCount += 1;
  }
}

/**
 * Which of the first `count` of `all` has a global period the E/M line `line` falls inside (its index, or
 * -1), and whether the visit is after the procedure day (globalAfter). The caller checks that the line is
 * an E/M visit. The surgery's `inside` text is written then.
 */
function globalSurgery(claim: Claim, line: ClaimLine, all: readonly Surgery[], count: number): number {
  if (count === 0) return -1;
  for (const m of line.modifiers) if (GLOBAL_EXCEPTION_MODIFIERS.has(m)) return -1;
  const date = lineDate(line, claim);
  if (!date) return -1;
  const d = dayNumber(date);
  for (let k = 0; k < count; k += 1) {
    const s = all[k]!;
    // GLOBAL_WINDOW[s.globalDays], without a keyed lookup per visit and surgery.
    const w = s.globalDays === '090' ? WINDOW_090 : s.globalDays === '010' ? WINDOW_010 : WINDOW_000;
    const offset = d - s.day;
    if (offset < -w.before || offset > w.after) continue;
    if (s.inside === undefined) {
      const where = s.own ? `line ${s.lineNumber}` : `claim ${s.claimNumber}`;
      s.inside = ` falls inside the global period of ${s.code} (${where}, ${s.date}; ${w.text}) and has no 24, 25 or 57`;
    }
    globalAfter = offset > 0 ? 1 : 0;
    return k;
  }
  return -1;
}

/** What globalSurgery last found: 1 when the visit is after the procedure day, else 0. */
let globalAfter: 0 | 1 = 0;

function globalFix(s: Surgery, after: 0 | 1): string {
  return after ? APPEND_24 : s.globalDays === '090' ? APPEND_57 : APPEND_25;
}

/** The message's end after the date (`${inside}: ${fix} (${source})`), written once per surgery and fix. */
function globalTail(mpfs: MedicareFeeSchedule, s: Surgery, after: 0 | 1): string {
  let tail = s.tails[after]!;
  if (tail === '') {
    tail = `${s.inside}: ${globalFix(s, after)} (${source(mpfs, GLOBAL_SOURCE_FIELD)})`;
    s.tails[after] = tail;
  }
  return tail;
}

const GLOBAL_SOURCE_FIELD = 'global surgery days (GLOB DAYS)';

/** The global-period finding globalSurgery found for `line`: surgery `s`, visit on `date`. */
function globalFinding(
  mpfs: MedicareFeeSchedule,
  line: ClaimLine,
  date: string,
  s: Surgery,
  after: 0 | 1,
): CodingFinding {
  const code = lineCodeText(line);
  return {
    rule: 'global-period',
    lineNumber: line.lineNumber,
    code,
    problem: `E/M on ${date}${s.inside}`,
    fix: globalFix(s, after),
    source: source(mpfs, GLOBAL_SOURCE_FIELD),
    message: `${code}: E/M on ${date}${globalTail(mpfs, s, after)}`,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * What one pass over a claim found, in three parallel lists: the finding, the number of the line it is
 * on, and whether it is a remembered per-code finding (shared between lines, so its own `lineNumber` is
 * the first such line's, not this one's). Reused by every call: the checks are synchronous and call
 * nothing that could check another claim meanwhile.
 */
const found: CodingFinding[] = [];
const foundLines: number[] = [];
const foundRemembered: boolean[] = [];
/**
 * A global-period finding is kept as what it is made of (the surgery, the line, the visit date and which
 * fix) and written out by whoever reads it: the score's flag needs only the message. Undefined surgery for
 * every other finding, whose `found` entry is the finding itself.
 */
const foundSurgery: (Surgery | undefined)[] = [];
const foundLine: (ClaimLine | undefined)[] = [];
const foundDate: string[] = [];
const foundAfter: (0 | 1)[] = [];
/** Stands in `found` for a global-period finding (foundSurgery says which); never read as a finding. */
const GLOBAL_PENDING = {} as CodingFinding;
/** How many of the found lists' entries belong to the current claim (the lists are never shrunk). */
let foundCount = 0;

function note(f: CodingFinding, lineNumber: number, remembered: boolean): void {
  found[foundCount] = f;
  foundLines[foundCount] = lineNumber;
  foundRemembered[foundCount] = remembered;
  foundSurgery[foundCount] = undefined;
  foundCount += 1;
}

function noteGlobal(line: ClaimLine, date: string, s: Surgery, after: 0 | 1): void {
  found[foundCount] = GLOBAL_PENDING;
  foundLines[foundCount] = line.lineNumber;
  foundRemembered[foundCount] = false;
  foundSurgery[foundCount] = s;
  foundLine[foundCount] = line;
  foundDate[foundCount] = date;
  foundAfter[foundCount] = after;
  foundCount += 1;
}

/** Found entry k as a finding (a global-period one is written out here). */
function foundFinding(mpfs: MedicareFeeSchedule, k: number): CodingFinding {
  const s = foundSurgery[k];
  return s ? globalFinding(mpfs, foundLine[k]!, foundDate[k]!, s, foundAfter[k]!) : found[k]!;
}

/** Fills the found lists for a claim, in line order (stable: a line's findings keep their order). */
function collectFindings(claim: Claim, mpfs: MedicareFeeSchedule, prior: readonly Claim[]): void {
  foundCount = 0;
  // Surgeries matter only to an E/M line inside their global period; RT and LT pairs only when a line
  // has RT (and not LT) and another LT (and not RT).
  let hasEm = false;
  let right = false;
  let left = false;
  for (let i = 0; i < claim.lines.length; i += 1) {
    const line = claim.lines[i]!;
    const entry = codeEntry(mpfs, line.code);
    lineEntries[i] = entry;
    if (entry.evaluationAndManagement) hasEm = true;
    const mods = line.modifiers;
    if (mods.length === 0) continue;
    let r = false;
    let l = false;
    for (let k = 0; k < mods.length; k += 1) {
      const m = mods[k]!;
      if (m === 'RT') r = true;
      else if (m === 'LT') l = true;
    }
    if (r && !l) right = true;
    else if (l && !r) left = true;
  }
  ownCount = 0;
  if (hasEm) collectOwnSurgeries(claim);
  const all: readonly Surgery[] =
    !hasEm || prior.length === 0
      ? ownSurgeries
      : [
          ...ownSurgeries.slice(0, ownCount),
          ...prior
            .filter((c) => c.claimNumber !== claim.claimNumber)
            .flatMap((c) => surgeries(mpfs, c, false)),
        ];
  const surgeryCount = all === ownSurgeries ? ownCount : all.length;
  for (let i = 0; i < claim.lines.length; i += 1) {
    const line = claim.lines[i]!;
    const entry = lineEntries[i]!;
    const row = entry.row;
    if (row) {
      const remembered = codeFindings(mpfs, entry, line, row);
      for (let k = 0; k < remembered.length; k += 1) note(remembered[k]!, line.lineNumber, true);
      if (surgeryCount > 0) {
        const k = entry.evaluationAndManagement ? globalSurgery(claim, line, all, surgeryCount) : -1;
        if (k !== -1) noteGlobal(line, lineDate(line, claim)!, all[k]!, globalAfter);
      }
    }
    const u = units(line);
    if (u) note(u, line.lineNumber, false);
  }
  if (right && left) bilateralPairs(mpfs, claim);
  // Findings come in line order; only pairs found last, or lines numbered out of order, need the sort.
  for (let k = 1; k < foundCount; k += 1) {
    if (foundLines[k]! < foundLines[k - 1]!) {
      sortFound();
      break;
    }
  }
}

/** A stable insertion sort of the found lists by line number (a claim's findings are a handful). */
function sortFound(): void {
  for (let i = 1; i < foundCount; i += 1) {
    const f = found[i]!;
    const n = foundLines[i]!;
    const r = foundRemembered[i]!;
    const s = foundSurgery[i];
    const line = foundLine[i];
    const date = foundDate[i]!;
    const after = foundAfter[i]!;
    let j = i - 1;
    while (j >= 0 && foundLines[j]! > n) {
      found[j + 1] = found[j]!;
      foundLines[j + 1] = foundLines[j]!;
      foundRemembered[j + 1] = foundRemembered[j]!;
      foundSurgery[j + 1] = foundSurgery[j];
      foundLine[j + 1] = foundLine[j];
      foundDate[j + 1] = foundDate[j]!;
      foundAfter[j + 1] = foundAfter[j]!;
      j -= 1;
    }
    found[j + 1] = f;
    foundLines[j + 1] = n;
    foundRemembered[j + 1] = r;
    foundSurgery[j + 1] = s;
    foundLine[j + 1] = line;
    foundDate[j + 1] = date;
    foundAfter[j + 1] = after;
  }
}

const NO_CLAIMS: readonly Claim[] = [];

/** Every coding finding on the claim, in line order; lines whose code is not in the PFS get only the units check. */
export function checkClaimCoding(
  claim: Claim,
  mpfs: MedicareFeeSchedule,
  options: CodingOptions = {},
): CodingFinding[] {
  collectFindings(claim, mpfs, options.priorClaims ?? NO_CLAIMS);
  const out: CodingFinding[] = new Array(foundCount);
  for (let k = 0; k < foundCount; k += 1) {
    const f = foundFinding(mpfs, k);
    out[k] = foundRemembered[k]
      ? {
          rule: f.rule,
          lineNumber: foundLines[k]!,
          code: f.code,
          problem: f.problem,
          fix: f.fix,
          source: f.source,
          message: f.message,
        }
      : f;
  }
  return out;
}

/**
 * The claim's coding findings as the flags scoreClaim shows (`Line 2: 71046-26-TC: ...`), in the order
 * checkClaimCoding gives them, written into `flags` from index `at` on; returns the index after the last.
 * A remembered finding's flag on a given line number is the same for every claim, so it is made once and
 * shared (frozen); the others are made per claim.
 */
export function writeCodingFlags(claim: Claim, mpfs: MedicareFeeSchedule, flags: Flag[], at: number): number {
  collectFindings(claim, mpfs, NO_CLAIMS);
  let end = at;
  for (let k = 0; k < foundCount; k += 1) {
    const lineNumber = foundLines[k]!;
    const s = foundSurgery[k];
    if (s) {
      // The global-period finding's message alone: `Line n: ${code}: E/M on ${date}${tail}`.
      const line = foundLine[k]!;
      flags[end++] = {
        kind: 'coding',
        message: `Line ${lineNumber}: ${lineCodeText(line)}: E/M on ${foundDate[k]!}${globalTail(mpfs, s, foundAfter[k]!)}`,
      };
      continue;
    }
    const f = found[k]!;
    flags[end++] = foundRemembered[k]
      ? rememberedFlag(f, lineNumber)
      : { kind: 'coding', message: `Line ${lineNumber}: ${f.message}` };
  }
  return end;
}

/** Shared flags of remembered findings, by line number (small numbers only: a claim's first lines). */
const rememberedFlags = new WeakMap<CodingFinding, Flag[]>();
const REMEMBERED_LINE_LIMIT = 64;

function rememberedFlag(f: CodingFinding, lineNumber: number): Flag {
  if (!(lineNumber >= 0 && lineNumber < REMEMBERED_LINE_LIMIT && Number.isInteger(lineNumber))) {
    return { kind: 'coding', message: `Line ${lineNumber}: ${f.message}` };
  }
  let byLine = rememberedFlags.get(f);
  if (!byLine) {
    byLine = [];
    rememberedFlags.set(f, byLine);
  }
  let flag = byLine[lineNumber];
  if (!flag) {
    flag = Object.freeze<Flag>({ kind: 'coding', message: `Line ${lineNumber}: ${f.message}` });
    byLine[lineNumber] = flag;
  }
  return flag;
}

/**
 * What a schedule says about one code, looked up once per line: the row whose indicators speak for it
 * (indicatorRow), whether it is an E/M visit, and the per-code findings by modifier list (codeFindings).
 */
interface CodeEntry {
  row: RvuRow | undefined;
  evaluationAndManagement: boolean;
  byModifiers: Map<string | null, readonly CodingFinding[]>;
  /** `byModifiers.get(null)`, once known. */
  plain: readonly CodingFinding[] | undefined;
}

/** Each line's entry, for the claim being checked (collectFindings fills it first). */
const lineEntries: CodeEntry[] = [];

const codeEntriesBySchedule = new WeakMap<MedicareFeeSchedule, Map<string, CodeEntry>>();
let lastCodeSchedule: MedicareFeeSchedule | undefined;
let lastCodeEntries = new Map<string, CodeEntry>();

function codeEntry(mpfs: MedicareFeeSchedule, code: string): CodeEntry {
  if (mpfs !== lastCodeSchedule) {
    let byCode = codeEntriesBySchedule.get(mpfs);
    if (!byCode) {
      byCode = new Map();
      codeEntriesBySchedule.set(mpfs, byCode);
    }
    lastCodeSchedule = mpfs;
    lastCodeEntries = byCode;
  }
  let entry = lastCodeEntries.get(code);
  if (!entry) {
    if (lastCodeEntries.size >= 50_000) lastCodeEntries.clear();
    entry = {
      row: indicatorRow(mpfs, code),
      evaluationAndManagement: isEvaluationAndManagement(code),
      byModifiers: new Map(),
      plain: undefined,
    };
    lastCodeEntries.set(code, entry);
  }
  return entry;
}

/**
 * What the status, PC/TC, bilateral, assistant, co-surgeon and team checks say about a line depends on its
 * code and modifiers alone (and the code's row): worked out once per code and modifier list, per schedule.
 * The remembered findings carry the first such line's number; callers copy them with their own.
 */
function codeFindings(
  mpfs: MedicareFeeSchedule,
  entry: CodeEntry,
  line: ClaimLine,
  row: RvuRow,
): readonly CodingFinding[] {
  // By modifier list: none is null, one is itself, more are joined (NUL never occurs in one).
  const byModifiers = entry.byModifiers;
  const mods = line.modifiers;
  // Most lines have no modifier: their list is kept on the entry, found without a lookup.
  if (mods.length === 0 && entry.plain !== undefined) return entry.plain;
  const key = mods.length === 0 ? null : mods.length === 1 ? mods[0]! : mods.join('\u0000');
  let list = byModifiers.get(key);
  if (!list) {
    const fresh: CodingFinding[] = [];
    add(fresh, status(mpfs, line, row));
    add(fresh, pcTc(mpfs, line, row));
    add(fresh, bilateral(mpfs, line, row));
    add(fresh, assistant(mpfs, line, row));
    add(fresh, coSurgeon(mpfs, line, row));
    add(fresh, teamSurgery(mpfs, line, row));
    list = fresh.length === 0 ? NONE : fresh;
    byModifiers.set(key, list);
    if (key === null) entry.plain = list;
  }
  return list;
}

function add(out: CodingFinding[], list: readonly CodingFinding[]): void {
  for (const f of list) out.push(f);
}

/**
 * RT on one line and LT on another for the same code and day, where the bilateral indicator pays one:
 * noted in the found lists.
 */
function bilateralPairs(mpfs: MedicareFeeSchedule, claim: Claim): void {
  // Called only when a line has RT (and no LT) and a line LT (and no RT): a pair needs both.
  if (claim.lines.length <= PAIR_SCAN_LIMIT) {
    scanBilateralPairs(mpfs, claim);
    return;
  }
  const rightSeen = new Map<string, ClaimLine>();
  const leftLines: ClaimLine[] = [];
  for (const line of claim.lines) {
    const r = line.modifiers.includes('RT');
    const l = line.modifiers.includes('LT');
    if (r === l) continue;
    const key = `${line.code}|${lineDate(line, claim) ?? ''}`;
    if (r && !rightSeen.has(key)) rightSeen.set(key, line);
    if (l) leftLines.push(line);
  }
  for (const line of leftLines) {
    notePair(mpfs, line, rightSeen.get(`${line.code}|${lineDate(line, claim) ?? ''}`));
  }
}

/** Claims up to this many lines look for pairs line by line, with no map or key strings. */
const PAIR_SCAN_LIMIT = 64;

/**
 * bilateralPairs for a claim of a few lines: each LT line (without RT), in claim order, is paired with
 * the first RT line (without LT) of the same code and date, as the keyed map pairs them.
 */
function scanBilateralPairs(mpfs: MedicareFeeSchedule, claim: Claim): void {
  const lines = claim.lines;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!line.modifiers.includes('LT') || line.modifiers.includes('RT')) continue;
    const date = lineDate(line, claim) ?? '';
    let rightLine: ClaimLine | undefined;
    for (let j = 0; j < lines.length; j += 1) {
      const other = lines[j]!;
      if (other.code !== line.code || !other.modifiers.includes('RT') || other.modifiers.includes('LT'))
        continue;
      if ((lineDate(other, claim) ?? '') !== date) continue;
      rightLine = other;
      break;
    }
    notePair(mpfs, line, rightLine);
  }
}

/** The pair finding on LT line `line` when `rightLine` is its RT line and the code's indicator pays one side. */
function notePair(mpfs: MedicareFeeSchedule, line: ClaimLine, rightLine: ClaimLine | undefined): void {
  const row = rightLine && indicatorRow(mpfs, line.code);
  const wrong = row ? BILATERAL_WRONG[row.bilateralIndicator] : undefined;
  if (!rightLine || !wrong) return;
  note(
    finding(
      'bilateral',
      line,
      `RT (line ${rightLine.lineNumber}) and LT on the same day on a code with ${wrong.problem}`,
      wrong.fix,
      source(mpfs, 'bilateral surgery indicator (BILAT SURG)'),
    ),
    line.lineNumber,
    false,
  );
}
