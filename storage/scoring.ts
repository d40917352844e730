import type { Claim, ClaimScore } from '../rules/model';
import { buildHistoryIndex } from '../rules/pricing/history';
import { indexSchedule } from '../rules/pricing/schedule';
import { type ClaimNotes, type ScoringContext, scoreClaim } from '../rules/score';
import { loadMedicare, loadUcr } from './benchmarks';
import type { OonDatabase } from './db';
import { schedulesInOrder } from './schedules';
import { getPolicies, getPracticeDefaults } from './settings';

/** Builds the scoring context from what the practice has loaded. */
export async function loadScoringContext(db: OonDatabase, asOf: string): Promise<ScoringContext> {
  const [schedules, policies, medicare, ucr, defaults] = await Promise.all([
    schedulesInOrder(db),
    getPolicies(db),
    loadMedicare(db),
    loadUcr(db),
    getPracticeDefaults(db),
  ]);
  // The payer's own history costs a pass over every stored claim: only when a policy asks for it.
  const usesHistory = [policies.default, ...policies.payers].some((p) =>
    p.methods.some((m) => m.method === 'history'),
  );
  const history = usesHistory
    ? buildHistoryIndex((await db.claims.toArray()).map((r) => r.claim))
    : undefined;
  return {
    asOf,
    policies,
    pricing: {
      schedules: schedules.map(indexSchedule),
      ...(medicare ? { medicare } : {}),
      ...(ucr ? { ucr } : {}),
      ...(history ? { history } : {}),
      ...(defaults.locality ? { defaultLocality: defaults.locality } : {}),
      ...(defaults.region ? { region: defaults.region } : {}),
    },
  };
}

export async function loadScorer(
  db: OonDatabase,
  asOf: string,
): Promise<(claim: Claim, notes?: ClaimNotes) => ClaimScore> {
  const ctx = await loadScoringContext(db, asOf);
  return (claim, notes) => scoreClaim(claim, ctx, notes);
}
