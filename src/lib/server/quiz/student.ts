import { and, asc, eq } from 'drizzle-orm';
import { aggregateGrade, attemptsLeft } from '$lib/quiz/policy';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';

/** The student's standing on a quiz: their attempts, grade under the quiz's method, and what remains. */
export async function getQuizStanding(quiz: Quiz, userId: number) {
	const attempts = await db
		.select({
			id: table.attempts.id,
			number: table.attempts.number,
			status: table.attempts.status,
			startedAt: table.attempts.startedAt,
			submittedAt: table.attempts.submittedAt,
			percent: table.attempts.percent,
			passed: table.attempts.passed,
			expired: table.attempts.expired,
			deadlineAt: table.attempts.deadlineAt
		})
		.from(table.attempts)
		.where(and(eq(table.attempts.quizId, quiz.id), eq(table.attempts.userId, userId)))
		.orderBy(asc(table.attempts.number));
	const submitted = attempts.filter((a) => a.status === 'submitted');
	const grade = aggregateGrade(quiz.gradingMethod, submitted.map((a) => a.percent ?? 0));
	return {
		attempts,
		open: attempts.find((a) => a.status === 'open') ?? null,
		grade,
		passed: grade !== null && grade >= quiz.passingPercent,
		passedAny: submitted.some((a) => a.passed),
		left: attemptsLeft(quiz.maxAttempts, attempts.length)
	};
}
