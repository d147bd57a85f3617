import { and, eq, getTableColumns } from 'drizzle-orm';
import { gradeQuestion } from '$lib/quiz/grade';
import { maskQuestionIds } from '$lib/quiz/mask';
import type { Question, Response } from '$lib/quiz/types';
import { ratingFromOutcome, scheduleReview, type Rating } from '$lib/review/schedule';
import { db, table, type Conn } from '../db';
import { bumpActivity } from '../progress/activity';
import { getReviewSettings } from './settings';
import { noteLapses } from './stats';
import { cardColumns, cardStateOf } from './state';

/** The card's question as /review asks it: ids masked per card and repetition, like a quiz attempt. */
export function reviewQuestion(card: { id: number; reps: number; snapshot: Question }): Question {
	return maskQuestionIds(card.snapshot, `review:${card.id}:${card.reps}`);
}

/** A card's columns with its question version's snapshot, for the queries that show or grade the card. */
export function selectCardsWithQuestion(conn: Pick<Conn, 'select'> = db) {
	return conn
		.select({ ...getTableColumns(table.reviewCards), snapshot: table.questionVersions.snapshot })
		.from(table.reviewCards)
		.innerJoin(table.questionVersions, eq(table.questionVersions.id, table.reviewCards.versionId));
}

/** The student's own card with its question, or null. */
export async function findOwnCard(userId: number, cardId: number, conn: Pick<Conn, 'select'> = db) {
	if (!Number.isSafeInteger(cardId) || cardId <= 0) return null;
	const [card] = await selectCardsWithQuestion(conn).where(and(eq(table.reviewCards.id, cardId), eq(table.reviewCards.userId, userId)));
	return card ?? null;
}

export type ReviewOutcome =
	| { recorded: true; rating: Rating; correct: boolean; due: Date }
	| { recorded: false; reason: 'not-found' | 'already-reviewed' };

/**
 * Grades the answer on the server and reschedules the card with FSRS. `reps` is the card's repetition count the
 * page was showing: if another request (a second tab, a double click) reviewed the card in the meantime, the
 * conditional update matches nothing and no second review is recorded.
 */
export async function rateReviewCard(
	userId: number,
	cardId: number,
	reps: number,
	response: Response | undefined,
	selfRating: Rating | undefined,
	now = new Date()
): Promise<ReviewOutcome> {
	const { retention } = await getReviewSettings(userId);
	let lapsedCourse: number | null = null;
	const result = await db.transaction(async (tx) => {
		const card = await findOwnCard(userId, cardId, tx);
		if (!card) return { recorded: false, reason: 'not-found' } as const;
		if (card.reps !== reps) return { recorded: false, reason: 'already-reviewed' } as const;
		const graded = gradeQuestion(reviewQuestion(card), response);
		const outcome = graded.status === 'correct' ? true : graded.status === 'partial' ? 'partial' : false;
		const rating = ratingFromOutcome(outcome, selfRating);
		const { next, log } = scheduleReview(cardStateOf(card), rating, now, { requestRetention: retention });
		const updated = await tx
			.update(table.reviewCards)
			.set({ ...cardColumns(next), introducedAt: card.introducedAt ?? now })
			.where(and(eq(table.reviewCards.id, cardId), eq(table.reviewCards.reps, reps)))
			.returning({ id: table.reviewCards.id });
		if (updated.length === 0) return { recorded: false, reason: 'already-reviewed' } as const;
		await tx.insert(table.reviewLogs).values({
			cardId,
			userId,
			rating,
			correct: outcome === true,
			stateBefore: log.state,
			reviewedAt: now,
			scheduledDays: next.scheduledDays
		});
		await bumpActivity(userId, now, 0, 1, tx);
		if (next.lapses > card.lapses) lapsedCourse = card.courseId;
		return { recorded: true, rating, correct: outcome === true, due: next.due } as const;
	});
	// After the commit, so no view can cache the ranking from before it.
	if (lapsedCourse !== null) noteLapses([lapsedCourse]);
	return result;
}
