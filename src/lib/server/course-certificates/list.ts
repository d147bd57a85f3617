// A learner's course certificates, newest first (revoked ones too: certificates are never deleted).

import { desc, eq } from 'drizzle-orm';
import { db, table } from '../db';

export async function listCourseCertificates(userId: number) {
	const rows = await db
		.select()
		.from(table.courseCertificates)
		.where(eq(table.courseCertificates.userId, userId))
		.orderBy(desc(table.courseCertificates.completedAt), desc(table.courseCertificates.id));
	return rows.map((c) => ({
		id: c.id,
		code: c.code,
		courseSlug: c.courseSlug,
		approvedTitle: c.approvedTitle,
		ceQuarterHours: c.ceQuarterHours,
		category: c.category,
		completedAt: c.completedAt,
		revoked: c.revokedAt !== null
	}));
}
