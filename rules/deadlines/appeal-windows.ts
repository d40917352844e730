import { addCalendarDays, addCalendarMonths } from './calendar';

/**
 * A payer's provider appeal (dispute) window, counted from the remittance (EOB/PRA/EOP) date.
 * Defaults from domain.md 5; the plan document, the contract and state law can change them, so a
 * policy may override the length (appealDeadline's `overrideDays`).
 */
interface AppealWindowBase {
  /** Stable key. */
  id: string;
  /** The payer as the basis sentence names it. */
  payer: string;
  /** Lower-case words matched against the payer name as whole words, most specific first. */
  aliases: readonly string[];
  /** What the window is, as a sentence fragment after the length. */
  what: string;
  /** Where the number comes from. */
  source: string;
}

/** A window is either calendar days or calendar months (end-of-month clamps, date-fns addMonths). */
export type AppealWindow = AppealWindowBase & ({ windowDays: number } | { windowMonths: number });

/**
 * In match order: Anthem/Elevance/Empire before the other Blues, Humana Medicare Advantage before Humana.
 * A payer matching nothing gets ERISA_FLOOR_WINDOW.
 */
export const DEFAULT_APPEAL_WINDOWS: readonly AppealWindow[] = [
  {
    id: 'unitedhealthcare',
    payer: 'UnitedHealthcare',
    aliases: ['unitedhealthcare', 'united healthcare', 'united health care', 'uhc', 'optum'],
    windowMonths: 12,
    what: 'from the EOB/PRA date for reconsideration and appeal together',
    source: 'uhcprovider.com administrative guide, claim reconsideration and appeals; domain.md 5',
  },
  {
    id: 'aetna',
    payer: 'Aetna',
    aliases: ['aetna'],
    windowDays: 180,
    what: 'from the remittance date',
    source: 'aetna.com provider appeals; state exceptions apply; domain.md 5',
  },
  {
    id: 'cigna',
    payer: 'Cigna',
    aliases: ['cigna'],
    windowDays: 180,
    what: 'from the initial payment or denial notice (calendar days)',
    source: 'cigna.com appeals and disputes; domain.md 5',
  },
  {
    id: 'anthem-elevance',
    payer: 'Anthem/Elevance',
    // Not plain 'empire': New York's Empire Plan is administered by UnitedHealthcare.
    aliases: ['anthem', 'elevance', 'empire blue', 'empire bluecross', 'empire bcbs'],
    windowDays: 365,
    what: 'from the EOP date for a claim payment reconsideration (then 90 days to appeal its decision)',
    source: 'providernews.anthem.com claim payment dispute process; domain.md 5',
  },
  {
    id: 'humana-medicare-advantage',
    payer: 'Humana Medicare Advantage',
    aliases: ['humana medicare', 'humana gold'],
    windowDays: 60,
    what: 'from the denial, with a signed Waiver of Liability (calendar days)',
    source: 'provider.humana.com reconsiderations and appeals; domain.md 5',
  },
  {
    id: 'humana',
    payer: 'Humana',
    aliases: ['humana'],
    windowDays: 180,
    what: "from the remittance date (commercial: the policy's limit, at least the ERISA minimum)",
    source: 'provider.humana.com reconsiderations and appeals; 29 CFR 2560.503-1(h)(3)(i); domain.md 5',
  },
  {
    id: 'bcbs',
    payer: 'Blue Cross Blue Shield',
    aliases: [
      'bcbs',
      'blue cross',
      'bluecross',
      'blue shield',
      'blueshield',
      'highmark',
      'carefirst',
      'florida blue',
    ],
    windowDays: 180,
    what: 'from the remittance date (plan-specific; check the local plan)',
    source: 'plan-specific default; domain.md 5',
  },
  {
    id: 'multiplan',
    payer: 'MultiPlan',
    aliases: ['multiplan', 'multi plan', 'phcs'],
    windowMonths: 12,
    what: 'from the remittance date',
    source: 'childrensnebraska.org payor claim timelines; domain.md 5',
  },
];

/** ERISA's floor: a group health plan must allow at least 180 days to appeal (domain.md 3). */
export const ERISA_FLOOR_WINDOW: AppealWindow = {
  id: 'erisa-floor',
  payer: 'No payer window on file',
  aliases: [],
  windowDays: 180,
  what: 'from the remittance date, the ERISA minimum',
  source: '29 CFR 2560.503-1(h)(3)(i)',
};

function words(name: string): string {
  return ` ${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The default window for a payer name, case-insensitive, by whole-word alias; ERISA_FLOOR_WINDOW when none. */
export function appealWindowFor(
  payerName: string,
  windows: readonly AppealWindow[] = DEFAULT_APPEAL_WINDOWS,
): AppealWindow {
  if (windows !== DEFAULT_APPEAL_WINDOWS) return findWindow(payerName, windows);
  let window = defaultWindowByPayer.get(payerName);
  if (!window) {
    window = findWindow(payerName, windows);
    if (defaultWindowByPayer.size >= 10_000) defaultWindowByPayer.clear();
    defaultWindowByPayer.set(payerName, window);
  }
  return window;
}

function findWindow(payerName: string, windows: readonly AppealWindow[]): AppealWindow {
  const name = words(payerName);
  return windows.find((w) => w.aliases.some((a) => name.includes(words(a)))) ?? ERISA_FLOOR_WINDOW;
}

/** The default windows by payer name as written: a claim run asks about the same few payers. */
const defaultWindowByPayer = new Map<string, AppealWindow>();

/** Basis text per window, written once (the windows are constant data). */
const windowBasis = new WeakMap<AppealWindow, string>();

function basisOf(window: AppealWindow): string {
  let basis = windowBasis.get(window);
  if (basis === undefined) {
    basis = `${window.payer}: ${lengthWords(window)} ${window.what} (${window.source})`;
    windowBasis.set(window, basis);
  }
  return basis;
}

export interface AppealDeadline {
  /** Last day to file, ISO. Not moved off weekends or holidays: filing earlier is always safe. */
  date: string;
  /** Words for the biller and the letter: "Aetna: 180 days from the remittance date (aetna.com ...)". */
  basis: string;
  /** The window used; absent when `overrideDays` decided. */
  window?: AppealWindow;
}

function lengthWords(w: AppealWindow): string {
  if ('windowMonths' in w) return `${w.windowMonths} month${w.windowMonths === 1 ? '' : 's'}`;
  return `${w.windowDays} days`;
}

/** Override basis texts by payer name as written: a run's claims name a handful of payers. */
const overrideBases = new Map<string, { days: number; source: string; basis: string }>();

function overrideBasis(payerName: string, days: number, source: string): string {
  const known = overrideBases.get(payerName);
  if (known && known.days === days && known.source === source) return known.basis;
  const basis = `${payerName}: ${days} days from the remittance date (${source})`;
  if (overrideBases.size >= 10_000) overrideBases.clear();
  overrideBases.set(payerName, { days, source, basis });
  return basis;
}

/**
 * Appeal deadline counted from the payment or denial date. `overrideDays` (a payer policy or the plan
 * document) wins over the defaults; `overrideSource` names it in the basis.
 */
export function appealDeadline(
  paidDate: string,
  payerName: string,
  overrideDays?: number,
  overrideSource = 'payer policy override',
): AppealDeadline {
  if (overrideDays !== undefined) {
    if (!Number.isInteger(overrideDays) || overrideDays <= 0) {
      throw new RangeError(`overrideDays must be a positive whole number of days, got ${overrideDays}`);
    }
    return {
      date: addCalendarDays(paidDate, overrideDays),
      basis: overrideBasis(payerName, overrideDays, overrideSource),
    };
  }
  const window = appealWindowFor(payerName);
  const date =
    'windowMonths' in window
      ? addCalendarMonths(paidDate, window.windowMonths)
      : addCalendarDays(paidDate, window.windowDays);
  return { date, basis: basisOf(window), window };
}
