import { localIsoDate } from '../../components/format';
import { openDatabase } from '../../storage/db';

/** The options page's database handle and small helpers its sections share. */
export const db = openDatabase();

export function localDate(d = new Date()): string {
  return localIsoDate(d);
}

/** An error whose message is already written for the biller. */
export class UserError extends Error {}
