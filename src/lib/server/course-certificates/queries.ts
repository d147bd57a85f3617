// Reading course certificates: a learner's list, where they stand with a course's CE (its approval, their
// evaluation and certificate), and the public lookup by verification code (holder, approved course, hours, dates
// and status; never the email or licence numbers). Read-only: loads never write.

import { and, desc, eq, isNull } from 'drizzle-orm';
import { normalizeVerificationCode } from '$lib/certification/code';
import { db, table } from '../db';
import { certifyingApproval } from '../approvals';

/** A learner's course certificates, newest first (revoked ones too: certificates are never deleted). */
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

export async function courseCeStatus(userId: number | null, courseId: number, slug: string, finalPassed: boolean, now = new Date()) {
	const approval = certifyingApproval(slug, now);
	const base = {
		approval: approval && { body: approval.body, title: approval.approvedTitle, hours: approval.approvedHours, number: approval.number, validTo: approval.validTo },
		finalPassed,
		evaluated: false,
		certificate: null as { id: number; code: string } | null
	};
	if (userId === null) return base;
	const [evaluation] = await db
		.select({ id: table.courseEvaluations.id })
		.from(table.courseEvaluations)
		.where(and(eq(table.courseEvaluations.userId, userId), eq(table.courseEvaluations.courseId, courseId)));
	const [certificate] = await db
		.select({ id: table.courseCertificates.id, code: table.courseCertificates.code })
		.from(table.courseCertificates)
		.where(and(eq(table.courseCertificates.userId, userId), eq(table.courseCertificates.courseId, courseId), isNull(table.courseCertificates.revokedAt)));
	return { ...base, evaluated: !!evaluation, certificate: certificate ?? null };
}

export type CourseCeStatus = Awaited<ReturnType<typeof courseCeStatus>>;
