// The reporting queue: every course completion whose learner holds a licence in a jurisdiction whose rule
// requires the provider to report it (Georgia only with the learner's consent), with its due date and status.

import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { findJurisdiction } from '$lib/compliance/jurisdictions';
import { isReportable } from '$lib/compliance/licence-rules';
import { reportDueDate, reportStatus, type ReportStatus } from '$lib/compliance/reporting-rules';
import { db, table } from '../db';
import { certifyingApproval, courseApprovals } from '../approvals';

/** The title the state knows the course by: its own approval's, else the NCBTMB approval certificates use. */
function approvedTitle(slug: string, jurisdiction: string, on: Date): string | null {
	return courseApprovals(slug).find((a) => a.body === jurisdiction)?.approvedTitle ?? certifyingApproval(slug, on)?.approvedTitle ?? null;
}

export interface QueueRow {
	key: string;
	userId: number;
	courseId: number;
	licenceId: number;
	learner: string;
	courseSlug: string;
	courseTitle: string;
	jurisdiction: string;
	licenceNumber: string;
	profession: string;
	completedAt: Date;
	dueDate: Date;
	status: ReportStatus;
	batch: string | null;
}

export interface QueueFilter {
	status?: ReportStatus;
	jurisdiction?: string;
	course?: string;
}

export const rowKey = (r: { userId: number; courseId: number; licenceId: number }) => `${r.userId}-${r.courseId}-${r.licenceId}`;

export async function reportingQueue(filter: QueueFilter = {}, now = new Date()): Promise<QueueRow[]> {
	const rows = await db
		.select({
			userId: table.enrollments.userId,
			courseId: table.enrollments.courseId,
			completedAt: table.enrollments.completedAt,
			learner: table.users.name,
			courseSlug: table.courses.slug,
			courseTitle: table.courses.title,
			licenceId: table.licences.id,
			jurisdiction: table.licences.jurisdiction,
			version: table.licenceVersions.version,
			number: table.licenceVersions.number,
			profession: table.licenceVersions.profession,
			consent: table.licenceVersions.reportConsent,
			batch: table.completionReports.batch,
			reportedAt: table.completionReports.reportedAt
		})
		.from(table.enrollments)
		.innerJoin(table.users, eq(table.users.id, table.enrollments.userId))
		.innerJoin(table.courses, eq(table.courses.id, table.enrollments.courseId))
		.innerJoin(table.licences, and(eq(table.licences.userId, table.enrollments.userId), isNull(table.licences.removedAt)))
		.innerJoin(table.licenceVersions, eq(table.licenceVersions.licenceId, table.licences.id))
		.leftJoin(
			table.completionReports,
			and(
				eq(table.completionReports.userId, table.enrollments.userId),
				eq(table.completionReports.courseId, table.enrollments.courseId),
				eq(table.completionReports.licenceId, table.licences.id)
			)
		)
		.where(isNotNull(table.enrollments.completedAt));
	// Latest version of each licence: the number and consent as the learner last gave them.
	const latest = new Map<string, (typeof rows)[number]>();
	for (const r of rows) {
		const k = rowKey(r);
		if ((latest.get(k)?.version ?? 0) < r.version) latest.set(k, r);
	}
	const queue: QueueRow[] = [];
	for (const r of latest.values()) {
		const jurisdiction = findJurisdiction(r.jurisdiction);
		if (!jurisdiction?.reporting || !isReportable(jurisdiction, r.consent)) continue;
		const dueDate = reportDueDate(r.completedAt!, jurisdiction.reporting);
		const row: QueueRow = {
			key: rowKey(r),
			userId: r.userId,
			courseId: r.courseId,
			licenceId: r.licenceId,
			learner: r.learner,
			courseSlug: r.courseSlug,
			courseTitle: approvedTitle(r.courseSlug, r.jurisdiction, r.completedAt!) ?? r.courseTitle,
			jurisdiction: r.jurisdiction,
			licenceNumber: r.number,
			profession: r.profession,
			completedAt: r.completedAt!,
			dueDate,
			status: reportStatus(dueDate, r.reportedAt, now),
			batch: r.batch
		};
		if (filter.status && row.status !== filter.status) continue;
		if (filter.jurisdiction && row.jurisdiction !== filter.jurisdiction) continue;
		if (filter.course && row.courseSlug !== filter.course) continue;
		queue.push(row);
	}
	return queue.sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.key.localeCompare(b.key));
}
