import type { GradingMethod, ReviewMoment } from '$lib/quiz/policy';
import { readRow } from '../db/read-row';
import { contentSyncCount } from '../content/sync';

// Everything the dashboard needs, read in one statement: each column is one subquery returning a JSON array, so
// SQLite does the per-student index searches and the page pays for one statement instead of about forty drizzle
// queries. Course and lesson rows change only when this process syncs the content, so they are read once per
// sync; quizzes are read every time (their settings change while the server runs, in any server process).

const DAY_MS = 86_400_000;
const REVIEW_CANDIDATES = 200; // as countDueCards: the review page shows at most this many cards at once

const CONTENT_SQL = `SELECT
 (SELECT json_group_array(json_array(id, slug, title, ce_quarter_hours, position, active)) FROM courses) AS courses,
 (SELECT json_group_array(json_array(id, course_id, slug, title, position)) FROM lessons WHERE active = 1) AS lessons`;

const DASHBOARD_SQL = `SELECT
 (SELECT json_group_array(json_array(id, course_id, kind, lesson_id, title, passing_percent, grading_method))
   FROM quizzes WHERE status = 'published' AND deleted_at IS NULL) AS quizzes,
 (SELECT json_group_array(json_array(course_id, enrolled_at, completed_at)) FROM enrollments WHERE user_id = ?1) AS enrollments,
 (SELECT json_group_array(json_array(lesson_id, started_at, completed_at, last_seen_at, last_section, active_seconds))
   FROM lesson_progress WHERE user_id = ?1) AS progress,
 (SELECT json_group_array(json_array(quiz_id, number, status, percent, passed)) FROM attempts WHERE user_id = ?1) AS attempts,
 (SELECT json_group_array(json_array(id, title, percent, passed, submitted_at)) FROM (
   SELECT a.id, q.title, a.percent, a.passed, a.submitted_at FROM attempts a JOIN quizzes q ON q.id = a.quiz_id
   WHERE a.user_id = ?1 AND a.status = 'submitted' ORDER BY a.submitted_at DESC LIMIT 5)) AS recent,
 (SELECT json_group_array(json_array(g.quiz_id, g.fresh, g.n, q.max_attempts, q.review_correctness, q.review_feedback, q.review_answers))
   FROM (SELECT quiz_id, introduced_at IS NULL AS fresh, count(*) AS n FROM (
     SELECT quiz_id, introduced_at FROM review_cards WHERE user_id = ?1 AND due <= ?2 ORDER BY due LIMIT ${REVIEW_CANDIDATES})
   GROUP BY quiz_id, fresh) g LEFT JOIN quizzes q ON q.id = g.quiz_id) AS due,
 (SELECT daily_new_limit FROM review_settings WHERE user_id = ?1) AS daily_new_limit,
 (SELECT count(*) FROM review_cards WHERE user_id = ?1 AND introduced_at >= ?3) AS introduced_today,
 (SELECT count(*) FROM review_cards WHERE user_id = ?1) AS total_cards,
 (SELECT json_group_array(json_array(day, n)) FROM (
   SELECT CAST((due - ?3) / ${DAY_MS} AS INTEGER) AS day, count(*) AS n FROM review_cards WHERE user_id = ?1 AND due < ?4 GROUP BY day)) AS upcoming,
 (SELECT json_array(count(*), total(rating <> 'again')) FROM review_logs WHERE user_id = ?1 AND reviewed_at >= ?5) AS reviews,
 (SELECT json_group_array(json_array(id, code, track_title, issued_at, expires_at, revoked_at)) FROM certificates WHERE user_id = ?1) AS certificates,
 (SELECT json_group_array(json_array(source, course_id, hundredths)) FROM ce_entries WHERE user_id = ?1 AND deleted_at IS NULL) AS credits,
 (SELECT json_group_array(json_array(day, seconds, events)) FROM activity_days WHERE user_id = ?1 AND day >= ?6) AS activity`;

type Json = string | number | null;
const parsed = (value: unknown): Json[][] => JSON.parse(String(value ?? '[]'));
const date = (ms: Json) => (ms === null ? null : new Date(Number(ms)));

/**
 * The student's dashboard rows. `today` is the start of the current UTC day, `reviewHorizon` the end of the review
 * forecast, `activityFrom` the first day (YYYY-MM-DD) of the activity chart.
 */
export async function readDashboardRows(userId: number, now: Date, today: Date, forecastDays: number, activityFrom: string) {
	const t = now.getTime();
	const { courses, lessons } = await readContent();
	const row = (await readRow(DASHBOARD_SQL, [userId, t, today.getTime(), today.getTime() + forecastDays * DAY_MS, t - 30 * DAY_MS, activityFrom]))!;
	const [reviewCount, recalled] = JSON.parse(String(row.reviews)) as [number, number];
	return {
		courses,
		lessons,
		quizzes: parsed(row.quizzes).map(([id, courseId, kind, lessonId, title, passingPercent, gradingMethod]) => ({
			id: id as number,
			courseId: courseId as number,
			kind: kind as string,
			lessonId: lessonId as number | null,
			title: title as string,
			passingPercent: passingPercent as number,
			gradingMethod: gradingMethod as GradingMethod
		})),
		enrollments: parsed(row.enrollments).map(([courseId, enrolledAt, completedAt]) => ({
			courseId: courseId as number,
			enrolledAt: date(enrolledAt)!,
			completedAt: date(completedAt)
		})),
		progress: parsed(row.progress).map(([lessonId, startedAt, completedAt, lastSeenAt, lastSection, activeSeconds]) => ({
			lessonId: lessonId as number,
			startedAt: date(startedAt),
			completedAt: date(completedAt),
			lastSeenAt: date(lastSeenAt),
			lastSection: lastSection as string | null,
			activeSeconds: activeSeconds as number
		})),
		attempts: parsed(row.attempts).map(([quizId, number, status, percent, passed]) => ({
			quizId: quizId as number,
			number: number as number,
			status: status as string,
			percent: percent as number | null,
			passed: passed === null ? null : passed === 1
		})),
		recent: parsed(row.recent).map(([id, quizTitle, percent, passed, submittedAt]) => ({
			id: id as number,
			quizTitle: quizTitle as string,
			percent: percent as number | null,
			passed: passed === null ? null : passed === 1,
			submittedAt: date(submittedAt)
		})),
		dueGroups: parsed(row.due).map(([quizId, fresh, n, maxAttempts, reviewCorrectness, reviewFeedback, reviewAnswers]) => ({
			quizId: quizId as number | null,
			fresh: fresh === 1,
			count: n as number,
			/** The quiz's review policy; null when the card has no quiz or the quiz is gone. */
			policy:
				reviewCorrectness === null
					? null
					: {
							id: quizId as number,
							maxAttempts: maxAttempts as number | null,
							reviewCorrectness: reviewCorrectness as ReviewMoment,
							reviewFeedback: reviewFeedback as ReviewMoment,
							reviewAnswers: reviewAnswers as ReviewMoment
						}
		})),
		dailyNewLimit: row.daily_new_limit === null ? null : Number(row.daily_new_limit),
		introducedToday: Number(row.introduced_today),
		totalCards: Number(row.total_cards),
		/** Cards due before the forecast's end, by day from today (negative: overdue). */
		upcoming: parsed(row.upcoming).map(([day, n]) => ({ day: day as number, count: n as number })),
		reviews: { count: reviewCount, recalled },
		certificates: parsed(row.certificates).map(([id, code, trackTitle, issuedAt, expiresAt, revokedAt]) => ({
			id: id as number,
			code: code as string,
			trackTitle: trackTitle as string,
			issuedAt: date(issuedAt)!,
			expiresAt: date(expiresAt),
			revokedAt: date(revokedAt)
		})),
		credits: parsed(row.credits).map(([source, courseId, hundredths]) => ({
			source: source as string,
			courseId: courseId as number | null,
			hundredths: hundredths as number
		})),
		activity: parsed(row.activity).map(([day, seconds, events]) => ({ day: day as string, seconds: seconds as number, events: events as number }))
	};
}

let content: { syncs: number; rows: Promise<ContentRows> } | undefined;

/** Every course, and the active lessons in position order: once per content sync of this process. */
function readContent(): Promise<ContentRows> {
	if (content?.syncs !== contentSyncCount()) {
		const rows = readRow(CONTENT_SQL, []).then((row) => ({
			courses: parsed(row?.courses).map(([id, slug, title, ceQuarterHours, position, active]) => ({
				id: id as number,
				slug: slug as string,
				title: title as string,
				ceQuarterHours: ceQuarterHours as number,
				position: position as number,
				active: active === 1
			})),
			lessons: parsed(row?.lessons)
				.map(([id, courseId, slug, title, position]) => ({
					id: id as number,
					courseId: courseId as number,
					slug: slug as string,
					title: title as string,
					position: position as number
				}))
				.sort((a, b) => a.position - b.position)
		}));
		content = { syncs: contentSyncCount(), rows };
		// A failed read is not kept.
		rows.catch(() => (content = undefined));
	}
	return content!.rows;
}

interface ContentRows {
	courses: { id: number; slug: string; title: string; ceQuarterHours: number; position: number; active: boolean }[];
	lessons: { id: number; courseId: number; slug: string; title: string; position: number }[];
}

export type DashboardRows = Awaited<ReturnType<typeof readDashboardRows>>;
