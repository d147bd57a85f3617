import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

// The dashboard reads everything in one statement and computes its figures itself (dashboard-read.ts); the course,
// track, review and ledger pages read theirs separately. A student who sees "3 due now" on the dashboard must find
// 3 cards on the review page, and the same standing on a track's page: this checks both ways agree.
const dir = mkdtempSync(join(tmpdir(), 'touchstone-dashboard-'));
const database = await createTestDatabase(dir);
process.env.DATABASE_URL = database.url;

const { migrateDatabase } = await import('$lib/server/db/migrate');
const { db, table } = await import('$lib/server/db');
const { syncContent } = await import('$lib/server/content/sync');
const { catalog } = await import('$lib/server/content/catalog');
const { importCourseQuizzes } = await import('$lib/server/quiz/import');
const { createUser } = await import('$lib/server/auth/user');
const { startAttempt } = await import('$lib/server/quiz/attempts');
const { submitAttempt } = await import('$lib/server/quiz/attempt-commands');
const { enrollInCourse } = await import('$lib/server/progress/enroll');
const { recordHeartbeat, findLessonIds } = await import('$lib/server/progress/lessons');
const { getCourseProgress, nextStep } = await import('$lib/server/progress/course-progress');
const { getDashboard } = await import('$lib/server/progress/dashboard');
const { countDueCards } = await import('$lib/server/review/queue');
const { evaluateTrackFor } = await import('$lib/server/certification/issue');
const { addSelfReportedEntry, listLedger } = await import('$lib/server/certification/ledger');
const { eq } = await import('drizzle-orm');

beforeAll(async () => {
	await migrateDatabase();
	await syncContent();
	await importCourseQuizzes();
}, 60_000);
afterAll(async () => {
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

const quizOf = async (sourceKey: string) => (await db.select().from(table.quizzes).where(eq(table.quizzes.sourceKey, sourceKey)))[0];

describe('the dashboard', () => {
	it('shows the same courses, tracks, review count and ledger as the pages that read them separately', async () => {
		const student = (await createUser({ email: 'summary@example.org', name: 'Summary Student', password: 'quiet-harbour-lantern-47' }))!;
		const ids = (await findLessonIds('science-of-massage', 'weighing-the-evidence'))!;
		await enrollInCourse(student.id, ids.courseId);
		await recordHeartbeat(student.id, ids, 'why-evidence');
		// A submitted check with wrong answers makes review cards; an open attempt at the final hides its cards.
		const check = await quizOf('science-of-massage/weighing-the-evidence/quiz');
		const first = await startAttempt(check, student.id);
		await submitAttempt(first, student.id, { q0: 'x' });
		const second = await startAttempt(check, student.id);
		await submitAttempt(second, student.id, {});
		await startAttempt(await quizOf('science-of-massage/final'), student.id);
		await addSelfReportedEntry(student.id, { provider: 'Elsewhere', title: 'Workshop', earnedOn: '2026-11-02', hours: 2.5, category: 'science', selfStudy: false });

		const later = new Date(Date.now() + 2 * 86_400_000);
		const { dashboard, tracks } = await getDashboard(student.id, later);

		const progress = await getCourseProgress(student.id, ids.courseId);
		expect(dashboard.courses).toHaveLength(1);
		expect(dashboard.courses[0]).toMatchObject({
			done: progress.lessons.filter((l) => l.completedAt).length,
			total: progress.lessons.length,
			next: nextStep(progress)
		});
		expect(dashboard.courses[0].next).toMatchObject({ kind: 'lesson', started: true });

		for (const track of catalog.tracks) {
			const { evaluation } = await evaluateTrackFor(student.id, track);
			const shown = tracks.find((t) => t.slug === track.id)!;
			expect(shown.met).toBe(evaluation.met);
			expect(shown.requirements).toEqual(evaluation.requirements.map((r) => ({ label: r.label, met: r.status === 'met', detail: r.detail })));
		}

		// The check is not passed and its policy shows answers only after a pass: its cards stay hidden.
		expect(dashboard.review.totalCards).toBeGreaterThan(0);
		expect(dashboard.review.dueNow).toBe(0);
		expect(await countDueCards(student.id, later)).toBe(0);
		// An instructor relaxes the policy while the server runs: the cards show at once, as many as on the review page.
		await db.update(table.quizzes).set({ reviewAnswers: 'after-submit' }).where(eq(table.quizzes.id, check.id));
		const relaxed = (await getDashboard(student.id, later)).dashboard.review.dueNow;
		expect(relaxed).toBeGreaterThan(0);
		expect(relaxed).toBe(await countDueCards(student.id, later));
		expect(dashboard.review.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(dashboard.review.totalCards);

		expect(dashboard.recent.map((a) => a.quizTitle)).toEqual([check.title, check.title]);
		const hours = (await listLedger(student.id)).reduce((sum, e) => sum + e.hours, 0);
		expect(dashboard.ledger).toMatchObject({ total: hours, selfReported: 2.5 });
	});
});
