import { openDatabase } from '../../storage/db';
import { loadWorklistChunk } from '../../storage/worklist';

/**
 * A dedicated worker that reads the whole claim store for the dashboard in key-ordered chunks and
 * posts each as slim worklist items (JSON text, sorted into worklist order). Reading a full record
 * (claim, sources, score with every line) costs far more than its slim item: here it stays off the
 * page's thread, which only parses the slim items and merges them in.
 */
export interface LoaderRequest {
  pageSize: number;
}
export type LoaderMessage = { items: string; done: boolean } | { error: string };

const db = openDatabase();
const post = (m: LoaderMessage) => postMessage(m);

self.onmessage = async (e: MessageEvent<LoaderRequest>) => {
  try {
    let after: string | undefined;
    do {
      const chunk = await loadWorklistChunk(db, after, e.data.pageSize);
      after = chunk.next;
      post({ items: JSON.stringify(chunk.items), done: after === undefined });
    } while (after !== undefined);
  } catch (error) {
    post({ error: String(error) });
  }
};
