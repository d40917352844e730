import type { Claim, ClaimScore } from '../rules/model';
import { indexSchedule } from '../rules/pricing/schedule';
import { type ScoringContext, scoreClaim } from '../rules/score';
import type { OonDatabase } from './db';
import { schedulesInOrder } from './schedules';
import { getPolicies } from './settings';

/** Builds the scoring context from what the practice has loaded. */
export async function loadScoringContext(db: OonDatabase, asOf: string): Promise<ScoringContext> {
  const [schedules, policies] = await Promise.all([schedulesInOrder(db), getPolicies(db)]);
  return { asOf, policies, pricing: { schedules: schedules.map(indexSchedule) } };
}

export async function loadScorer(db: OonDatabase, asOf: string): Promise<(claim: Claim) => ClaimScore> {
  const ctx = await loadScoringContext(db, asOf);
  return (claim) => scoreClaim(claim, ctx);
}
