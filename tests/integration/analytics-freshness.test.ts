import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

// Quiz analytics reuse their figures until a submitted attempt of the quiz is added, changed or removed. Checking
// that must not read the quiz's attempts (at 100,000 students counting them was most of a cached view's cost), yet
// the figures must never be stale, whichever way the attempts change.
const dir = mkdtempSync(join(tmpdir(), 'touchstone-analytics-fresh-'));
const database = await createTestDatabase(dir);
process.env.DATABASE_URL = database.url;

const { migrateDatabase } = await import('$lib/server/db/migrate');
const { db, table } = await import('$lib/server/db');
const { queryObservers } = await import('$lib/server/db/client');
const { syncContent } = await import('$lib/server/content/sync');
const { importCourseQuizzes } = await import('$lib/server/quiz/import');
const { createUser } = await import('$lib/server/auth/user');
const { startAttempt } = await import('$lib/server/quiz/attempts');
const { submitAttempt } = await import('$lib/server/quiz/attempt-commands');
const { getQuizAnalytics } = await import('$lib/server/analytics/quiz-analytics');
const { eq } = await import('drizzle-orm');

const captured: string[] = [];
beforeAll(async () => {
	await migrateDatabase();
	await syncContent();
	await importCourseQuizzes();
	queryObservers.add((sql) => captured.push(sql));
}, 60_000);
afterAll(async () => {
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

async function studentSubmits(n: number) {
	const student = (await createUser({ email: `fresh${n}@example.org`, name: `Fresh Student ${n}`, password: 'quiet-harbour-lantern-47' }))!;
	const [quiz] = await db.select().from(table.quizzes).where(eq(table.quizzes.sourceKey, 'science-of-massage/weighing-the-evidence/quiz'));
	await submitAttempt(await startAttempt(quiz, student.id), student.id, null);
	return { student, quiz };
}

describe('quiz analytics freshness', () => {
	it('reuses figures without reading attempts, and recomputes after a submission or a removed attempt', async () => {
		const { quiz } = await studentSubmits(1);
		const { student } = await studentSubmits(2);
		expect((await getQuizAnalytics(quiz)).students).toBe(2);

		captured.length = 0;
		expect((await getQuizAnalytics(quiz)).students).toBe(2);
		expect(captured.filter((sql) => /\bfrom\s+"?attempts"?/i.test(sql))).toEqual([]);

		await studentSubmits(3);
		expect((await getQuizAnalytics(quiz)).students).toBe(3);

		// An operator removing a student's attempts (no page does): the figures drop them at once.
		await db.delete(table.attempts).where(eq(table.attempts.userId, student.id));
		expect((await getQuizAnalytics(quiz)).students).toBe(2);
	});
});
