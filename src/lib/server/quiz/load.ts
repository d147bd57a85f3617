import { and, asc, eq, getTableColumns, isNull } from 'drizzle-orm';
import { stripAnswers, type PublicQuestion } from '$lib/quiz/answer-key';
import { maskQuestionIds } from '$lib/quiz/mask';
import type { Question } from '$lib/quiz/types';
import { db, table } from '../db';
import type { Attempt, AttemptQuestion, Quiz } from '../db/schema';

/** A published, not deleted quiz, or null. Drafts are invisible to students. */
export async function findPublishedQuiz(quizId: number): Promise<Quiz | null> {
	const [quiz] = await db
		.select()
		.from(table.quizzes)
		.where(and(eq(table.quizzes.id, quizId), eq(table.quizzes.status, 'published'), isNull(table.quizzes.deletedAt)));
	return quiz ?? null;
}

/**
 * The attempt with its quiz and frozen questions (each row with its question version's snapshot), only when it
 * belongs to userId (otherwise null: a 404).
 */
export async function loadOwnAttempt(attemptId: number, userId: number, conn: Pick<typeof db, 'select'> = db) {
	const [row] = await conn
		.select({ attempt: table.attempts, quiz: table.quizzes })
		.from(table.attempts)
		.innerJoin(table.quizzes, eq(table.quizzes.id, table.attempts.quizId))
		.where(and(eq(table.attempts.id, attemptId), eq(table.attempts.userId, userId)));
	if (!row) return null;
	const questions = await conn
		.select({ ...getTableColumns(table.attemptQuestions), snapshot: table.questionVersions.snapshot })
		.from(table.attemptQuestions)
		.innerJoin(table.questionVersions, eq(table.questionVersions.id, table.attemptQuestions.versionId))
		.where(eq(table.attemptQuestions.attemptId, attemptId))
		.orderBy(asc(table.attemptQuestions.position));
	return { ...row, questions };
}

export type LoadedAttempt = NonNullable<Awaited<ReturnType<typeof loadOwnAttempt>>>;

/** The question as this attempt asks it: ids masked with the attempt's seed. Used for display, parsing and grading. */
export function askedQuestion(attempt: Pick<Attempt, 'seed'>, row: Pick<AttemptQuestion, 'position'> & { snapshot: Question }): Question {
	return maskQuestionIds(row.snapshot, `${attempt.seed}:${row.position}`);
}

/** What the browser may receive while the attempt is open: no answers, weights, feedback or explanations. */
export function publicQuestions(loaded: Pick<LoadedAttempt, 'attempt' | 'quiz' | 'questions'>): PublicQuestion[] {
	return loaded.questions.map((row) =>
		stripAnswers(askedQuestion(loaded.attempt, row), `${loaded.attempt.seed}:${row.position}`, {
			shuffleChoices: loaded.quiz.shuffleOptions
		})
	);
}
