import { z } from 'zod';
import { detect, matchPatternMatches } from '../rules/extract/detect';
import { PORTAL_RULES } from '../rules/portals/registry';
import { type PortalRule, PortalRuleSchema } from '../rules/portals/schema';
import type { OonDatabase, TaughtRuleRecord } from './db';

/**
 * Rules the biller taught for portals without a built-in rule: validated with the same schema as the
 * built-in ones, one rule per origin, never for an origin a built-in rule reads (a taught rule must
 * not quietly replace reviewed knowledge), exported and imported as JSON so a colleague can use them.
 */

export type TaughtRuleCheck =
  | { ok: true; rule: PortalRule; origin: string }
  | { ok: false; errors: string[] };

/** `https://provider.example.com` → `taught-provider-example-com`. */
export function taughtRuleId(origin: string): string {
  return `taught-${new URL(origin).hostname.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** The built-in rule that reads an origin, if any. */
export function builtInRuleFor(origin: string): PortalRule | undefined {
  let url: URL;
  try {
    url = new URL(`${origin}/`);
  } catch {
    return undefined;
  }
  return PORTAL_RULES.find((r) => r.matches.some((p) => matchPatternMatches(p, url)));
}

function issues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.slice(0, 8).map((i) => `${prefix}${i.path.join('.') || 'rule'}: ${i.message}`);
}

/** Validates a rule a biller taught or imported; every error says what to fix. */
export function checkTaughtRule(input: unknown): TaughtRuleCheck {
  const parsed = PortalRuleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
  const rule = parsed.data;
  const errors: string[] = [];
  const host = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(rule.matches[0] ?? '')?.[1];
  if (rule.matches.length !== 1 || !host)
    return {
      ok: false,
      errors: ['matches: a taught rule is for one origin, written "https://<host>/*" without wildcards'],
    };
  const origin = `https://${host}`;
  if (rule.id !== taughtRuleId(origin))
    errors.push(`id: a taught rule for ${origin} must have the id "${taughtRuleId(origin)}"`);
  const builtIn = builtInRuleFor(origin);
  if (builtIn)
    errors.push(
      `matches: ${host} is read by the built-in rule "${builtIn.name}"; a taught rule may not replace it`,
    );
  rule.pageKinds.forEach((kind, k) => {
    for (const p of kind.urlPatterns) {
      try {
        new RegExp(p);
      } catch {
        errors.push(`pageKinds.${k}.urlPatterns: "${p}" is not a valid regular expression`);
      }
    }
    if (errors.length > 0) return;
    for (const ex of kind.examples) {
      const found = detect(ex, [rule]);
      if (!found || found.kind !== kind)
        errors.push(`pageKinds.${k}.examples: ${ex} is not detected as this ${kind.kind} page`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rule, origin };
}

/** A new page kind replaces the one of the same kind and URL patterns; others are kept. */
function mergeRules(before: PortalRule, next: PortalRule): PortalRule {
  const same = (a: PortalRule['pageKinds'][number], b: PortalRule['pageKinds'][number]) =>
    a.kind === b.kind && JSON.stringify(a.urlPatterns) === JSON.stringify(b.urlPatterns);
  const kept = before.pageKinds.filter((k) => !next.pageKinds.some((n) => same(k, n)));
  return { ...next, pageKinds: [...next.pageKinds, ...kept] };
}

export type SaveTaughtRuleResult =
  | { ok: true; record: TaughtRuleRecord; merged: boolean }
  | { ok: false; errors: string[] };

/**
 * Saves a taught rule. With `merge` (teaching another page of a portal already taught) the new page
 * kinds are added to the stored rule; without it (import, edit) the rule replaces the stored one.
 */
export async function saveTaughtRule(
  db: OonDatabase,
  input: unknown,
  now: string,
  options: { merge?: boolean } = {},
): Promise<SaveTaughtRuleResult> {
  const checked = checkTaughtRule(input);
  if (!checked.ok) return checked;
  return db.transaction('rw', db.taughtRules, async () => {
    const before = await db.taughtRules.get(checked.rule.id);
    const rule = before && options.merge ? mergeRules(before.rule, checked.rule) : checked.rule;
    const record: TaughtRuleRecord = {
      id: rule.id,
      origin: checked.origin,
      rule,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await db.taughtRules.put(record);
    return { ok: true as const, record, merged: Boolean(before && options.merge) };
  });
}

/** Every taught rule that still validates, by origin. A stored rule that no longer parses is skipped. */
export async function listTaughtRules(db: OonDatabase): Promise<TaughtRuleRecord[]> {
  const all = await db.taughtRules.orderBy('origin').toArray();
  return all.filter((r) => checkTaughtRule(r.rule).ok);
}

/** The taught rules for one origin (what a content script on that origin applies). */
export async function taughtRulesFor(db: OonDatabase, origin: string): Promise<PortalRule[]> {
  const rows = await db.taughtRules.where('origin').equals(origin).toArray();
  return rows.flatMap((r) => {
    const checked = checkTaughtRule(r.rule);
    return checked.ok ? [checked.rule] : [];
  });
}

export async function removeTaughtRule(db: OonDatabase, id: string): Promise<void> {
  await db.taughtRules.delete(id);
}

export const TAUGHT_RULES_FORMAT = 'oon-guard-taught-rules';

const ExportFileSchema = z.object({
  format: z.literal(TAUGHT_RULES_FORMAT),
  version: z.literal(1),
  rules: z.array(z.unknown()).min(1).max(500),
});

/** The export file: a versioned envelope, so a colleague's import can say what it is reading. */
export function exportTaughtRules(rules: readonly PortalRule[], exportedAt: string): string {
  return `${JSON.stringify({ format: TAUGHT_RULES_FORMAT, version: 1, exportedAt, rules }, null, 2)}\n`;
}

export type ImportCheck = { ok: true; rules: PortalRule[] } | { ok: false; errors: string[] };

/** Reads an export file (or one bare rule). Any invalid rule fails the whole file: nothing half-imported. */
export function parseTaughtRulesImport(text: string): ImportCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The file is not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let candidates: unknown[];
  const file = ExportFileSchema.safeParse(json);
  if (file.success) candidates = file.data.rules;
  else if (json && typeof json === 'object' && 'pageKinds' in json) candidates = [json];
  else
    return {
      ok: false,
      errors: [
        `Not an OON Guard taught-rules file: expected {"format": "${TAUGHT_RULES_FORMAT}", "version": 1, "rules": [...]}`,
        ...issues(file.error),
      ],
    };
  const rules: PortalRule[] = [];
  const errors: string[] = [];
  candidates.forEach((c, i) => {
    const checked = checkTaughtRule(c);
    const id = c && typeof c === 'object' && 'id' in c ? ` (${String((c as { id: unknown }).id)})` : '';
    if (checked.ok) rules.push(checked.rule);
    else errors.push(...checked.errors.map((e) => `rule ${i + 1}${id}: ${e}`));
  });
  const ids = rules.map((r) => r.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) errors.push(`rule ${dup} appears twice in the file`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

/** Imports every rule of a checked file, replacing stored rules with the same id. */
export async function importTaughtRules(
  db: OonDatabase,
  text: string,
  now: string,
): Promise<{ ok: true; count: number } | { ok: false; errors: string[] }> {
  const parsed = parseTaughtRulesImport(text);
  if (!parsed.ok) return parsed;
  for (const rule of parsed.rules) {
    const saved = await saveTaughtRule(db, rule, now);
    if (!saved.ok) return saved;
  }
  return { ok: true, count: parsed.rules.length };
}
