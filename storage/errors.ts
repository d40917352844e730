/** A storage failure in words a biller can act on. Nothing was written when these are shown. */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return "This computer has run out of space for OON Guard's data. Free some disk space or delete old claims, then try again. Nothing was saved.";
  }
  if (name === 'VersionError' || name === 'DatabaseClosedError' || name === 'BlockedError') {
    return "OON Guard's database is being upgraded in another window. Close other OON Guard tabs and try again. Nothing was saved.";
  }
  return `Nothing was saved: ${e instanceof Error ? e.message : String(e)}`;
}
