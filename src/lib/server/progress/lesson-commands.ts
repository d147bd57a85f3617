import { and, eq, isNull } from 'drizzle-orm';
import { gradeQuestion } from '$lib/quiz/grade';
import { parseResponse } from '$lib/quiz/responses';
import type { Question } from '$lib/quiz/types';
import { db, table, type Tx } from '../db';
import { issueEarnedCertificates } from '../certification/earned';
import { recordCardForCheck } from '../review/cards';
import { bumpActivity } from './activity';
import { refreshLessonCompletion } from './completion';
import { recordLessonVisit, type LessonIds } from './lessons';

/**
 * "I have finished reading": records the visit (the no-JavaScript path has no heartbeat) and the end of the lesson,
 * which completes it when its check is passed too. Consequences run only when the end is newly reached; finishing
 * again is a no-op that says so. Certificates follow a course completion, after the commit.
 */
export async function finishLesson(userId: number, ids: LessonIds, now = new Date()): Promise<{ changed: boolean; courseCompleted: boolean }> {
	const outcome = await db.transaction(async (tx) => {
		await recordLessonVisit(tx, userId, ids, now);
		const reached = await tx
			.update(table.lessonProgress)
			.set({ reachedEndAt: now })
			.where(
				and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, ids.lessonId), isNull(table.lessonProgress.reachedEndAt))
			)
			.returning({ lessonId: table.lessonProgress.lessonId });
		if (reached.length === 0) return { changed: false, courseCompleted: false };
		return { changed: true, courseCompleted: await refreshLessonCompletion(userId, ids.lessonId, now, tx) };
	});
	if (outcome.courseCompleted) await issueEarnedCertificates(userId, ids.courseId);
	return outcome;
}

/** Keeps the student's latest answer to an inline check (or appraisal) and counts it on the activity chart. */
export async function recordCheckAnswer(tx: Tx, userId: number, lessonId: number, checkId: string, answer: string, correct: boolean, now: Date) {
	await tx
		.insert(table.checkAnswers)
		.values({ userId, lessonId, checkId, answer, correct, answeredAt: now })
		.onConflictDoUpdate({
			target: [table.checkAnswers.userId, table.checkAnswers.lessonId, table.checkAnswers.checkId],
			set: { answer, correct, answeredAt: now }
		});
	await bumpActivity(userId, now, 0, 1, tx);
}

export interface KnowledgeCheckResult {
	status: ReturnType<typeof gradeQuestion>['status'];
	feedback: ReturnType<typeof gradeQuestion>['feedback'];
}

/**
 * Grades an inline knowledge check. For a signed-in student it also keeps the latest answer, schedules the question
 * for review and counts the event on the activity chart, in one transaction; anonymous readers only get the grade.
 */
export async function answerKnowledgeCheck(
	userId: number | null,
	target: { ids: LessonIds | null; checkId: string; cardKey: string; question: Question },
	answer: string,
	now = new Date()
): Promise<KnowledgeCheckResult> {
	const { ids, checkId, cardKey, question } = target;
	const result = gradeQuestion(question, parseResponse(question, { answer }, 'answer'));
	if (userId === null || ids === null) return { status: result.status, feedback: result.feedback };
	const correct = result.status === 'correct';
	await db.transaction(async (tx) => {
		await recordCheckAnswer(tx, userId, ids.lessonId, checkId, answer, correct, now);
		await recordCardForCheck(userId, ids.courseId, cardKey, question, correct, now, tx);
	});
	return { status: result.status, feedback: result.feedback };
}
