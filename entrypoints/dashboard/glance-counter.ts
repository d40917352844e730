import { z } from 'zod';
import { openDatabase } from '../../storage/db';
import { refreshGlance } from '../../storage/reminders';

/**
 * A dedicated worker that counts the popup's glance again after the dashboard changed claims (a bulk
 * mark), off the page's thread: the popup then opens on a fresh count instead of counting itself,
 * which a popup closed within a second or two never finishes with 50,000 claims stored.
 */
z.config({ jitless: true });

export interface GlanceCountRequest {
  asOf: string;
}
export type GlanceCountReply = { counted: true } | { error: string };

self.onmessage = async (e: MessageEvent<GlanceCountRequest>) => {
  const db = openDatabase();
  try {
    await refreshGlance(db, e.data.asOf);
    postMessage({ counted: true } satisfies GlanceCountReply);
  } catch (error) {
    postMessage({ error: String(error) } satisfies GlanceCountReply);
  } finally {
    db.close();
  }
};
