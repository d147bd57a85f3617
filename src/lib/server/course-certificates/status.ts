// Where a learner stands with a course's CE: its approval, their evaluation and their course certificate.
// Read-only (loads never write).

import { and, eq, isNull } from 'drizzle-orm';
import { db, table } from '../db';
import { certifyingApproval } from '../approvals';

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
