import { CARC_STOP_DATE, CARC_TEXT } from './carc-codes';
import { RARC_STOP_DATE, RARC_TEXT } from './rarc-codes';

/** Codes are matched trimmed and upper-cased: `ma01 ` is MA01. */
function normalise(code: string): string {
  return code.trim().toUpperCase();
}

/** The CARC's text (X12 list as of the ~2016 snapshot, plus domain.md 4.2), or undefined when unknown. */
export function describeCarc(code: string): string | undefined {
  return CARC_TEXT[normalise(code)];
}

/** The RARC's text (snapshot plus domain.md 4.3/4.4 No Surprises Act remarks), or undefined when unknown. */
export function describeRarc(code: string): string | undefined {
  return RARC_TEXT[normalise(code)];
}

/** The date the X12 list stopped a CARC, when it did: a remit still using it deserves a second look. */
export function carcStopDate(code: string): string | undefined {
  return CARC_STOP_DATE[normalise(code)];
}

/** The date the X12 list stopped a RARC, when it did. */
export function rarcStopDate(code: string): string | undefined {
  return RARC_STOP_DATE[normalise(code)];
}
