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

interface LineFlags {
  bilateral50: boolean;
  right: boolean;
  left: boolean;
  multiple51: boolean;
  coSurgeon62: boolean;
  team66: boolean;
  /** 80/81/82 or AS, else ''. */
  assistant: string;
}

/** The flags of a line without modifiers (most lines): shared, never written. */
const NO_FLAGS: Readonly<LineFlags> = Object.freeze({
  bilateral50: false,
  right: false,
  left: false,
  multiple51: false,
  coSurgeon62: false,
  team66: false,
  assistant: '',
});

function readFlags(line: ClaimLine): Readonly<LineFlags> {
  if (line.modifiers.length === 0) return NO_FLAGS;
  const flags: LineFlags = {
    bilateral50: false,
    right: false,
    left: false,
    multiple51: false,
    coSurgeon62: false,
    team66: false,
    assistant: '',
  };
  for (const m of line.modifiers) {
    if (m === '50') flags.bilateral50 = true;
    else if (m === 'RT') flags.right = true;
    else if (m === 'LT') flags.left = true;
    else if (m === '51') flags.multiple51 = true;
    else if (m === '62') flags.coSurgeon62 = true;
    else if (m === '66') flags.team66 = true;
    else if (m === '80' || m === '81' || m === '82' || m === 'AS') flags.assistant = m;
  }
  return flags;
}

function hasPaymentModifier(line: ClaimLine): boolean {
  for (const m of line.modifiers) if (PAYMENT_MODIFIERS.has(m)) return true;
  return false;
}

/** One procedure for ranking: a unit, a bilateral pair, or a whole line; `share` splits RT+LT pairs. */
interface Procedure {
  lines: number[];
  amountCents: number;
  dateKey: string;
  rankable: boolean;
  percent: number;
  rank: number;
}

interface LineWork {
  notes: string[];
  procedures: Procedure[];
  /** Co-surgeon/assistant percentage, 100 when none. */
  sharePercent: number;
}

function percentText(p: number): string {
  return `${p}%`;
}

/** Bilateral handling for one line (domain.md 1.4 "BILAT SURG"): the percentage of one unit it is worth. */
function bilateralPercent(
  indicator: number | undefined,
  notes: string[],
  trigger: string,
): { percent: number; applied: boolean } {
  switch (indicator) {
    case 1:
      notes.push(`bilateral (${trigger}) at ${BILATERAL_PERCENT}%`);
      return { percent: BILATERAL_PERCENT, applied: true };
    case 2:
      notes.push(`bilateral (${trigger}) at 100%: the code's RVUs are already bilateral`);
      return { percent: 100, applied: true };
    case 3:
      notes.push(`bilateral (${trigger}): each side at 100%`);
      return { percent: 200, applied: true };
    case 0:
      notes.push(
        `bilateral (${trigger}) at 100%: the 150% adjustment does not apply to this code (indicator 0)`,
      );
      return { percent: 100, applied: true };
    case undefined:
      notes.push(
        `bilateral (${trigger}) at ${BILATERAL_PERCENT}% (no Medicare bilateral indicator known; assumed)`,
      );
      return { percent: BILATERAL_PERCENT, applied: true };
    default:
      notes.push(
        `bilateral (${trigger}): concept does not apply to this code (indicator ${indicator}), 100%`,
      );
      return { percent: 100, applied: true };
  }
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

function claimPass(
  lines: readonly ClaimLine[],
  bases: readonly BasePrice[],
  claimServiceDate: string | undefined,
  out: LinePrice[],
): void {
  const work: (LineWork | undefined)[] = new Array(lines.length);
  const flags: Readonly<LineFlags>[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i += 1) flags[i] = readFlags(lines[i]!);

  // Bilateral first (domain.md 1.4 "Implementation order"): RT+LT pairs on the same code and date.
  for (let i = 0; i < lines.length; i += 1) {
    const a = bases[i]!;
    const fa = flags[i]!;
    // A line in a pair already has its work; nothing else sets work in this loop.
    if (!a.ok || a.wholeLine || work[i] || fa.bilateral50 || !(fa.right || fa.left)) continue;
    const ind = a.indicators?.bilateralIndicator;
    if (ind !== 1 && ind !== 2) continue;
    for (let j = i + 1; j < lines.length; j += 1) {
      const b = bases[j]!;
      const fb = flags[j]!;
      if (!b.ok || b.wholeLine || work[j] || lines[j]!.code !== lines[i]!.code) continue;
      if (!((fa.right && fb.left) || (fa.left && fb.right))) continue;
      if (dateOf(lines[i]!, claimServiceDate) !== dateOf(lines[j]!, claimServiceDate)) continue;
      if (lines[i]!.units !== 1 || lines[j]!.units !== 1) continue;
      const notes: string[] = [];
      const { percent } = bilateralPercent(
        ind,
        notes,
        `RT+LT, lines ${lines[i]!.lineNumber} and ${lines[j]!.lineNumber}`,
      );
      const procedure: Procedure = {
        lines: [i, j],
        amountCents: ((a.unitCents + b.unitCents) / 2) * (percent / 100),
        dateKey: dateOf(lines[i]!, claimServiceDate),
        rankable: isRankable(a.indicators, fa.multiple51 || fb.multiple51),
        percent: 100,
        rank: 0,
      };
      notes.push('split evenly between the two sides');
      work[i] = { notes: [...notes], procedures: [procedure], sharePercent: 100 };
      work[j] = { notes, procedures: [procedure], sharePercent: 100 };
      break;
    }
  }

  for (let i = 0; i < lines.length; i += 1) {
    const base = bases[i]!;
    const line = lines[i]!;
    if (!base.ok || base.wholeLine || out[i] !== undefined || work[i]) continue;
    const f = flags[i]!;
    const notes: string[] = [];
    const dateKey = dateOf(line, claimServiceDate);
    const rankable = isRankable(base.indicators, f.multiple51);
    const procedures: Procedure[] = [];
    const ind = base.indicators?.bilateralIndicator;
    if (f.bilateral50) {
      const { percent } = bilateralPercent(ind, notes, 'modifier 50');
      if (line.units !== 1)
        notes.push(`${line.units} units with modifier 50 counted as one bilateral procedure`);
      procedures.push(procedureOf(i, base.unitCents * (percent / 100), dateKey, rankable));
    } else if (line.units === 2 && (ind === 1 || ind === 2)) {
      const { percent } = bilateralPercent(ind, notes, '2 units');
      procedures.push(procedureOf(i, base.unitCents * (percent / 100), dateKey, rankable));
    } else if (rankable && Number.isInteger(line.units) && line.units <= 20) {
      for (let u = 0; u < line.units; u += 1) procedures.push(procedureOf(i, base.unitCents, dateKey, true));
      if (line.units !== 1) notes.push(`${line.units} units ranked as separate procedures`);
    } else {
      procedures.push(procedureOf(i, base.unitCents * line.units, dateKey, rankable));
      if (line.units !== 1) notes.push(`x ${line.units} units`);
    }
    work[i] = { notes, procedures, sharePercent: 100 };
  }

  rankMultipleProcedures(work, flags, bases);

  for (let i = 0; i < lines.length; i += 1) {
    const w = work[i];
    const base = bases[i]!;
    const line = lines[i]!;
    if (!w || !base.ok) continue;
    const f = flags[i]!;
    if (f.team66) {
      out[i] = {
        ok: false,
        reasons: [`${line.code}-66: team surgery is paid by report, so no benchmark gives an amount`],
      };
      continue;
    }
    const share = sharePercent(line, f, base.indicators, w.notes);
    let amountCents = 0;
    for (const p of w.procedures) {
      amountCents += (p.amountCents * p.percent) / 100 / p.lines.length;
    }
    amountCents = (amountCents * share) / 100;
    let basis = base.basis;
    for (const note of w.notes) basis += `; ${note}`;
    out[i] = finish(line, amountCents, basis);
  }
}

function procedureOf(line: number, amountCents: number, dateKey: string, rankable: boolean): Procedure {
  return { lines: [line], amountCents, dateKey, rankable, percent: 100, rank: 0 };
}

function dateOf(line: ClaimLine, claimServiceDate: string | undefined): string {
  return line.serviceDate ?? claimServiceDate ?? '';
}

/** Indicator 2 ranks; with no Medicare row known, modifier 51 is the biller's own statement that it ranks. */
function isRankable(indicators: PaymentIndicators | undefined, has51: boolean): boolean {
  if (indicators) return indicators.multipleProcedureIndicator === 2;
  return has51;
}

/** Ranks rankable procedures per service date by amount, highest first (domain.md 1.4, indicator 2). */
function rankMultipleProcedures(
  work: (LineWork | undefined)[],
  flags: readonly Readonly<LineFlags>[],
  bases: readonly BasePrice[],
): void {
  // Rankable procedures in claim order, each once (a bilateral pair shares one), grouped by date.
  const rankable: Procedure[] = [];
  let oneDate = true;
  for (const w of work) {
    if (!w) continue;
    for (const p of w.procedures) {
      if (!p.rankable || rankable.includes(p)) continue;
      if (rankable.length > 0 && p.dateKey !== rankable[0]!.dateKey) oneDate = false;
      rankable.push(p);
    }
  }
  if (oneDate) rankList(rankable);
  else {
    const byDate = new Map<string, Procedure[]>();
    for (const p of rankable) {
      const list = byDate.get(p.dateKey);
      if (list) list.push(p);
      else byDate.set(p.dateKey, [p]);
    }
    for (const list of byDate.values()) rankList(list);
  }
  for (let i = 0; i < work.length; i += 1) {
    const w = work[i];
    if (!w) continue;
    let text = '';
    let aboveFive = false;
    for (let k = 0; k < w.procedures.length; k += 1) {
      const p = w.procedures[k]!;
      if (p.rank === 0 || w.procedures.indexOf(p) !== k) continue;
      text += `${text ? ', ' : ''}rank ${p.rank} at ${percentText(p.percent)}`;
      if (p.rank > MULTIPLE_PROCEDURE_PERCENT.length) aboveFive = true;
    }
    if (text) {
      const byReport = aboveFive
        ? ` (ranks above ${MULTIPLE_PROCEDURE_PERCENT.length} are by report; ${BY_REPORT_RANK_PERCENT}% assumed)`
        : '';
      w.notes.push(`multiple procedure ${text}${byReport}`);
    } else if (flags[i]!.multiple51) {
      const base = bases[i]!;
      const ind = base.ok ? base.indicators?.multipleProcedureIndicator : undefined;
      if (ind !== undefined && ind !== 2 && ind !== 0 && ind !== 9) {
        w.notes.push(`multiple procedure indicator ${ind} rules are not applied (only indicator 2 is)`);
      } else if (ind === 0 || ind === 9) {
        w.notes.push(`modifier 51: no multiple-procedure reduction for this code (indicator ${ind})`);
      }
    }
  }
}

/**
 * One date's procedures: highest amount first, equal amounts in claim order (a stable insertion sort:
 * the lists are a handful long), then 100/50/50/50/50 and by report.
 */
function rankList(list: Procedure[]): void {
  if (list.length < 2) return;
  for (let i = 1; i < list.length; i += 1) {
    const p = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]!.amountCents < p.amountCents) {
      list[j + 1] = list[j]!;
      j -= 1;
    }
    list[j + 1] = p;
  }
  for (let k = 0; k < list.length; k += 1) {
    list[k]!.rank = k + 1;
    list[k]!.percent = MULTIPLE_PROCEDURE_PERCENT[k] ?? BY_REPORT_RANK_PERCENT;
  }
}

/** Co-surgeon (62) and assistant (80/81/82, AS) percentages (domain.md 1.4); 0 where Medicare never pays. */
function sharePercent(
  line: ClaimLine,
  f: LineFlags,
  indicators: PaymentIndicators | undefined,
  notes: string[],
): number {
  let share = 100;
  if (f.coSurgeon62) {
    const ind = indicators?.coSurgeonIndicator;
    if (ind === 0 || ind === 9) {
      notes.push(`co-surgeon (62) not permitted for ${line.code} (indicator ${ind}): $0.00`);
      share = 0;
    } else {
      const why =
        ind === 1
          ? ' (documentation required)'
          : ind === 2
            ? ' (two-specialty requirement)'
            : ind === undefined
              ? ' (no Medicare co-surgeon indicator known)'
              : '';
      notes.push(`co-surgeon (62) at ${CO_SURGEON_PERCENT}%${why}`);
      share = (share * CO_SURGEON_PERCENT) / 100;
    }
  }
  if (f.assistant) {
    const ind = indicators?.assistantIndicator;
    const percent = f.assistant === 'AS' ? ASSISTANT_NON_PHYSICIAN_PERCENT : ASSISTANT_PHYSICIAN_PERCENT;
    if (ind === 1 || ind === 9) {
      const why = ind === 1 ? 'statutory restriction, never paid' : 'concept does not apply';
      notes.push(
        `assistant at surgery (${f.assistant}) not paid for ${line.code} (indicator ${ind}: ${why}): $0.00`,
      );
      share = 0;
    } else {
      const why =
        ind === 0
          ? ' (paid only with documentation of medical necessity)'
          : ind === undefined
            ? ' (no Medicare assistant indicator known)'
            : '';
      notes.push(`assistant at surgery (${f.assistant}) at ${percent}%${why}`);
      share = (share * percent) / 100;
    }
  }
  return share;
}
