import type { Claim, ClaimScore } from '../rules/model';
import type { ClaimNotes } from '../rules/score';
import { toRecord } from './claims';
import type { OonDatabase } from './db';

/**
 * Records what the biller knows about a claim (the No Surprises Act mark, the date the open
 * negotiation notice went out) and re-scores that claim with it, in one transaction.
 */
export async function setClaimNotes(
  db: OonDatabase,
  key: string,
  notes: ClaimNotes,
  score: (claim: Claim, notes?: ClaimNotes) => ClaimScore,
  now: string,
): Promise<void> {
  await db.transaction('rw', db.claims, async () => {
    const before = await db.claims.get(key);
    if (!before) throw new Error(`Claim ${key} is not stored.`);
    const clean: ClaimNotes = {
      ...(notes.nsaMark ? { nsaMark: notes.nsaMark } : {}),
      ...(notes.openNegotiationSentDate ? { openNegotiationSentDate: notes.openNegotiationSentDate } : {}),
      ...(notes.practiceId !== undefined ? { practiceId: notes.practiceId } : {}),
    };
    const withNotes = { ...before, notes: clean };
    await db.claims.put(toRecord(before.claim, before.sources, score(before.claim, clean), now, withNotes));
  });
}
