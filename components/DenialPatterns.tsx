import type { DenialPattern } from '../rules/patterns/index';
import { formatCents, formatDate } from './format';

export interface DenialPatternsProps {
  patterns: DenialPattern[];
}

/** Repeated denials by payer and category: a root cause to fix upstream, not claims to appeal one by one. */
export function DenialPatterns({ patterns }: DenialPatternsProps) {
  if (patterns.length === 0) {
    return (
      <p class="muted" data-testid="no-denial-patterns">
        No repeated denials in the stored claims.
      </p>
    );
  }
  return (
    <ul class="denial-patterns" data-testid="denial-patterns">
      {patterns.map((p) => (
        <li key={`${p.payerName}|${p.category}`} data-category={p.category}>
          <strong>{p.summary}</strong>
          <div class="muted">
            {formatCents(p.deniedCents)} billed on {p.lineCount} denied line{p.lineCount === 1 ? '' : 's'},{' '}
            {formatDate(p.firstServiceDate ?? undefined)} to {formatDate(p.lastServiceDate ?? undefined)}
            {p.reasons.length ? ` · ${p.reasons.join(', ')}` : ''}
          </div>
          <div>Fix upstream: {p.rootCause}</div>
          <div class="muted">Claims: {p.claimNumbers.join(', ')}</div>
        </li>
      ))}
    </ul>
  );
}
