import type { Claim, ClaimScore } from '../rules/model';
import { buildHistoryIndex, type HistoryIndex } from '../rules/pricing/history';
import type { MedicareFeeSchedule } from '../rules/pricing/medicare-pfs';
import { indexSchedule } from '../rules/pricing/schedule';
import type { UcrIndex } from '../rules/pricing/ucr';
import { type ClaimNotes, type ScoringContext, scoreClaim } from '../rules/score';
import { loadMedicare, loadUcr } from './benchmarks';
import type { OonDatabase } from './db';
import { getCurrentPracticeId, listPractices, practiceForClaim } from './practices';
import { schedulesInOrder } from './schedules';
import { getPolicies, getPracticeDefaults } from './settings';

/** The Medicare PFS and UCR table, shared by every practice: read once per scorer. */
interface SharedBenchmarks {
  medicare: MedicareFeeSchedule | undefined;
  ucr: UcrIndex | undefined;
}

async function loadSharedBenchmarks(db: OonDatabase): Promise<SharedBenchmarks> {
  const [medicare, ucr] = await Promise.all([loadMedicare(db), loadUcr(db)]);
  return { medicare, ucr };
}

/** Builds the scoring context for one practice from what it has loaded. */
export async function loadScoringContext(
  db: OonDatabase,
  asOf: string,
  practiceId = '',
  shared?: SharedBenchmarks,
): Promise<ScoringContext> {
  const [schedules, policies, { medicare, ucr }, defaults] = await Promise.all([
    schedulesInOrder(db, practiceId),
    getPolicies(db, practiceId),
    shared ?? loadSharedBenchmarks(db),
    getPracticeDefaults(db, practiceId),
  ]);
  // The payer's own history costs a pass over every stored claim: only when a policy asks for it.
  const usesHistory = [policies.default, ...policies.payers].some((p) =>
    p.methods.some((m) => m.method === 'history'),
  );
  const history: HistoryIndex | undefined = usesHistory
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

/**
 * A scorer for every claim: each is priced with its own practice's schedules, policies and location
 * (practice chosen by payee NPI or TIN, else the current practice).
 */
export async function loadScorer(
  db: OonDatabase,
  asOf: string,
): Promise<(claim: Claim, notes?: ClaimNotes) => ClaimScore> {
  const [practices, currentId, shared] = await Promise.all([
    listPractices(db),
    getCurrentPracticeId(db),
    loadSharedBenchmarks(db),
  ]);
  const ids = [...new Set(['', currentId, ...practices.map((p) => p.id)])];
  const contexts = new Map<string, ScoringContext>();
  await Promise.all(ids.map(async (id) => contexts.set(id, await loadScoringContext(db, asOf, id, shared))));
  return (claim, notes) => {
    const chosen =
      notes?.practiceId !== undefined && contexts.has(notes.practiceId) ? notes.practiceId : undefined;
    const ctx = contexts.get(chosen ?? practiceForClaim(practices, claim, currentId)) ?? contexts.get('')!;
    return scoreClaim(claim, ctx, notes);
  };
}
