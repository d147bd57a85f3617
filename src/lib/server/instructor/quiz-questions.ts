// Which bank questions a quiz asks, in which order, and its draw rules. Changes here apply to attempts started
// afterwards; attempts already started keep the questions they froze (attempt_questions).
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';
import type { Tx } from '../db';
import { StudioError } from './errors';

/** Swaps the question with its neighbour above or below. Returns false when it is already at that end. */
export async function moveQuestion(quizId: number, questionId: number, direction: 'up' | 'down'): Promise<boolean> {
	return db.transaction(async (tx) => {
		const links = await tx
			.select({ questionId: table.quizQuestions.questionId, position: table.quizQuestions.position })
			.from(table.quizQuestions)
			.where(eq(table.quizQuestions.quizId, quizId))
			.orderBy(asc(table.quizQuestions.position), asc(table.quizQuestions.questionId));
		const index = links.findIndex((l) => l.questionId === questionId);
		if (index === -1) throw new StudioError('That question is not in this quiz.');
		const target = direction === 'up' ? index - 1 : index + 1;
		if (target < 0 || target >= links.length) return false;
		// Renumbered 0..n-1 with the two swapped, so positions stay distinct even if earlier writes left gaps.
		const order = links.map((l) => l.questionId);
		[order[index], order[target]] = [order[target], order[index]];
		for (const [position, id] of order.entries()) {
			await tx
				.update(table.quizQuestions)
				.set({ position })
				.where(and(eq(table.quizQuestions.quizId, quizId), eq(table.quizQuestions.questionId, id)));
		}
		return true;
	});
}

/**
 * Appends bank questions to the quiz, skipping those already in it. Every id must be a non-deleted question of
 * the quiz's own course: another course's question id is refused and nothing is added.
 */
export async function addQuestionsToQuiz(conn: typeof db | Tx, quiz: Pick<Quiz, 'id' | 'courseId'>, questionIds: number[]): Promise<number> {
	const ids = [...new Set(questionIds)];
	if (ids.length === 0) return 0;
	const found = await conn
		.select({ id: table.questions.id })
		.from(table.questions)
		.where(and(inArray(table.questions.id, ids), eq(table.questions.courseId, quiz.courseId), isNull(table.questions.deletedAt)));
	if (found.length !== ids.length) throw new StudioError('Some of those questions are not in this course’s bank.');
	const existing = await conn
		.select({ questionId: table.quizQuestions.questionId })
		.from(table.quizQuestions)
		.where(eq(table.quizQuestions.quizId, quiz.id));
	const have = new Set(existing.map((e) => e.questionId));
	const fresh = ids.filter((id) => !have.has(id));
	if (fresh.length === 0) return 0;
	const [{ last }] = await conn.select({ last: max(table.quizQuestions.position) }).from(table.quizQuestions).where(eq(table.quizQuestions.quizId, quiz.id));
	const start = (last ?? -1) + 1;
	await conn.insert(table.quizQuestions).values(fresh.map((questionId, i) => ({ quizId: quiz.id, questionId, position: start + i })));
	return fresh.length;
}

export async function addQuestionsFromBank(quiz: Quiz, questionIds: number[]): Promise<number> {
	return db.transaction((tx) => addQuestionsToQuiz(tx, quiz, questionIds));
}

/** Takes the question out of the quiz; it stays in the bank. */
export async function removeQuestionFromQuiz(quizId: number, questionId: number): Promise<boolean> {
	const removed = await db
		.delete(table.quizQuestions)
		.where(and(eq(table.quizQuestions.quizId, quizId), eq(table.quizQuestions.questionId, questionId)))
		.returning({ questionId: table.quizQuestions.questionId });
	return removed.length > 0;
}

/** Whether the question is one of the quiz's own (the editor's URL must not reach other questions). */
export async function quizHasQuestion(quizId: number, questionId: number): Promise<boolean> {
	if (!Number.isSafeInteger(questionId) || questionId <= 0) return false;
	const [row] = await db
		.select({ id: table.quizQuestions.questionId })
		.from(table.quizQuestions)
		.where(and(eq(table.quizQuestions.quizId, quizId), eq(table.quizQuestions.questionId, questionId)));
	return !!row;
}

/** Adds a draw rule or changes its count. */
export async function setDrawRule(quizId: number, tag: string, count: number): Promise<void> {
	await db
		.insert(table.quizDraws)
		.values({ quizId, tag, count })
		.onConflictDoUpdate({ target: [table.quizDraws.quizId, table.quizDraws.tag], set: { count } });
}

export async function removeDrawRule(quizId: number, tag: string): Promise<void> {
	await db.delete(table.quizDraws).where(and(eq(table.quizDraws.quizId, quizId), eq(table.quizDraws.tag, tag)));
}
