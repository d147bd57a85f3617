import { desc, lt } from 'drizzle-orm';
import { db, table } from '../db';

export type AuditAction =
	| 'role.change'
	| 'admin.denied'
	| 'certificate.revoke'
	| 'certificate.reissue'
	| 'quiz.publish'
	| 'quiz.delete'
	| 'course.assign';

/** Appends one event; there is deliberately no update or delete function for audit rows. */
export async function recordAudit(action: AuditAction, actorId: number | null, target?: string, detail?: string) {
	await db.insert(table.auditEvents).values({ action, actorId, target, detail });
}

export async function listAuditEvents(beforeId?: number, limit = 100) {
	return db
		.select()
		.from(table.auditEvents)
		.where(beforeId ? lt(table.auditEvents.id, beforeId) : undefined)
		.orderBy(desc(table.auditEvents.id))
		.limit(limit);
}
