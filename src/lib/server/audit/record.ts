import { sql } from 'drizzle-orm';
import type { AuditAction } from '$lib/audit/actions';
import { db, table, type Conn } from '../db';

export type { AuditAction };


/**
 * Appends one event (inside a transaction when conn is one). There is deliberately no update or delete function for
 * audit rows anywhere in the app: the admin audit page (/admin/audit) only reads them (see list.ts).
 */
export async function recordAudit(action: AuditAction, actorId: number | null, target?: string, detail?: string, conn: Conn = db) {
	await conn.insert(table.auditEvents).values({ action, actorId, target, detail });
}

/** A refused admin page is recorded at most once per (account, path) in this window. */
export const DENIED_ADMIN_WINDOW_MS = 10 * 60 * 1000;

/**
 * Records that a signed-in account was refused an admin page, unless the same account was already recorded as
 * refused the same path within the last DENIED_ADMIN_WINDOW_MS: a student reloading /admin in a loop leaves one
 * row per path every ten minutes, not one per request. The check and the insert are one statement, so concurrent
 * refusals cannot both insert. Returns whether a row was added.
 *
 * The recent events are found through the time index (audit_events_at_idx; the unary + keeps SQLite off the
 * action index, which would walk every refusal ever recorded), so the check reads only the last ten minutes.
 */
export async function recordDeniedAdminAccess(actorId: number, path: string): Promise<boolean> {
	const e = table.auditEvents;
	const inserted = await db.run(sql`
		INSERT INTO ${e} (action, actor_id, target)
		SELECT 'admin.denied', ${actorId}, ${path}
		WHERE NOT EXISTS (
			SELECT 1 FROM ${e}
			WHERE ${e.at} > unixepoch('subsec') * 1000 - ${DENIED_ADMIN_WINDOW_MS}
				AND +${e.action} = 'admin.denied' AND ${e.actorId} = ${actorId} AND ${e.target} = ${path}
		)`);
	return inserted.rowsAffected > 0;
}
