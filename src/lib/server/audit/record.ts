import type { AuditAction } from '$lib/audit/actions';
import { db, table } from '../db';

export type { AuditAction };

/**
 * Appends one event. There is deliberately no update or delete function for audit rows anywhere in the app: the
 * admin audit page (/admin/audit) only reads them (see list.ts).
 */
export async function recordAudit(action: AuditAction, actorId: number | null, target?: string, detail?: string) {
	await db.insert(table.auditEvents).values({ action, actorId, target, detail });
}
