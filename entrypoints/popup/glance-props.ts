import { PAGE_KIND_LABEL } from '../../components/format';
import type { PageReadRecord } from '../../storage/db';
import { type Glance, type Reminder, reminderLine } from '../../storage/glance';
import type { PopupViewProps } from './popup-view';

/** The glance part of the popup's props, from the kept glance or the live one. */
export function glanceProps(
  glance: Glance | undefined,
  deadlines: readonly Reminder[] | undefined,
  last: PageReadRecord | undefined,
  lastClaimNumber: string | undefined,
): Pick<PopupViewProps, 'flaggedClaims' | 'recoverableCents' | 'deadlines' | 'lastRead'> {
  return {
    ...(glance ? { flaggedClaims: glance.flaggedClaims, recoverableCents: glance.recoverableCents } : {}),
    ...(deadlines ? { deadlines: deadlines.map(reminderLine) } : {}),
    ...(last
      ? {
          lastRead: {
            portalName: last.portalName,
            pageKind: PAGE_KIND_LABEL[last.pageKind] ?? last.pageKind,
            ok: last.ok,
            at: last.at,
            ...(lastClaimNumber ? { claimNumber: lastClaimNumber } : {}),
          },
        }
      : {}),
  };
}

/** Runs `fn` once the frame being drawn has been painted. */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
