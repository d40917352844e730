import { openDatabase } from '../../storage/db';

/** The options page's database handle and small helpers its sections share. */
export const db = openDatabase();

export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An error whose message is already written for the biller. */
export class UserError extends Error {}
