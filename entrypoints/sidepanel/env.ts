import { openDatabase } from '../../storage/db';

/** The side panel's database handle, shared by its sections. */
export const db = openDatabase();

export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
