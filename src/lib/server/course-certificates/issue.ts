// Issuing the per-course Certificate of Achievement. A course certificate needs, all at once: the course complete
// (every lesson and the final passed: enrollments.completed_at), the learner's evaluation of it, and a valid
// approval for the course (lessons/NN-course/approvals.yaml). Without an approval the completion is still recorded,
// but no CE certificate is issued.
//
// Exactly once: the checks and the insert run in one transaction, and the partial unique index
// course_certificates_live_idx (one live certificate per learner and course) turns a concurrent second insert into
// nothing. Idempotent: calling it again returns the certificate already issued.

import { and, eq, isNull } from 'drizzle-orm';
import { findJurisdiction } from '$lib/compliance/jurisdictions';
import { generateVerificationCode } from '$lib/certification/code';
import { db, table } from '../db';
import type { CertificateLicence, CourseCertificate } from '../db/schema';
import { certifyingApproval } from '../approvals';
import { randomSalt } from '../certification/issue';
import { listLicences } from '../licences/licences';
import { getCourseProgress } from '../progress/course-progress';

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type IssueOutcome =
	| { issued: true; certificate: CourseCertificate }
	| { issued: false; certificate: CourseCertificate }
	| { issued: false; certificate: null; reason: 'not-complete' | 'no-evaluation' | 'no-approval' | 'no-course' };

async function liveCertificate(conn: typeof db | Tx, userId: number, courseId: number) {
	const [row] = await conn
		.select()
		.from(table.courseCertificates)
		.where(and(eq(table.courseCertificates.userId, userId), eq(table.courseCertificates.courseId, courseId), isNull(table.courseCertificates.revokedAt)));
	return row ?? null;
}

/** Issues the course certificate when every condition is met; inside `tx` when given (the evaluation command's). */
export async function issueCourseCertificate(userId: number, courseId: number, now = new Date(), tx?: Tx): Promise<IssueOutcome> {
	if (!tx) return db.transaction((t) => issueCourseCertificate(userId, courseId, now, t));
	const existing = await liveCertificate(tx, userId, courseId);
	if (existing) return { issued: false, certificate: existing };

	const [row] = await tx
		.select({
			slug: table.courses.slug,
			category: table.courses.ceCategory,
			completedAt: table.enrollments.completedAt,
			name: table.users.name,
			email: table.users.email
		})
		.from(table.courses)
		.innerJoin(table.users, eq(table.users.id, userId))
		.leftJoin(table.enrollments, and(eq(table.enrollments.courseId, table.courses.id), eq(table.enrollments.userId, userId)))
		.where(eq(table.courses.id, courseId));
	if (!row) return { issued: false, certificate: null, reason: 'no-course' };
	if (!row.completedAt) return { issued: false, certificate: null, reason: 'not-complete' };
	const [evaluation] = await tx
		.select({ id: table.courseEvaluations.id })
		.from(table.courseEvaluations)
		.where(and(eq(table.courseEvaluations.userId, userId), eq(table.courseEvaluations.courseId, courseId)));
	if (!evaluation) return { issued: false, certificate: null, reason: 'no-evaluation' };
	const approval = certifyingApproval(row.slug, row.completedAt);
	if (!approval) return { issued: false, certificate: null, reason: 'no-approval' };

	const licences: CertificateLicence[] = (await listLicences(userId, tx)).map((l) => ({
		licenceId: l.licenceId,
		versionId: l.versionId,
		jurisdiction: l.jurisdiction,
		number: l.number,
		profession: l.profession
	}));
	const progress = await getCourseProgress(userId, courseId, tx);
	const [inserted] = await tx
		.insert(table.courseCertificates)
		.values({
			code: generateVerificationCode(),
			userId,
			courseId,
			courseSlug: row.slug,
			approvalBody: approval.body,
			approvalNumber: approval.number,
			approvedTitle: approval.approvedTitle,
			ceQuarterHours: Math.round(approval.approvedHours * 4),
			category: row.category,
			deliveryType: approval.deliveryType,
			holderName: row.name,
			holderEmail: row.email,
			licences,
			finalPercent: progress.finalExam?.best ?? null,
			evaluationId: evaluation.id,
			completedAt: row.completedAt,
			issuedAt: now,
			credentialSalt: randomSalt()
		})
		.onConflictDoNothing()
		.returning();
	if (inserted) return { issued: true, certificate: inserted };
	// Another request issued it between our check and insert.
	return { issued: false, certificate: (await liveCertificate(tx, userId, courseId))! };
}

/** The licences a certificate must print: those of jurisdictions that require the number on certificates. */
export function licencesToPrint(licences: readonly CertificateLicence[]): CertificateLicence[] {
	return licences.filter((l) => findJurisdiction(l.jurisdiction)?.numberOnCertificate);
}
