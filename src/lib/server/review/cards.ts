import { and, eq, inArray } from 'drizzle-orm';
import { initialCardFromAnswer, ratingFromOutcome, scheduleReview } from '$lib/review/schedule';
import type { Question } from '$lib/quiz/types';
import { db, table, type Conn } from '../db';
import { storeQuestionVersions } from '../quiz/versions';
import { getReviewSettings } from './settings';
import { cardColumns, cardStateOf } from './state';
import { noteLapses } from './stats';

type Outcome = boolean | 'partial';

function outcomeOf(fraction: number | null): Outcome {
	if (fraction === null || fraction <= 0) return false;
	return fraction >= 0.999999 ? true : 'partial';
}

/**
 * Turns every question of a graded attempt into a review card for the student. A new card is scheduled from the
 * answer (missed: due within minutes; known: days later). A card that already exists keeps its schedule unless
 * the question was missed again, which counts as a lapse and brings it back soon.
 */
export async function recordCardsForAttempt(userId: number, attemptId: number, now = new Date()): Promise<void> {
	const rows = await db
		.select({
			questionId: table.attemptQuestions.questionId,
			versionId: table.attemptQuestions.versionId,
			fraction: table.attemptQuestions.fraction,
			quizId: table.attempts.quizId,
			courseId: table.quizzes.courseId
		})
		.from(table.attemptQuestions)
		.innerJoin(table.attempts, eq(table.attempts.id, table.attemptQuestions.attemptId))
		.innerJoin(table.quizzes, eq(table.quizzes.id, table.attempts.quizId))
		.where(and(eq(table.attemptQuestions.attemptId, attemptId), eq(table.attempts.userId, userId), eq(table.attempts.status, 'submitted')));
	if (rows.length === 0) return;
	const { retention } = await getReviewSettings(userId);
	const lapsedCourses = new Set<number>();
	await db.transaction(async (tx) => {
		const existing = await tx
			.select()
			.from(table.reviewCards)
			.where(and(eq(table.reviewCards.userId, userId), inArray(table.reviewCards.questionId, rows.map((r) => r.questionId))));
		const byQuestion = new Map(existing.map((card) => [card.questionId, card]));
		const fresh = rows.filter((row) => !byQuestion.has(row.questionId));
		if (fresh.length) {
			await tx
				.insert(table.reviewCards)
				.values(
					fresh.map((row) => ({
						userId,
						courseId: row.courseId,
						questionId: row.questionId,
						quizId: row.quizId,
						versionId: row.versionId,
						...cardColumns(initialCardFromAnswer(outcomeOf(row.fraction), now, { requestRetention: retention }).next)
					}))
				)
				.onConflictDoNothing();
		}
		for (const row of rows) {
			const card = byQuestion.get(row.questionId);
			if (!card) continue;
			const missed = outcomeOf(row.fraction) === false;
			if (!missed && card.quizId === row.quizId && card.versionId === row.versionId) continue;
			const update: Partial<typeof table.reviewCards.$inferInsert> = { versionId: row.versionId, quizId: row.quizId };
			if (missed) {
				const { next } = scheduleReview(cardStateOf(card), 'again', now, { requestRetention: retention });
				Object.assign(update, cardColumns(next));
				if (next.lapses > card.lapses) lapsedCourses.add(card.courseId);
			}
			await tx.update(table.reviewCards).set(update).where(eq(table.reviewCards.id, card.id));
		}
	});
	noteLapses(lapsedCourses);
}

/** A knowledge check answered inside a lesson becomes a card too; its feedback is immediate, so it is never hidden. */
export async function recordCardForCheck(
	userId: number,
	courseId: number,
	checkKey: string,
	question: Question,
	correct: boolean,
	now = new Date(),
	conn: Conn = db
): Promise<void> {
	const [existing] = await conn
		.select()
		.from(table.reviewCards)
		.where(and(eq(table.reviewCards.userId, userId), eq(table.reviewCards.checkKey, checkKey)));
	const { retention } = await getReviewSettings(userId);
	if (!existing) {
		const { next } = initialCardFromAnswer(correct, now, { requestRetention: retention });
		const [versionId] = await storeQuestionVersions(conn, [{ questionId: null, question }]);
		await conn
			.insert(table.reviewCards)
			.values({ userId, courseId, checkKey, versionId, ...cardColumns(next) })
			.onConflictDoNothing();
	} else if (!correct) {
		const { next } = scheduleReview(cardStateOf(existing), ratingFromOutcome(false), now, { requestRetention: retention });
		const [versionId] = await storeQuestionVersions(conn, [{ questionId: null, question }]);
		await conn.update(table.reviewCards).set({ versionId, ...cardColumns(next) }).where(eq(table.reviewCards.id, existing.id));
	}
}
