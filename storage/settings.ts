import { type PracticeProfileDraft, PracticeProfileDraftSchema } from '../rules/appeals/profile';
import { DEFAULT_POLICY_SET, type PolicySet, PolicySetSchema } from '../rules/pricing/policy';
import type { OonDatabase } from './db';

/**
 * Settings that belong to a practice are stored under `key:practiceId`; the default practice ('')
 * uses the bare key, so a single-practice office never sees practices at all.
 */
export function practiceKey(base: string, practiceId = ''): string {
  return practiceId ? `${base}:${practiceId}` : base;
}

/** Reads a setting through its schema: a value that no longer parses falls back, never crashes a page. */
async function read<T>(
  db: OonDatabase,
  key: string,
  parse: (v: unknown) => T | undefined,
  fallback: T,
): Promise<T> {
  const row = await db.settings.get(key);
  if (!row) return fallback;
  return parse(row.value) ?? fallback;
}

export function getPolicies(db: OonDatabase, practiceId = ''): Promise<PolicySet> {
  return read(
    db,
    practiceKey('policies', practiceId),
    (v) => PolicySetSchema.safeParse(v).data,
    DEFAULT_POLICY_SET,
  );
}

export async function setPolicies(db: OonDatabase, policies: PolicySet, practiceId = ''): Promise<void> {
  await db.settings.put({ key: practiceKey('policies', practiceId), value: PolicySetSchema.parse(policies) });
}

export function getActiveScheduleId(db: OonDatabase, practiceId = ''): Promise<string | undefined> {
  return read(
    db,
    practiceKey('activeScheduleId', practiceId),
    (v) => (typeof v === 'string' ? v : undefined),
    undefined,
  );
}

/** The practice's pricing defaults: Medicare locality and UCR region. */
export interface PracticeDefaults {
  locality?: string;
  region?: string;
}

export function getPracticeDefaults(db: OonDatabase, practiceId = ''): Promise<PracticeDefaults> {
  return read(
    db,
    practiceKey('practiceDefaults', practiceId),
    (v) => {
      if (typeof v !== 'object' || v === null) return undefined;
      const o = v as Record<string, unknown>;
      return {
        ...(typeof o.locality === 'string' && o.locality ? { locality: o.locality } : {}),
        ...(typeof o.region === 'string' && o.region ? { region: o.region } : {}),
      };
    },
    {},
  );
}

export async function setPracticeDefaults(
  db: OonDatabase,
  value: PracticeDefaults,
  practiceId = '',
): Promise<void> {
  await db.settings.put({ key: practiceKey('practiceDefaults', practiceId), value });
}

/** The practice profile every letter uses; a draft may lack fields (letters then say what is missing). */
export function getProfile(db: OonDatabase, practiceId = ''): Promise<PracticeProfileDraft> {
  return read(
    db,
    practiceKey('profile', practiceId),
    (v) => PracticeProfileDraftSchema.safeParse(v).data,
    {},
  );
}

export async function setProfile(
  db: OonDatabase,
  profile: PracticeProfileDraft,
  practiceId = '',
): Promise<void> {
  await db.settings.put({
    key: practiceKey('profile', practiceId),
    value: PracticeProfileDraftSchema.parse(profile),
  });
}
