/**
 * A storage failure in words a biller can act on. `outcome` says what was kept; by default nothing was
 * written when these are shown.
 */
export function describeStorageError(e: unknown, outcome = 'Nothing was saved.'): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return `This computer has run out of space for OON Guard's data. Free some disk space or delete old claims, then try again. ${outcome}`;
  }
  if (name === 'VersionError' || name === 'DatabaseClosedError' || name === 'BlockedError') {
    return `OON Guard's database is being upgraded in another window. Close other OON Guard tabs and try again. ${outcome}`;
  }
  return `${outcome.replace(/\.$/, ':')} ${e instanceof Error ? e.message : String(e)}`;
}
