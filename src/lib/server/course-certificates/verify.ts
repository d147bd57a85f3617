// Looking up a course certificate by its verification code for the public verify page: what it may show is the
// holder, the approved course, hours, dates and status, never the email or licence numbers.

import { eq } from 'drizzle-orm';
import { normalizeVerificationCode } from '$lib/certification/code';
import { db, table } from '../db';

export async function findCourseCertificateByCode(input: string) {
	const code = normalizeVerificationCode(input);
	if (!code) return null;
	const [c] = await db.select().from(table.courseCertificates).where(eq(table.courseCertificates.code, code));
	if (!c) return null;
	return {
		code: c.code,
		status: c.revokedAt ? ('revoked' as const) : ('valid' as const),
		holderName: c.holderName,
		approvedTitle: c.approvedTitle,
		approvalBody: c.approvalBody,
		approvalNumber: c.approvalNumber,
		ceQuarterHours: c.ceQuarterHours,
		category: c.category,
		completedAt: c.completedAt,
		issuedAt: c.issuedAt,
		revokedAt: c.revokedAt
	};
}
