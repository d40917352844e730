import { z } from 'zod';
import type { Claim } from '../rules/model';
import type { OonDatabase } from './db';

/**
 * A practice a billing service works for. Schedules, policies, location and profile belong to one;
 * the default practice has id ''. A claim belongs to the practice whose NPI or TIN is the payee's.
 */
export const PracticeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().trim().min(1).max(120),
  npi: z
    .string()
    .regex(/^\d{10}$/, 'an NPI has 10 digits')
    .optional(),
  tin: z
    .string()
    .regex(/^\d{9}$/, 'a TIN has 9 digits, without the dash')
    .optional(),
});
export type Practice = z.infer<typeof PracticeSchema>;

export const DEFAULT_PRACTICE: Practice = { id: '', name: 'This practice' } as Practice;

export async function listPractices(db: OonDatabase): Promise<Practice[]> {
  const row = await db.settings.get('practices');
  const parsed = z.array(PracticeSchema).safeParse(row?.value);
  return parsed.success ? parsed.data : [];
}

export async function savePractices(db: OonDatabase, practices: Practice[]): Promise<void> {
  await db.settings.put({ key: 'practices', value: z.array(PracticeSchema).parse(practices) });
}

/** The practice the biller is working for: the default for claims no NPI or TIN places. */
export async function getCurrentPracticeId(db: OonDatabase): Promise<string> {
  const row = await db.settings.get('currentPracticeId');
  return typeof row?.value === 'string' ? row.value : '';
}

export async function setCurrentPracticeId(db: OonDatabase, id: string): Promise<void> {
  await db.settings.put({ key: 'currentPracticeId', value: id });
}

/** The claim's practice: payee NPI first, then TIN, else the biller's current practice. */
export function practiceForClaim(practices: readonly Practice[], claim: Claim, currentId: string): string {
  if (claim.providerNpi) {
    const byNpi = practices.find((p) => p.npi === claim.providerNpi);
    if (byNpi) return byNpi.id;
  }
  if (claim.providerTin) {
    const byTin = practices.find((p) => p.tin === claim.providerTin);
    if (byTin) return byTin.id;
  }
  return currentId;
}
