import { and, asc, eq, gte } from 'drizzle-orm';
import { formatCe } from '$lib/content/ce';
import { db, table } from '../db';
import { recentAttempts } from '../quiz/student';
import { getReviewSummary } from '../review/stats';
import { dayOf } from './activity';
import { getCoursesProgress, nextStep } from './course-progress';
import { listUserCertificates } from '../certification/certificates';
import { ledgerTotals } from '../certification/ledger';
import { verificationUrl } from '../certification/documents';

const WEEKS = 8;

/** Everything the student dashboard shows, from indexed per-student queries. */
export async function getDashboard(userId: number, now = new Date()) {
	const enrolled = await db
		.select({ id: table.courses.id, slug: table.courses.slug, title: table.courses.title, ceQuarterHours: table.courses.ceQuarterHours, completedAt: table.enrollments.completedAt })
		.from(table.enrollments)
		.innerJoin(table.courses, eq(table.courses.id, table.enrollments.courseId))
		.where(and(eq(table.enrollments.userId, userId), eq(table.courses.active, true)))
		.orderBy(asc(table.courses.position));
	const progressOf = await getCoursesProgress(userId, enrolled.map((c) => c.id));
	const courses = await Promise.all(
		enrolled.map(async (course) => {
			const progress = progressOf.get(course.id)!;
			return {
				slug: course.slug,
				title: course.title,
				completedAt: course.completedAt,
				done: progress.lessons.filter((l) => l.completedAt).length,
				total: progress.lessons.length,
				checks: progress.lessons.map((l) => ({ title: l.title, best: l.check?.best ?? null, passed: l.check?.passed ?? false })),
				finalExam: progress.finalExam && { best: progress.finalExam.best, passed: progress.finalExam.passed },
				next: nextStep(progress)
			};
		})
	);
	const ceQuarterHours = enrolled.filter((c) => c.completedAt).reduce((sum, c) => sum + c.ceQuarterHours, 0);
	return {
		courses,
		recent: await recentAttempts(userId),
		ce: { quarterHours: ceQuarterHours, label: formatCe(ceQuarterHours) },
		activity: await weeklyActivity(userId, now),
		certificates: (await listUserCertificates(userId, now)).map((c) => ({
			id: c.id,
			code: c.code,
			status: c.status,
			trackTitle: c.trackTitle,
			expiresAt: c.expiresAt,
			verifyUrl: verificationUrl(c.code)
		})),
		ledger: await ledgerTotals(userId),
		review: await getReviewSummary(userId, now)
	};
}

/** Reading minutes and learning events per week for the last eight weeks, oldest first. */
async function weeklyActivity(userId: number, now: Date) {
	const start = new Date(now.getTime() - (WEEKS * 7 - 1) * 86_400_000);
	const days = await db
		.select()
		.from(table.activityDays)
		.where(and(eq(table.activityDays.userId, userId), gte(table.activityDays.day, dayOf(start))));
	return Array.from({ length: WEEKS }, (_, w) => {
		const from = new Date(start.getTime() + w * 7 * 86_400_000);
		const to = new Date(from.getTime() + 6 * 86_400_000);
		const inWeek = days.filter((d) => d.day >= dayOf(from) && d.day <= dayOf(to));
		return {
			from: dayOf(from),
			minutes: Math.round(inWeek.reduce((s, d) => s + d.seconds, 0) / 60),
			events: inWeek.reduce((s, d) => s + d.events, 0)
		};
	});
}
