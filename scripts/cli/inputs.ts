import path from 'node:path';
import type { Claim } from '../../rules/model';
import { readEra835 } from '../../rules/x12/index';
import { genericReader } from './generic';
import { type CliIo, fileErrorReason } from './io';
import { readSavedPage } from './pages';

/** One claim and where it came from. */
export interface ReadClaim {
  /** The file path as given on the command line. */
  source: string;
  /** Portal rule id, `generic`, or `era835`. */
  portal: string;
  pageKind: string | undefined;
  /** How sure the generic reader is (0..1); undefined when a portal rule or the 835 reader read it. */
  confidence?: number | undefined;
  claim: Claim;
}

export interface SourceMessage {
  source: string;
  message: string;
}

export interface ReadInputs {
  claims: ReadClaim[];
  /** Inputs that could not be read or recognised: exit 1. */
  errors: SourceMessage[];
  /** Read, with something worth knowing (835 lines kept out of the model, say). */
  warnings: SourceMessage[];
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm']);
const X12_EXTENSIONS = new Set(['.835', '.edi']);

function looksLikeX12(text: string): boolean {
  return /^\uFEFF?\s*(ISA|ST)./.test(text);
}

function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)[\s>]/i.test(text);
}

type Kind = 'page' | 'x12' | { error: string };

/** The reader for a file: by extension, and by content for extensions the spec does not name. */
function kindOf(file: string, text: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (PAGE_EXTENSIONS.has(ext)) return 'page';
  if (X12_EXTENSIONS.has(ext)) return 'x12';
  if (ext === '.txt') {
    return looksLikeX12(text)
      ? 'x12'
      : { error: 'a .txt input must be an X12 835 remittance starting with ISA, and this one is not' };
  }
  if (looksLikeX12(text)) return 'x12';
  if (looksLikeHtml(text)) return 'page';
  return {
    error: `not a file oon reads: expected a saved portal page (.html, .htm) or an 835 (.835, .edi, .txt)`,
  };
}

/** Reads every input in order; one bad file never stops the others. */
export async function readInputs(io: CliIo, files: readonly string[]): Promise<ReadInputs> {
  const out: ReadInputs = { claims: [], errors: [], warnings: [] };
  for (const source of files) {
    let text: string;
    try {
      text = await io.readFile(source);
    } catch (error) {
      out.errors.push({ source, message: `cannot read ${source}: ${fileErrorReason(error)}` });
      continue;
    }
    const kind = kindOf(source, text);
    if (typeof kind === 'object') {
      out.errors.push({ source, message: `${source}: ${kind.error}` });
    } else if (kind === 'x12') {
      const result = readEra835(text, source);
      if (!result.ok) {
        // The reader names the file it was given; say which one if it ever stops doing so.
        const message = result.error.includes(source) ? result.error : `${source}: ${result.error}`;
        out.errors.push({ source, message });
        continue;
      }
      for (const claim of result.claims)
        out.claims.push({ source, portal: 'era835', pageKind: undefined, claim });
      for (const message of result.warnings) out.warnings.push({ source, message });
      if (result.claims.length === 0) out.warnings.push({ source, message: 'the 835 holds no claims' });
    } else {
      const page = readSavedPage(text, genericReader);
      if (!page.ok) out.errors.push({ source, message: `${source}: ${page.message}` });
      else {
        out.claims.push({
          source,
          portal: page.portal,
          pageKind: page.pageKind,
          confidence: page.generic?.confidence,
          claim: page.claim,
        });
        if (page.generic) {
          const sure =
            page.generic.confidence === undefined
              ? ''
              : ` (confidence ${page.generic.confidence.toFixed(2)})`;
          const notes = page.generic.notes.length > 0 ? `: ${page.generic.notes.join('; ')}` : '';
          out.warnings.push({
            source,
            message: `no portal rule knows this page; read by the generic reader${sure}${notes}`,
          });
        }
      }
    }
  }
  return out;
}
