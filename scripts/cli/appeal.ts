import { z } from 'zod';
import {
  chooseTemplates,
  getTemplate,
  type PracticeProfileDraft,
  PracticeProfileDraftSchema,
  renderLetter,
  TEMPLATES,
} from '../../rules/appeals/index';
import { claimKey } from '../../rules/model';
import { type CliIo, fileErrorReason } from './io';
import { type AppealOptions, UsageError } from './options';
import type { Report } from './report';

export async function loadProfile(io: CliIo, file: string | undefined): Promise<PracticeProfileDraft> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read --profile ${file}: ${fileErrorReason(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--profile ${file} is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = PracticeProfileDraftSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`--profile ${file} is not a practice profile:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Prints the letter for `--claim`; exit 1 when no input holds the claim, 2 for a template that cannot be used. */
export function appealLetter(
  io: CliIo,
  o: AppealOptions,
  report: Report,
  profile: PracticeProfileDraft,
): number {
  const wanted = claimKey(o.claim ?? '');
  const matches = report.claims.filter((c) => claimKey(c.claim.claimNumber) === wanted);
  const found = matches[0];
  if (!found) {
    const known = report.claims.map((c) => c.claim.claimNumber);
    io.stderr(
      `oon: no claim ${o.claim} in the inputs${known.length > 0 ? ` (claims read: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ' ...' : ''})` : ''}\n`,
    );
    return 1;
  }
  if (matches.length > 1) {
    io.stderr(
      `note: claim ${o.claim} appears ${matches.length} times (${matches.map((m) => m.source).join(', ')}); using the one from ${found.source}\n`,
    );
  }
  const applicable = chooseTemplates(found.claim, found.score);
  let templateId: string;
  if (o.template !== undefined) {
    if (!getTemplate(o.template)) {
      throw new UsageError(
        `no template "${o.template}"; templates: ${TEMPLATES.map((t) => t.id).join(', ')}${
          applicable.length > 0 ? `; for this claim: ${applicable.join(', ')}` : ''
        }`,
      );
    }
    if (!(applicable as string[]).includes(o.template)) {
      throw new UsageError(
        `template "${o.template}" does not apply to claim ${found.claim.claimNumber}; ${
          applicable.length > 0 ? `use one of: ${applicable.join(', ')}` : 'no template applies to it'
        }`,
      );
    }
    templateId = o.template;
  } else {
    const first = applicable[0];
    if (first === undefined) {
      io.stderr(
        `oon: no appeal letter applies to claim ${found.claim.claimNumber}: nothing was found underpaid or denied\n`,
      );
      return 1;
    }
    templateId = first;
  }
  const result = renderLetter(templateId, {
    claim: found.claim,
    score: found.score,
    profile,
    asOf: report.asOf,
  });
  if (!result.ok) {
    io.stderr(`oon: ${result.message}\n`);
    return 1;
  }
  const { letter } = result;
  if (o.json) {
    io.stdout(
      `${JSON.stringify({ claimNumber: found.claim.claimNumber, template: templateId, ...letter }, null, 2)}\n`,
    );
  } else {
    // The body already ends with the signature and the enclosures list.
    io.stdout(`Subject: ${letter.subject}\n\n${letter.body.trimEnd()}\n`);
  }
  if (letter.missing.length > 0) {
    const hint = o.profile === undefined ? " (--profile fills the practice's details)" : '';
    io.stderr(`note: fill in before sending: ${letter.missing.join(', ')}${hint}\n`);
  }
  return report.errors.length > 0 ? 1 : 0;
}
