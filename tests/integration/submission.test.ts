import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

// A quiz submission in process: its grade and every consequence (completion, review cards, the activity chart)
// commit together, in one transaction, or not at all.
const dir = mkdtempSync(join(tmpdir(), 'touchstone-submission-'));
const database = await createTestDatabase(dir);
process.env.DATABASE_URL = database.url;

const { migrateDatabase } = await import('$lib/server/db/migrate');
const { db, client, table } = await import('$lib/server/db');
const { syncContent } = await import('$lib/server/content/sync');
const { importCourseQuizzes } = await import('$lib/server/quiz/import');
const { createUser } = await import('$lib/server/auth/user');
const { startAttempt } = await import('$lib/server/quiz/attempts');
const { submitAttempt } = await import('$lib/server/quiz/attempt-commands');
const { and, eq } = await import('drizzle-orm');

beforeAll(async () => {
	await migrateDatabase();
	await syncContent();
	await importCourseQuizzes();
}, 60_000);
afterAll(async () => {
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

let students = 0;
async function openAttempt() {
	const student = (await createUser({ email: `submitter${students++}@example.org`, name: 'Submitting Student', password: 'quiet-harbour-lantern-47' }))!;
	const [quiz] = await db.select().from(table.quizzes).where(eq(table.quizzes.sourceKey, 'science-of-massage/weighing-the-evidence/quiz'));
	return { userId: student.id, attemptId: await startAttempt(quiz, student.id) };
}

async function stateOf(userId: number, attemptId: number) {
	const [attempt] = await db.select({ status: table.attempts.status }).from(table.attempts).where(eq(table.attempts.id, attemptId));
	const graded = (await db.select({ fraction: table.attemptQuestions.fraction }).from(table.attemptQuestions).where(eq(table.attemptQuestions.attemptId, attemptId))).filter(
		(q) => q.fraction !== null
	).length;
	const cards = (await db.select({ id: table.reviewCards.id }).from(table.reviewCards).where(eq(table.reviewCards.userId, userId))).length;
	const [activity] = await db.select({ events: table.activityDays.events }).from(table.activityDays).where(and(eq(table.activityDays.userId, userId)));
	return { status: attempt.status, graded, cards, events: activity?.events ?? 0 };
}

describe.skipIf(!database.url.startsWith('file:'))('a quiz submission', () => {
	it('is graded together with its review cards and activity, or not at all', async () => {
		const { userId, attemptId } = await openAttempt();
		const questions = (await db.select().from(table.attemptQuestions).where(eq(table.attemptQuestions.attemptId, attemptId))).length;
		// The last consequence fails (as a full disk or a bug would): nothing of the submission may stay.
		await client.execute(`CREATE TRIGGER refuse_activity BEFORE INSERT ON activity_days WHEN NEW.user_id = ${userId} BEGIN SELECT RAISE(ABORT, 'activity refused'); END`);
		try {
			await expect(submitAttempt(attemptId, userId, { q0: 'x' })).rejects.toThrow();
		} finally {
			await client.execute('DROP TRIGGER refuse_activity');
		}
		expect(await stateOf(userId, attemptId)).toEqual({ status: 'open', graded: 0, cards: 0, events: 0 });

		// Submitting again works, and runs every consequence exactly once.
		expect(await submitAttempt(attemptId, userId, { q0: 'x' })).toEqual({ alreadySubmitted: false });
		expect(await submitAttempt(attemptId, userId, { q0: 'x' })).toEqual({ alreadySubmitted: true });
		expect(await stateOf(userId, attemptId)).toEqual({ status: 'submitted', graded: questions, cards: questions, events: 1 });
		// Each card holds the question version the attempt asked, scheduled from the answer (all missed here: due soon).
		const asked = await db.select().from(table.attemptQuestions).where(eq(table.attemptQuestions.attemptId, attemptId));
		const cards = await db.select().from(table.reviewCards).where(eq(table.reviewCards.userId, userId));
		for (const card of cards) {
			expect(card.versionId).toBe(asked.find((q) => q.questionId === card.questionId)?.versionId);
			expect(card.state).toBe('learning');
			expect(card.due.getTime() - Date.now()).toBeLessThan(86_400_000);
			expect(card.stability).toBeGreaterThan(0);
		}
	});

	it('is one transaction of a dozen statements', async () => {
		const { userId, attemptId } = await openAttempt();
		const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
		const proto = (fromClient('libsql') as { prototype: { prepare: (sql: string) => unknown } }).prototype;
		const prepare = proto.prepare;
		const ran: string[] = [];
		proto.prepare = function (sql: string) {
			ran.push(sql);
			return prepare.call(this, sql);
		};
		try {
			await submitAttempt(attemptId, userId, { q0: 'x' });
		} finally {
			proto.prepare = prepare;
		}
		expect(ran.filter((s) => /^\s*BEGIN/i.test(s))).toHaveLength(1);
		expect(ran.at(-1)).toMatch(/^COMMIT/);
		expect(ran.length).toBeLessThanOrEqual(12);
	});
});
