// The audit pack for a course and period: one ZIP with the roster (CSV), every certificate issued in the period
// (PDF), the evaluation summary (CSV) and the course's approval record (JSON), as an auditor asks for them.
// fflate builds it in memory: a course's certificates for a period are a few MB at most.

import { and, eq, gte, lt } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toCsv } from '$lib/analytics/csv';
import { evaluationSummaryRows } from '$lib/compliance/evaluation-summary';
import { db, table } from '../db';
import { courseApprovals } from '../approvals';
import { renderCourseCertificate } from '../course-certificates/documents';
import { courseEvaluationSummary, periodBounds, type Period } from '../evaluation/summary';
import { courseRoster, ROSTER_HEADER } from './roster';

export async function rosterCsv(courseId: number, period: Period): Promise<string> {
	return '\uFEFF' + toCsv([[...ROSTER_HEADER], ...(await courseRoster(courseId, period))]);
}

export async function buildAuditPack(course: { id: number; slug: string; title: string }, period: Period, now = new Date()): Promise<Uint8Array> {
	const { start, end } = periodBounds(period);
	const certificates = await db
		.select()
		.from(table.courseCertificates)
		.where(and(eq(table.courseCertificates.courseId, course.id), gte(table.courseCertificates.issuedAt, start), lt(table.courseCertificates.issuedAt, end)));
	const files: Zippable = {
		'roster.csv': strToU8(await rosterCsv(course.id, period)),
		'evaluation-summary.csv': strToU8(
			'\uFEFF' + toCsv(evaluationSummaryRows(course.title, `${period.from} to ${period.to}`, await courseEvaluationSummary(course.id, period)))
		),
		'approval.json': strToU8(
			JSON.stringify({ course: course.slug, generatedAt: now.toISOString(), period, approvals: courseApprovals(course.slug) }, null, 2) + '\n'
		)
	};
	const pdfs: Zippable = {};
	for (const c of certificates) pdfs[`${c.code}${c.revokedAt ? '-revoked' : ''}.pdf`] = await renderCourseCertificate(c);
	files['certificates'] = pdfs;
	return zipSync(files, { level: 6, mtime: now });
}
