import { localIsoDate } from '../../components/format';
import { openDatabase } from '../../storage/db';

/** The side panel's database handle, shared by its sections. */
export const db = openDatabase();

export function localDate(d = new Date()): string {
  return localIsoDate(d);
}
