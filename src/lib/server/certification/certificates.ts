// Reading certificates: a student's own, and the admin list. Rows are never deleted, so every list shows revoked
// and reissued certificates too, each with its current status.

import { and, count, desc, eq, or, sql, type Column } from 'drizzle-orm';
import { certificateStatus } from '$lib/certification/track-rules';
import { db, table } from '../db';
import type { Certificate } from '../db/schema';

export function withStatus(certificate: Certificate, now = new Date()) {
	return { ...certificate, status: certificateStatus(certificate, now) };
}

/** The student's certificates, newest first. */
export async function listUserCertificates(userId: number, now = new Date()) {
	const rows = await db
		.select()
		.from(table.certificates)
		.where(eq(table.certificates.userId, userId))
		.orderBy(desc(table.certificates.issuedAt), desc(table.certificates.id));
	return rows.map((r) => withStatus(r, now));
}

/** One of the student's own certificates; null for anyone else's or an unknown id. */
export async function findOwnCertificate(userId: number, id: number): Promise<Certificate | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const [row] = await db
		.select()
		.from(table.certificates)
		.where(and(eq(table.certificates.id, id), eq(table.certificates.userId, userId)));
	return row ?? null;
}

export const ADMIN_PAGE_SIZE = 50;

/** Admin list: every certificate, newest first, filtered by holder name, email, code or track. */
export async function searchCertificates(q: string, page: number, now = new Date()) {
	const term = q.trim();
	// LIKE wildcards typed by the admin are matched literally.
	const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const escaped = (column: Column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
	const where = term
		? or(
				escaped(table.certificates.holderName),
				escaped(table.certificates.holderEmail),
				escaped(table.certificates.code),
				escaped(table.certificates.trackTitle)
			)
		: undefined;
	const [{ total }] = await db.select({ total: count() }).from(table.certificates).where(where);
	const rows = await db
		.select()
		.from(table.certificates)
		.where(where)
		.orderBy(desc(table.certificates.issuedAt), desc(table.certificates.id))
		.limit(ADMIN_PAGE_SIZE)
		.offset((page - 1) * ADMIN_PAGE_SIZE);
	return { total, pageSize: ADMIN_PAGE_SIZE, rows: rows.map((r) => withStatus(r, now)) };
}
