import type { AuditRecord, OonDatabase } from './db';

/**
 * Adds a line to the local audit log: what left the extension or changed data, never patient values.
 * `detail` carries counts and kinds only ("worklist CSV, 42 claims").
 */
export async function audit(
  db: OonDatabase,
  action: AuditRecord['action'],
  detail: string,
  at = new Date().toISOString(),
): Promise<void> {
  await db.auditLog.add({ at, action, detail: detail.slice(0, 300) });
}
