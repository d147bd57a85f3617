import { and, eq, inArray, sql } from 'drizzle-orm';
import { initialCardFromAnswer, ratingFromOutcome, scheduleReview } from '$lib/review/schedule';
import type { Question } from '$lib/quiz/types';
import { db, table, type Conn, type Tx } from '../db';
import { sqlIn } from '../db/raw';
import { storeQuestionVersions } from '../quiz/versions';
import { getReviewSettings } from './settings';
import { cardColumns, cardStateOf } from './state';

type Outcome = boolean | 'partial';

function outcomeOf(fraction: number | null): Outcome {
	if (fraction === null || fraction <= 0) return false;
	return fraction >= 0.999999 ? true : 'partial';
}

/** A graded attempt, as grading leaves it in memory: what its review cards are made from. */
export interface GradedQuestions {
	attemptId: number;
	quizId: number;
	courseId: number;
	questions: { position: number; questionId: number; versionId: number; fraction: number }[];
}

// New cards are copied from the attempt's rows in SQL (with the question version each one asked);
// each takes its schedule out of one JSON object keyed by position, holding only the new cards' positions.
const SCHEDULED = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'];
const INSERT_NEW_CARDS = `INSERT INTO review_cards (user_id, course_id, quiz_id, question_id, version_id, ${SCHEDULED.join(', ')})
	SELECT ?1, ?2, ?3, question_id, version_id, ${SCHEDULED.map((_, i) => `json_extract(?4, '$."' || position || '"[${i}]')`).join(', ')}
	FROM attempt_questions WHERE attempt_id = ?5 AND json_type(?4, '$."' || position || '"') IS NOT NULL
	ON CONFLICT DO NOTHING`;

/** A card's schedule as the values of SCHEDULED, in order. */
function scheduleValues(state: ReturnType<typeof cardColumns>): (number | string | null)[] {
	return [state.due.getTime(), state.stability, state.difficulty, state.elapsedDays, state.scheduledDays, state.learningSteps, state.reps, state.lapses, state.state, state.lastReview?.getTime() ?? null];
}

/** Card columns an existing card's row is rewritten with (every other column keeps its value). */
const REWRITTEN = ['versionId', 'quizId', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview'] as const;
const fromExcluded = Object.fromEntries(REWRITTEN.map((key) => [key, sql.raw(`excluded.${table.reviewCards[key].name}`)]));

/**
 * Turns every question of a graded attempt into a review card for the student, inside the grading transaction. A
 * new card is scheduled from the answer (missed: due within minutes; known: days later). A card that already
 * exists keeps its schedule unless the question was missed again, which counts as a lapse and brings it back soon.
 * At most four statements: review settings, the student's existing cards, one insert of the new ones, one upsert of the changed.
 * Returns the courses where a card lapsed (for noteLapses once the transaction has committed).
 */
export async function recordCardsForAttempt(tx: Tx, userId: number, graded: GradedQuestions, now = new Date()): Promise<Set<number>> {
	const lapsedCourses = new Set<number>();
	const rows = graded.questions;
	if (rows.length === 0) return lapsedCourses;
	const { quizId, courseId } = graded;
	const { retention } = await getReviewSettings(userId, tx);
	const existing = await tx
		.select()
		.from(table.reviewCards)
		.where(and(eq(table.reviewCards.userId, userId), inArray(table.reviewCards.questionId, rows.map((r) => r.questionId))));
	const byQuestion = new Map(existing.map((card) => [card.questionId, card]));
	const fresh = rows.filter((row) => !byQuestion.has(row.questionId));
	if (fresh.length) {
		// A new card's schedule depends only on the outcome (missed, partly right, right): computed once for each.
		const byOutcome = new Map<Outcome, ReturnType<typeof scheduleValues>>();
		const scheduleFor = (outcome: Outcome) =>
			byOutcome.get(outcome) ?? byOutcome.set(outcome, scheduleValues(cardColumns(initialCardFromAnswer(outcome, now, { requestRetention: retention }).next))).get(outcome)!;
		const schedules = Object.fromEntries(fresh.map((row) => [row.position, scheduleFor(outcomeOf(row.fraction))]));
		await sqlIn(tx)(INSERT_NEW_CARDS, [userId, courseId, quizId, JSON.stringify(schedules), graded.attemptId]);
	}
	const changed: (typeof table.reviewCards.$inferInsert)[] = [];
	for (const row of rows) {
		const card = byQuestion.get(row.questionId);
		if (!card) continue;
		const missed = outcomeOf(row.fraction) === false;
		if (!missed && card.quizId === quizId && card.versionId === row.versionId) continue;
		const update: typeof table.reviewCards.$inferInsert = { ...card, versionId: row.versionId, quizId };
		if (missed) {
			const { next } = scheduleReview(cardStateOf(card), 'again', now, { requestRetention: retention });
			Object.assign(update, cardColumns(next));
			if (next.lapses > card.lapses) lapsedCourses.add(card.courseId);
		}
		changed.push(update);
	}
	// Every row exists (read above in this transaction), so each one updates its card by id.
	if (changed.length) await tx.insert(table.reviewCards).values(changed).onConflictDoUpdate({ target: table.reviewCards.id, set: fromExcluded });
	return lapsedCourses;
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
