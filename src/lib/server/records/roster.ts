// The records roster for a course and period: every enrolment started or completed in the period, with the
// learner's licences, dates, best final score, whether they evaluated the course, their certificate and its hours.

import { and, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import { findJurisdiction } from '$lib/compliance/jurisdictions';
import { db, table } from '../db';
import { periodBounds, type Period } from '../evaluation/summary';
import { listLicences } from '../licences/licences';

export const ROSTER_HEADER = ['Learner', 'Email', 'Licences', 'Enrolled', 'Completed', 'Final score (%)', 'Evaluation submitted', 'Certificate code', 'CE hours'] as const;

export type RosterRow = [string, string, string, string, string, number | null, 'yes' | 'no', string, number | null];

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

export async function courseRoster(courseId: number, period: Period): Promise<RosterRow[]> {
	const { start, end } = periodBounds(period);
	const en = table.enrollments;
	const inPeriod = (c: typeof en.enrolledAt | typeof en.completedAt) => and(gte(c, start), lt(c, end));
	const enrolments = await db
		.select({ userId: en.userId, name: table.users.name, email: table.users.email, enrolledAt: en.enrolledAt, completedAt: en.completedAt })
		.from(en)
		.innerJoin(table.users, eq(table.users.id, en.userId))
		.where(and(eq(en.courseId, courseId), or(inPeriod(en.enrolledAt), inPeriod(en.completedAt))))
		.orderBy(en.enrolledAt);
	if (enrolments.length === 0) return [];
	const userIds = enrolments.map((e) => e.userId);
	const [attempts, evaluations, certificates] = await Promise.all([
		db
			.select({ userId: table.attempts.userId, percent: table.attempts.percent })
			.from(table.attempts)
			.innerJoin(table.quizzes, eq(table.quizzes.id, table.attempts.quizId))
			.where(and(eq(table.quizzes.courseId, courseId), eq(table.quizzes.kind, 'final'), eq(table.attempts.status, 'submitted'), inArray(table.attempts.userId, userIds))),
		db
			.select({ userId: table.courseEvaluations.userId })
			.from(table.courseEvaluations)
			.where(and(eq(table.courseEvaluations.courseId, courseId), inArray(table.courseEvaluations.userId, userIds))),
		db
			.select({ userId: table.courseCertificates.userId, code: table.courseCertificates.code, quarterHours: table.courseCertificates.ceQuarterHours })
			.from(table.courseCertificates)
			.where(and(eq(table.courseCertificates.courseId, courseId), isNull(table.courseCertificates.revokedAt), inArray(table.courseCertificates.userId, userIds)))
	]);
	const rows: RosterRow[] = [];
	for (const e of enrolments) {
		const scores = attempts.filter((a) => a.userId === e.userId && a.percent !== null).map((a) => a.percent!);
		const certificate = certificates.find((c) => c.userId === e.userId);
		const licences = (await listLicences(e.userId)).map((l) => `${findJurisdiction(l.jurisdiction)?.name ?? l.jurisdiction} ${l.number}`).join('; ');
		rows.push([
			e.name,
			e.email,
			licences,
			day(e.enrolledAt),
			day(e.completedAt),
			scores.length ? Math.round(Math.max(...scores) * 10) / 10 : null,
			evaluations.some((v) => v.userId === e.userId) ? 'yes' : 'no',
			certificate?.code ?? '',
			certificate ? certificate.quarterHours / 4 : null
		]);
	}
	return rows;
}
