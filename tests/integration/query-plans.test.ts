import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '$lib/quiz/types';
import { createTestDatabase } from '../helpers/database';

// Runs the real hot paths in process, records every query drizzle sends, and asks SQLite how it would run each
// one: reads of the big per-student tables must search an index, never scan the table.
const dir = mkdtempSync(join(tmpdir(), 'touchstone-plans-'));
const database = await createTestDatabase(dir);
process.env.DATABASE_URL = database.url;

const { migrateDatabase } = await import('$lib/server/db/migrate');
const { db, client, table } = await import('$lib/server/db');
const { queryObservers } = await import('$lib/server/db/client');
const { syncContent } = await import('$lib/server/content/sync');
const { importCourseQuizzes } = await import('$lib/server/quiz/import');
const { createUser } = await import('$lib/server/auth/user');
const { createSession, validateSessionToken, generateSessionToken } = await import('$lib/server/auth/session');
const { startAttempt } = await import('$lib/server/quiz/attempts');
const { saveAttempt, submitAttempt } = await import('$lib/server/quiz/attempt-commands');
const { loadOwnAttempt } = await import('$lib/server/quiz/load');
const { getDashboard } = await import('$lib/server/progress/dashboard');
const { readLessonState, recordHeartbeat, findLessonCheck, findLessonIds } = await import('$lib/server/progress/lessons');
const { dueCards } = await import('$lib/server/review/queue');
const { findOwnCard, rateReviewCard } = await import('$lib/server/review/review');
const { answerKnowledgeCheck } = await import('$lib/server/progress/lesson-commands');
const { buildAttemptReview } = await import('$lib/server/quiz/review');
const { mostForgotten } = await import('$lib/server/review/stats');
const { getQuizAnalytics } = await import('$lib/server/analytics/quiz-analytics');
const { getClassView } = await import('$lib/server/analytics/class-view');
const { findCertificateByCode } = await import('$lib/server/certification/verify');
const { eq } = await import('drizzle-orm');

const HOT_TABLES = ['lesson_progress', 'attempts', 'attempt_questions', 'question_versions', 'review_cards', 'review_logs', 'enrollments', 'sessions', 'certificates', 'ce_entries', 'activity_days'];

let captured: { sql: string; params: unknown[] }[] = [];
beforeAll(async () => {
	await migrateDatabase();
	await syncContent();
	await importCourseQuizzes();
	queryObservers.add((sql, params) => captured.push({ sql, params }));
}, 60_000);
afterAll(async () => {
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

async function plansOf(queries: { sql: string; params: unknown[] }[]) {
	const problems: string[] = [];
	for (const q of queries) {
		if (!/^\s*(select|with)\b/i.test(q.sql)) continue;
		const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never });
		for (const row of plan.rows) {
			const detail = String(row.detail);
			const scanned = HOT_TABLES.find((t) => new RegExp(`^SCAN ${t}\\b`).test(detail));
			if (scanned) problems.push(`${detail}\n    in: ${q.sql.slice(0, 200)}`);
		}
	}
	return problems;
}

describe('query plans of the hot paths', () => {
	it('search indexes for sessions, lessons, quizzes, the dashboard, review, analytics, class view and verification', async () => {
		const student = (await createUser({ email: 'plans@example.org', name: 'Plan Student', password: 'quiet-harbour-lantern-47' }))!;
		const token = generateSessionToken();
		await createSession(token, student.id);
		const [quiz] = await db.select().from(table.quizzes).where(eq(table.quizzes.sourceKey, 'science-of-massage/weighing-the-evidence/quiz'));
		const [course] = await db.select().from(table.courses).where(eq(table.courses.id, quiz.courseId));

		captured = [];
		await validateSessionToken(token);
		const ids = (await findLessonIds('science-of-massage', 'weighing-the-evidence'))!;
		await recordHeartbeat(student.id, ids, null);
		await readLessonState(student.id, ids, await findLessonCheck(ids.lessonId));
		const attemptId = await startAttempt(quiz, student.id);
		await saveAttempt(attemptId, student.id, { q0: 'x' });
		await loadOwnAttempt(attemptId, student.id);
		await submitAttempt(attemptId, student.id, { q0: 'x' });
		await buildAttemptReview((await loadOwnAttempt(attemptId, student.id))!, student.id);
		// A second attempt reuses the question versions the first one stored.
		await submitAttempt(await startAttempt(quiz, student.id), student.id, null);
		const check: Question = { type: 'truefalse', text: 'Plan check?', points: 1, tags: [], answer: true };
		await answerKnowledgeCheck(student.id, { ids, checkId: 'plan', cardKey: 'plans#check', question: check }, 'false');
		await getDashboard(student.id);
		const { cards } = await dueCards(student.id, new Date(Date.now() + 86_400_000 * 365));
		await findOwnCard(student.id, cards[0].id);
		await rateReviewCard(student.id, cards[0].id, cards[0].reps, undefined, 'good');
		await mostForgotten(course.id);
		await getQuizAnalytics(quiz);
		await getClassView(course, { q: '', sort: 'name', dir: 'asc', page: 1 });
		await findCertificateByCode('TS-0000-0000-0000-0000-0000');

		expect(captured.length).toBeGreaterThan(30);
		expect(captured.some((q) => /question_versions/.test(q.sql))).toBe(true);
		expect(await plansOf(captured)).toEqual([]);
	});

	it('would catch a query that scans a hot table', async () => {
		const problems = await plansOf([{ sql: 'SELECT id FROM attempts WHERE percent > ?', params: [50] }]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^SCAN attempts/);
	});
});
