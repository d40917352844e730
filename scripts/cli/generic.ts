import { readGeneric } from '../../rules/extract/generic';
import type { Claim } from '../../rules/model';

/** The generic reader's answer for a page no portal rule knows, in the shape the page reader reports. */
export type GenericRead =
  | { ok: true; claim: Claim; confidence: number; notes: string[] }
  | { ok: false; message: string };
export type GenericReader = (root: ParentNode) => GenericRead;

/** rules/extract/generic.ts, which refuses rather than guesses; its refusal lists what was missing. */
export const genericReader: GenericReader = (root) => {
  const result = readGeneric(root);
  if (result.ok) return { ok: true, claim: result.claim, confidence: result.confidence, notes: result.notes };
  return { ok: false, message: result.missing.join('; ') || 'no claim found on the page' };
};
