import { type Claim, ClaimSchema } from '../../rules/model';

/**
 * The generic reader for pages no portal rule knows (rules/extract/generic.ts, `readGeneric(root)`).
 * It is loaded by name at run time so the command line works before that module lands; once it is in
 * the tree this file can import it directly. Whatever it returns is parsed here, at the boundary.
 */
export type GenericRead =
  | { ok: true; claim: Claim; confidence: number | undefined; notes: string[] }
  | { ok: false; message: string };
export type GenericReader = (root: ParentNode) => GenericRead;

const GENERIC_MODULE = '../../rules/extract/generic';

function describeFailure(result: Record<string, unknown>): string {
  for (const key of ['missing', 'reasons']) {
    const v = result[key];
    if (Array.isArray(v) && v.length > 0) return v.map(String).join('; ');
  }
  for (const key of ['message', 'reason', 'error']) {
    const v = result[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return 'the generic reader found no claim on the page';
}

/** Accepts `{ok: true, claim, confidence?, notes?}`, a bare claim, or `{ok: false, ...reasons}`. */
export function interpretGenericResult(result: unknown): GenericRead {
  if (result === null || typeof result !== 'object') {
    return { ok: false, message: 'the generic reader found no claim on the page' };
  }
  const r = result as Record<string, unknown>;
  if (r.ok === false) return { ok: false, message: describeFailure(r) };
  const candidate = 'claim' in r ? r.claim : r;
  const parsed = ClaimSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      message: `the generic reader's claim is incomplete: ${parsed.error.issues
        .map((i) => `${i.path.join('.') || 'claim'} ${i.message}`)
        .join('; ')}`,
    };
  }
  const notes = Array.isArray(r.notes) ? r.notes.map(String) : [];
  const confidence = typeof r.confidence === 'number' ? r.confidence : undefined;
  return { ok: true, claim: parsed.data, confidence, notes };
}

let loaded: Promise<GenericReader | undefined> | undefined;

/** The generic reader, or undefined while rules/extract/generic.ts does not exist. */
export function loadGenericReader(): Promise<GenericReader | undefined> {
  loaded ??= (async () => {
    try {
      const mod = (await import(/* @vite-ignore */ GENERIC_MODULE)) as { readGeneric?: unknown };
      const read = mod.readGeneric;
      if (typeof read !== 'function') return undefined;
      return (root: ParentNode) => interpretGenericResult((read as (r: ParentNode) => unknown)(root));
    } catch {
      return undefined;
    }
  })();
  return loaded;
}
