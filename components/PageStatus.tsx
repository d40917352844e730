import { PAGE_KIND_LABEL } from './format';

export interface PageStatusProps {
  portalName: string;
  pageKind: string;
  missing: string[];
}

/** A page that matched a rule but could not be read: which portal, which page, which fields. */
export function UnreadablePage({ portalName, pageKind, missing }: PageStatusProps) {
  return (
    <section class="notice notice-warning" role="alert" data-testid="unreadable">
      <h2>
        Could not read this {PAGE_KIND_LABEL[pageKind] ?? pageKind} page on {portalName}
      </h2>
      <p>Nothing from this page was stored. The page layout may have changed. These fields failed:</p>
      <ul>
        {missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </section>
  );
}
