import { formatCe } from '$lib/content/ce';
import { certificateStatus } from '$lib/certification/track-rules';
import { forecast } from '$lib/review/schedule';
import { catalog } from '../content/catalog';
import { standingFrom } from '../certification/issue';
import { toTrackProgress } from '../certification/progress';
import { hiddenAmong, pickVisible, startOfUtcDay } from '../review/queue';
import { DEFAULT_DAILY_NEW_LIMIT } from '../review/settings';
import { dayOf } from './activity';
import { assembleCoursesProgress, nextStep } from './course-progress';
import { readDashboardRows, type DashboardRows } from './dashboard-read';

const WEEKS = 8;
const FORECAST_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Everything the student dashboard shows, from one statement of indexed per-student reads (dashboard-read.ts),
 * computed with the same rules as the course, track, review and ledger pages. Only what the page shows is returned:
 * it is all serialized into the page for hydration.
 */
export async function getDashboard(userId: number, now = new Date()) {
	const activityStart = new Date(now.getTime() - (WEEKS * 7 - 1) * DAY_MS);
	const today = startOfUtcDay(now);
	const rows = await readDashboardRows(userId, now, today, FORECAST_DAYS, dayOf(activityStart));
	const progressOf = assembleCoursesProgress(
		rows.courses.map((c) => c.id),
		{ enrollments: rows.enrollments, lessons: lessonsWithProgress(rows), quizzes: rows.quizzes, attempts: submittedInOrder(rows) }
	);
	const enrolled = rows.courses
		.filter((c) => c.active && rows.enrollments.some((e) => e.courseId === c.id))
		.sort((a, b) => a.position - b.position);
	const courses = enrolled.map((course) => {
		const progress = progressOf.get(course.id)!;
		return {
			slug: course.slug,
			title: course.title,
			completedAt: progress.completedAt,
			done: progress.lessons.filter((l) => l.completedAt).length,
			total: progress.lessons.length,
			finalExam: progress.finalExam && { best: progress.finalExam.best, passed: progress.finalExam.passed },
			next: nextStep(progress)
		};
	});
	const ceQuarterHours = enrolled.filter((c) => progressOf.get(c.id)!.completedAt).reduce((sum, c) => sum + c.ceQuarterHours, 0);
	const hundredths = (source: string) => rows.credits.filter((c) => c.source === source).reduce((sum, c) => sum + c.hundredths, 0);
	const ledger = { course: hundredths('course') / 100, selfReported: hundredths('self-reported') / 100 };
	const courseCredits = rows.credits.filter((c) => c.source === 'course');
	const tracks = catalog.tracks.map((track) =>
		toTrackProgress(standingFrom(track, rows.courses.filter((c) => track.requiredCourses.includes(c.slug)), progressOf, courseCredits))
	);
	return {
		dashboard: {
			courses,
			recent: [...rows.recent].sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0)),
			ce: { quarterHours: ceQuarterHours, label: formatCe(ceQuarterHours) },
			activity: weeklyActivity(rows.activity, activityStart),
			certificates: rows.certificates
				.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || b.id - a.id)
				.map((c) => ({ id: c.id, code: c.code, status: certificateStatus(c, now), trackTitle: c.trackTitle, expiresAt: c.expiresAt })),
			ledger: { total: (hundredths('course') + hundredths('self-reported')) / 100, ...ledger },
			review: reviewSummary(rows, now)
		},
		tracks
	};
}

function lessonsWithProgress(rows: DashboardRows) {
	const progress = new Map(rows.progress.map((p) => [p.lessonId, p]));
	return rows.lessons.map((l) => {
		const p = progress.get(l.id);
		return {
			id: l.id,
			courseId: l.courseId,
			slug: l.slug,
			title: l.title,
			startedAt: p?.startedAt ?? null,
			completedAt: p?.completedAt ?? null,
			lastSeenAt: p?.lastSeenAt ?? null,
			lastSection: p?.lastSection ?? null,
			activeSeconds: p?.activeSeconds ?? null
		};
	});
}

function submittedInOrder(rows: DashboardRows) {
	return rows.attempts.filter((a) => a.status === 'submitted').sort((a, b) => a.number - b.number);
}

/** Due now (as the review page counts it), the forecast and the share recalled in the last 30 days. */
function reviewSummary(rows: DashboardRows, now: Date) {
	const hidden = hiddenAmong(
		rows.dueGroups.flatMap((g) => (g.policy ? [g.policy] : [])),
		rows.attempts
	);
	// The order of the candidates decides which new cards fit today's allowance, not how many do.
	const candidates = rows.dueGroups.flatMap((g) => Array.from({ length: g.count }, () => ({ quizId: g.quizId, introducedAt: g.fresh ? null : now })));
	const newAllowed = Math.max(0, (rows.dailyNewLimit ?? DEFAULT_DAILY_NEW_LIMIT) - rows.introducedToday);
	const days = forecast([], now, FORECAST_DAYS);
	for (const { day, count } of rows.upcoming) if (day < FORECAST_DAYS) days[Math.max(0, day)].count += count;
	return {
		dueNow: pickVisible(candidates, hidden, newAllowed).length,
		totalCards: rows.totalCards,
		forecast: days,
		// As retention(): the share of reviews not rated 'again', null without reviews.
		retention: rows.reviews.count === 0 ? null : rows.reviews.recalled / rows.reviews.count,
		reviewsLast30Days: rows.reviews.count
	};
}

/** Reading minutes and learning events per week for the last eight weeks, oldest first. */
function weeklyActivity(days: DashboardRows['activity'], start: Date) {
	return Array.from({ length: WEEKS }, (_, w) => {
		const from = dayOf(new Date(start.getTime() + w * 7 * DAY_MS));
		const to = dayOf(new Date(start.getTime() + (w * 7 + 6) * DAY_MS));
		const inWeek = days.filter((d) => d.day >= from && d.day <= to);
		return {
			from,
			minutes: Math.round(inWeek.reduce((s, d) => s + d.seconds, 0) / 60),
			events: inWeek.reduce((s, d) => s + d.events, 0)
		};
	});
}
