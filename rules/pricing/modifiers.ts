import type { ClaimLine } from '../model';
import { dollarText } from './dollars';

/**
 * Payment-policy modifiers applied to a base amount, whichever method produced it (domain.md 1.4), in
 * Medicare's order: bilateral adjustment, then multiple-procedure ranking by amount, then the co-surgeon
 * or assistant percentage, then the lower of the result and the billed charge.
 */

/** The PFS indicators of a line's code (domain.md 1.4); absent when no Medicare row is known. */
export interface PaymentIndicators {
  multipleProcedureIndicator: number;
  bilateralIndicator: number;
  assistantIndicator: number;
  coSurgeonIndicator: number;
  teamSurgeryIndicator: number;
}

/** What a pricing method produced for one line before payment-policy modifiers. */
export type BasePrice =
  | {
      ok: true;
      /** One unit, before any adjustment; may carry fractions of a cent until the line is rounded. */
      unitCents: number;
      basis: string;
      indicators: PaymentIndicators | undefined;
      /** The amount already covers the whole line as billed (percent of billed): no units, no modifiers. */
      wholeLine: boolean;
    }
  | { ok: false; reasons: string[] };

export type LinePrice = { ok: true; expectedCents: number; basis: string } | { ok: false; reasons: string[] };

/** Multiple procedure indicator 2 (domain.md 1.4): first 100%, second to fifth 50%, then "by report". */
const MULTIPLE_PROCEDURE_PERCENT = [100, 50, 50, 50, 50] as const;
const BY_REPORT_RANK_PERCENT = 50;
/** Bilateral indicator 1 (domain.md 1.4). */
const BILATERAL_PERCENT = 150;
/** MCPM Ch. 12 §20.4.3 (domain.md 1.4): physician assistant at surgery, modifiers 80/81/82. */
const ASSISTANT_PHYSICIAN_PERCENT = 16;
/** 85% × 16% for PA/NP/CNS with modifier AS (domain.md 1.4, CMS RAC issue 0222). */
const ASSISTANT_NON_PHYSICIAN_PERCENT = 13.6;
/** Each co-surgeon with modifier 62 (domain.md 1.4). */
const CO_SURGEON_PERCENT = 62.5;

/** Modifiers that change payment here; every other modifier leaves the amount alone. */
export const PAYMENT_MODIFIERS: ReadonlySet<string> = new Set([
  '50',
  '51',
  '62',
  '66',
  '80',
  '81',
  '82',
  'AS',
  'RT',
  'LT',
]);

/** A line's payment modifiers as bits (readBits); the assistant modifier is kept apart, as text. */
const BILATERAL_50 = 1;
const RIGHT = 2;
const LEFT = 4;
const MULTIPLE_51 = 8;
const CO_SURGEON_62 = 16;
const TEAM_66 = 32;
/** 80, 81, 82 or AS: paymentBit's answer for them; never kept in lineBits. */
const ASSISTANT = 64;

/**
 * A modifier's payment bit (BILATERAL_50 ... TEAM_66, ASSISTANT), 0 for any other: PAYMENT_MODIFIERS by
 * character codes (the same exact characters), since every line's every modifier is asked.
 */
function paymentBit(m: string): number {
  if (m.length !== 2) return 0;
  const b = m.charCodeAt(1);
  switch (m.charCodeAt(0)) {
    case 53: // 5
      return b === 48 ? BILATERAL_50 : b === 49 ? MULTIPLE_51 : 0;
    case 54: // 6
      return b === 50 ? CO_SURGEON_62 : b === 54 ? TEAM_66 : 0;
    case 56: // 8
      return b >= 48 && b <= 50 ? ASSISTANT : 0;
    case 65: // A
      return b === 83 ? ASSISTANT : 0;
    case 82: // R
      return b === 84 ? RIGHT : 0;
    case 76: // L
      return b === 84 ? LEFT : 0;
    default:
      return 0;
  }
}

/** `PAYMENT_MODIFIERS.has(m)`, by character codes. */
export function isPaymentModifier(m: string): boolean {
  return paymentBit(m) !== 0;
}

function hasPaymentModifier(line: ClaimLine): boolean {
  const mods = line.modifiers;
  for (let k = 0; k < mods.length; k += 1) if (paymentBit(mods[k]!) !== 0) return true;
  return false;
}

/**
 * Applies payment-policy modifiers across a claim's lines. `bases[i]` is line i's base price;
 * `claimServiceDate` dates lines without their own. Misses pass through with their reasons.
 */
export function applyPaymentRules(
  lines: readonly ClaimLine[],
  bases: readonly BasePrice[],
  claimServiceDate: string | undefined,
): LinePrice[] {
  const out: LinePrice[] = new Array(lines.length);
  let needsClaimPass = false;
  for (let i = 0; i < lines.length; i += 1) {
    const base = bases[i]!;
    const line = lines[i]!;
    if (!base.ok) {
      out[i] = base;
      continue;
    }
    if (base.wholeLine) {
      out[i] = finish(line, base.unitCents, base.basis);
      continue;
    }
    if (hasPaymentModifier(line) || base.indicators?.multipleProcedureIndicator === 2 || line.units === 2) {
      needsClaimPass = true;
      continue;
    }
    out[i] = finish(line, base.unitCents * line.units, withUnits(base.basis, line.units));
  }
  if (needsClaimPass) claimPass(lines, bases, claimServiceDate, out);
  return out;
}

function withUnits(basis: string, units: number): string {
  return units === 1 ? basis : `${basis} x ${units} units`;
}

const dollars = dollarText;

/** Rounds half-up to the cent and takes the lower of the amount and the billed charge (domain.md 1.4). */
function finish(line: ClaimLine, amountCents: number, basis: string): LinePrice {
  const expectedCents = Math.floor(amountCents + 0.5 + 1e-9);
  if (line.billedCents > 0 && expectedCents > line.billedCents) {
    return {
      ok: true,
      expectedCents: line.billedCents,
      basis: `${basis}; ${dollars(expectedCents)} capped at the billed charge ${dollars(line.billedCents)}`,
    };
  }
  return { ok: true, expectedCents, basis };
}

// ---------------------------------------------------------------------------------------------
// The claim pass. Its working state lives in the lists below, indexed by line (`line*`) or by
// procedure (`proc*`), reused by every claim: the pass is synchronous and calls nothing that could
// start another claim's pass, and a claim's lists are written before they are read.

/** The line's payment modifiers (BILATERAL_50 ...). */
const lineBits: number[] = [];
/** 80, 81, 82 or AS (the last on the line), else ''. */
const lineAssistant: string[] = [];
/** The line's notes so far, each as `; note`, in the order they are made. */
const lineNotes: string[] = [];
/** The line's first procedure, or -1 when the pass does not price the line. */
const lineProcStart: number[] = [];
const lineProcCount: number[] = [];

/**
 * A procedure for ranking: a unit, a bilateral pair (one procedure both lines point at, split between
 * them) or a whole line.
 */
const procAmount: number[] = [];
const procDate: string[] = [];
const procRankable: boolean[] = [];
const procPercent: number[] = [];
/** 0 until ranked. */
const procRank: number[] = [];
/** How many lines share it: 2 for an RT+LT pair. */
const procLines: number[] = [];
/** Already on this claim's list of rankable procedures. */
const procListed: boolean[] = [];
let procCount = 0;
/** The rankable procedures in claim order, then in rank order per date. */
const rankOrder: number[] = [];

function addProcedure(amountCents: number, dateKey: string, rankable: boolean, lines: number): number {
  const k = procCount;
  procAmount[k] = amountCents;
  procDate[k] = dateKey;
  procRankable[k] = rankable;
  procPercent[k] = 100;
  procRank[k] = 0;
  procLines[k] = lines;
  procListed[k] = false;
  procCount += 1;
  return k;
}

/** Reads line i's payment modifiers into lineBits and lineAssistant; returns its bits. */
function readBits(line: ClaimLine, i: number): number {
  let bits = 0;
  let assistant = '';
  const mods = line.modifiers;
  for (let k = 0; k < mods.length; k += 1) {
    const m = mods[k]!;
    const bit = paymentBit(m);
    if (bit === ASSISTANT) assistant = m;
    else bits |= bit;
  }
  lineBits[i] = bits;
  lineAssistant[i] = assistant;
  return bits;
}

function claimPass(
  lines: readonly ClaimLine[],
  bases: readonly BasePrice[],
  claimServiceDate: string | undefined,
  out: LinePrice[],
): void {
  procCount = 0;
  let sides = 0;
  for (let i = 0; i < lines.length; i += 1) {
    sides |= readBits(lines[i]!, i) & (RIGHT | LEFT);
    lineNotes[i] = '';
    lineProcStart[i] = -1;
    lineProcCount[i] = 0;
  }

  // Bilateral first (domain.md 1.4 "Implementation order"): RT+LT pairs on the same code and date.
  // A pair needs an RT line and an LT line.
  for (let i = 0; sides === (RIGHT | LEFT) && i < lines.length; i += 1) {
    const a = bases[i]!;
    const fa = lineBits[i]!;
    // A line in a pair already has its procedure; nothing else sets one in this loop.
    if (!a.ok || a.wholeLine || lineProcStart[i] !== -1 || fa & BILATERAL_50 || !(fa & (RIGHT | LEFT)))
      continue;
    const ind = a.indicators?.bilateralIndicator;
    if (ind !== 1 && ind !== 2) continue;
    for (let j = i + 1; j < lines.length; j += 1) {
      const b = bases[j]!;
      const fb = lineBits[j]!;
      if (!b.ok || b.wholeLine || lineProcStart[j] !== -1 || lines[j]!.code !== lines[i]!.code) continue;
      if (!((fa & RIGHT && fb & LEFT) || (fa & LEFT && fb & RIGHT))) continue;
      if (dateOf(lines[i]!, claimServiceDate) !== dateOf(lines[j]!, claimServiceDate)) continue;
      if (lines[i]!.units !== 1 || lines[j]!.units !== 1) continue;
      const percent = bilateralPercent(ind);
      const notes = `; ${bilateralNote(ind, `RT+LT, lines ${lines[i]!.lineNumber} and ${lines[j]!.lineNumber}`)}; split evenly between the two sides`;
      const k = addProcedure(
        ((a.unitCents + b.unitCents) / 2) * (percent / 100),
        dateOf(lines[i]!, claimServiceDate),
        isRankable(a.indicators, (fa | fb) & MULTIPLE_51),
        2,
      );
      lineNotes[i] = notes;
      lineNotes[j] = notes;
      lineProcStart[i] = k;
      lineProcCount[i] = 1;
      lineProcStart[j] = k;
      lineProcCount[j] = 1;
      break;
    }
  }

  for (let i = 0; i < lines.length; i += 1) {
    const base = bases[i]!;
    const line = lines[i]!;
    if (!base.ok || base.wholeLine || out[i] !== undefined || lineProcStart[i] !== -1) continue;
    const f = lineBits[i]!;
    const dateKey = dateOf(line, claimServiceDate);
    const rankable = isRankable(base.indicators, f & MULTIPLE_51);
    const ind = base.indicators?.bilateralIndicator;
    const start = procCount;
    let notes = '';
    if (f & BILATERAL_50) {
      const percent = bilateralPercent(ind);
      notes = `; ${bilateralTriggerNote(ind, 'modifier 50')}`;
      if (line.units !== 1)
        notes += `; ${line.units} units with modifier 50 counted as one bilateral procedure`;
      addProcedure(base.unitCents * (percent / 100), dateKey, rankable, 1);
    } else if (line.units === 2 && (ind === 1 || ind === 2)) {
      const percent = bilateralPercent(ind);
      notes = `; ${bilateralTriggerNote(ind, '2 units')}`;
      addProcedure(base.unitCents * (percent / 100), dateKey, rankable, 1);
    } else if (rankable && Number.isInteger(line.units) && line.units <= 20) {
      for (let u = 0; u < line.units; u += 1) addProcedure(base.unitCents, dateKey, true, 1);
      if (line.units !== 1) notes = `; ${line.units} units ranked as separate procedures`;
    } else {
      addProcedure(base.unitCents * line.units, dateKey, rankable, 1);
      if (line.units !== 1) notes = `; x ${line.units} units`;
    }
    lineNotes[i] = notes;
    lineProcStart[i] = start;
    lineProcCount[i] = procCount - start;
  }

  rankMultipleProcedures(lines.length, bases);

  for (let i = 0; i < lines.length; i += 1) {
    const base = bases[i]!;
    const line = lines[i]!;
    const start = lineProcStart[i]!;
    if (start === -1 || !base.ok) continue;
    const f = lineBits[i]!;
    if (f & TEAM_66) {
      out[i] = {
        ok: false,
        reasons: [`${line.code}-66: team surgery is paid by report, so no benchmark gives an amount`],
      };
      continue;
    }
    const share = f & CO_SURGEON_62 || lineAssistant[i] ? sharePercent(line, i, f, base.indicators) : 100;
    let amountCents = 0;
    const end = start + lineProcCount[i]!;
    for (let k = start; k < end; k += 1) {
      amountCents += (procAmount[k]! * procPercent[k]!) / 100 / procLines[k]!;
    }
    amountCents = (amountCents * share) / 100;
    out[i] = finish(line, amountCents, base.basis + lineNotes[i]!);
  }
}

/** Bilateral handling for one line (domain.md 1.4 "BILAT SURG"): the percentage of one unit it is worth. */
function bilateralPercent(indicator: number | undefined): number {
  switch (indicator) {
    case 1:
    case undefined:
      return BILATERAL_PERCENT;
    case 3:
      return 200;
    default:
      return 100;
  }
}

/** What bilateralPercent did, in words, for `trigger` (`modifier 50`, `RT+LT, lines 1 and 2` ...). */
function bilateralNote(indicator: number | undefined, trigger: string): string {
  switch (indicator) {
    case 1:
      return `bilateral (${trigger}) at ${BILATERAL_PERCENT}%`;
    case 2:
      return `bilateral (${trigger}) at 100%: the code's RVUs are already bilateral`;
    case 3:
      return `bilateral (${trigger}): each side at 100%`;
    case 0:
      return `bilateral (${trigger}) at 100%: the 150% adjustment does not apply to this code (indicator 0)`;
    case undefined:
      return `bilateral (${trigger}) at ${BILATERAL_PERCENT}% (no Medicare bilateral indicator known; assumed)`;
    default:
      return `bilateral (${trigger}): concept does not apply to this code (indicator ${indicator}), 100%`;
  }
}

/** bilateralNote for the two triggers that name no line, by trigger and indicator: written once each. */
const triggerNotes = new Map<string, Map<number | undefined, string>>();

function bilateralTriggerNote(indicator: number | undefined, trigger: 'modifier 50' | '2 units'): string {
  let byIndicator = triggerNotes.get(trigger);
  if (!byIndicator) {
    byIndicator = new Map();
    triggerNotes.set(trigger, byIndicator);
  }
  let text = byIndicator.get(indicator);
  if (text === undefined) {
    text = bilateralNote(indicator, trigger);
    if (byIndicator.size < 64) byIndicator.set(indicator, text);
  }
  return text;
}

function dateOf(line: ClaimLine, claimServiceDate: string | undefined): string {
  return line.serviceDate ?? claimServiceDate ?? '';
}

/** Indicator 2 ranks; with no Medicare row known, modifier 51 is the biller's own statement that it ranks. */
function isRankable(indicators: PaymentIndicators | undefined, has51: number): boolean {
  if (indicators) return indicators.multipleProcedureIndicator === 2;
  return has51 !== 0;
}

/** `multiple procedure rank 2 at 50%` for a line with one ranked procedure, by rank (ranks 1 to 5). */
const SINGLE_RANK_NOTES: readonly string[] = MULTIPLE_PROCEDURE_PERCENT.map(
  (percent, k) => `; multiple procedure rank ${k + 1} at ${percent}%`,
);

/** Ranks rankable procedures per service date by amount, highest first (domain.md 1.4, indicator 2). */
function rankMultipleProcedures(lineCount: number, bases: readonly BasePrice[]): void {
  // Rankable procedures in claim order, each once (a bilateral pair shares one), grouped by date.
  let rankable = 0;
  let oneDate = true;
  for (let i = 0; i < lineCount; i += 1) {
    const start = lineProcStart[i]!;
    if (start === -1) continue;
    const end = start + lineProcCount[i]!;
    for (let k = start; k < end; k += 1) {
      if (!procRankable[k] || procListed[k]) continue;
      if (rankable > 0 && procDate[k] !== procDate[rankOrder[0]!]) oneDate = false;
      procListed[k] = true;
      rankOrder[rankable] = k;
      rankable += 1;
    }
  }
  if (oneDate) rankList(rankOrder, rankable);
  else {
    const byDate = new Map<string, number[]>();
    for (let r = 0; r < rankable; r += 1) {
      const k = rankOrder[r]!;
      const list = byDate.get(procDate[k]!);
      if (list) list.push(k);
      else byDate.set(procDate[k]!, [k]);
    }
    for (const list of byDate.values()) rankList(list, list.length);
  }
  for (let i = 0; i < lineCount; i += 1) {
    const start = lineProcStart[i]!;
    if (start === -1) continue;
    const end = start + lineProcCount[i]!;
    let ranked = 0;
    let only = 0;
    let aboveFive = false;
    for (let k = start; k < end; k += 1) {
      const rank = procRank[k]!;
      if (rank === 0) continue;
      if (rank > MULTIPLE_PROCEDURE_PERCENT.length) aboveFive = true;
      ranked += 1;
      only = rank;
    }
    if (ranked === 1 && !aboveFive) lineNotes[i] += SINGLE_RANK_NOTES[only - 1]!;
    else if (ranked > 0) {
      // Several ranked procedures (units ranked apart), or a rank above five: every rank is named.
      let text = '';
      for (let k = start; k < end; k += 1) {
        const rank = procRank[k]!;
        if (rank !== 0) text += `${text ? ', ' : ''}rank ${rank} at ${procPercent[k]}%`;
      }
      const byReport = aboveFive
        ? ` (ranks above ${MULTIPLE_PROCEDURE_PERCENT.length} are by report; ${BY_REPORT_RANK_PERCENT}% assumed)`
        : '';
      lineNotes[i] += `; multiple procedure ${text}${byReport}`;
    } else if (lineBits[i]! & MULTIPLE_51) {
      const base = bases[i]!;
      const ind = base.ok ? base.indicators?.multipleProcedureIndicator : undefined;
      if (ind !== undefined && ind !== 2 && ind !== 0 && ind !== 9) {
        lineNotes[i] += `; multiple procedure indicator ${ind} rules are not applied (only indicator 2 is)`;
      } else if (ind === 0 || ind === 9) {
        lineNotes[i] += `; modifier 51: no multiple-procedure reduction for this code (indicator ${ind})`;
      }
    }
  }
}

/**
 * One date's procedures (the first `length` of `list`): highest amount first, equal amounts in claim order (a stable insertion sort:
 * the lists are a handful long), then 100/50/50/50/50 and by report.
 */
function rankList(list: number[], length: number): void {
  if (length < 2) return;
  for (let i = 1; i < length; i += 1) {
    const p = list[i]!;
    let j = i - 1;
    while (j >= 0 && procAmount[list[j]!]! < procAmount[p]!) {
      list[j + 1] = list[j]!;
      j -= 1;
    }
    list[j + 1] = p;
  }
  for (let r = 0; r < length; r += 1) {
    procRank[list[r]!] = r + 1;
    procPercent[list[r]!] = MULTIPLE_PROCEDURE_PERCENT[r] ?? BY_REPORT_RANK_PERCENT;
  }
}

/**
 * Co-surgeon (62) and assistant (80/81/82, AS) percentages (domain.md 1.4); 0 where Medicare never pays.
 * Its notes go on line i.
 */
function sharePercent(
  line: ClaimLine,
  i: number,
  f: number,
  indicators: PaymentIndicators | undefined,
): number {
  let share = 100;
  if (f & CO_SURGEON_62) {
    const ind = indicators?.coSurgeonIndicator;
    if (ind === 0 || ind === 9) {
      lineNotes[i] +=
        knownNote('62', ind, line.code) ??
        rememberNote(
          '62',
          ind,
          line.code,
          `; co-surgeon (62) not permitted for ${line.code} (indicator ${ind}): $0.00`,
        );
      share = 0;
    } else {
      lineNotes[i] += knownNote('62', ind, '') ?? rememberNote('62', ind, '', coSurgeonNote(ind));
      share = (share * CO_SURGEON_PERCENT) / 100;
    }
  }
  const assistant = lineAssistant[i]!;
  if (assistant) {
    const ind = indicators?.assistantIndicator;
    const percent = assistant === 'AS' ? ASSISTANT_NON_PHYSICIAN_PERCENT : ASSISTANT_PHYSICIAN_PERCENT;
    if (ind === 1 || ind === 9) {
      lineNotes[i] +=
        knownNote(assistant, ind, line.code) ??
        rememberNote(assistant, ind, line.code, assistantNotPaidNote(assistant, ind, line.code));
      share = 0;
    } else {
      lineNotes[i] +=
        knownNote(assistant, ind, '') ??
        rememberNote(assistant, ind, '', assistantNote(assistant, ind, percent));
      share = (share * percent) / 100;
    }
  }
  return share;
}

function coSurgeonNote(ind: number | undefined): string {
  const why =
    ind === 1
      ? ' (documentation required)'
      : ind === 2
        ? ' (two-specialty requirement)'
        : ind === undefined
          ? ' (no Medicare co-surgeon indicator known)'
          : '';
  return `; co-surgeon (62) at ${CO_SURGEON_PERCENT}%${why}`;
}

function assistantNotPaidNote(assistant: string, ind: 1 | 9, code: string): string {
  const why = ind === 1 ? 'statutory restriction, never paid' : 'concept does not apply';
  return `; assistant at surgery (${assistant}) not paid for ${code} (indicator ${ind}: ${why}): $0.00`;
}

function assistantNote(assistant: string, ind: number | undefined, percent: number): string {
  const why =
    ind === 0
      ? ' (paid only with documentation of medical necessity)'
      : ind === undefined
        ? ' (no Medicare assistant indicator known)'
        : '';
  return `; assistant at surgery (${assistant}) at ${percent}%${why}`;
}

/**
 * Co-surgeon (62) and assistant (80, 81, 82, AS) notes by modifier, indicator and code ('' when the text
 * names none): a run writes the same few on every such line, so each is written once.
 */
const shareNotes = new Map<string, Map<number | undefined, Map<string, string>>>();
const SHARE_NOTES_PER_KEY = 1_000;

function knownNote(modifier: string, ind: number | undefined, code: string): string | undefined {
  return shareNotes.get(modifier)?.get(ind)?.get(code);
}

function rememberNote(modifier: string, ind: number | undefined, code: string, note: string): string {
  let byInd = shareNotes.get(modifier);
  if (!byInd) {
    byInd = new Map();
    shareNotes.set(modifier, byInd);
  }
  let byCode = byInd.get(ind);
  if (!byCode) {
    byCode = new Map();
    byInd.set(ind, byCode);
  }
  if (byCode.size >= SHARE_NOTES_PER_KEY) byCode.clear();
  byCode.set(code, note);
  return note;
}
