import { and, asc, count, eq, gt, gte, inArray, lte } from 'drizzle-orm';
import { reviewVisibility } from '$lib/quiz/policy';
import { db, table } from '../db';
import { selectCardsWithQuestion } from './review';
import { getReviewSettings } from './settings';

function startOfUtcDay(now: Date): Date {
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Quizzes whose cards must stay hidden from this student now: an attempt at the quiz is open (review would hand
 * over answers mid-attempt), or the quiz's review policy does not yet show the right answers.
 */
export async function hiddenQuizIds(userId: number, quizIds: number[]): Promise<Set<number>> {
	const hidden = new Set<number>();
	if (quizIds.length === 0) return hidden;
	const quizzes = await db
		.select({
			id: table.quizzes.id,
			maxAttempts: table.quizzes.maxAttempts,
			reviewCorrectness: table.quizzes.reviewCorrectness,
			reviewFeedback: table.quizzes.reviewFeedback,
			reviewAnswers: table.quizzes.reviewAnswers
		})
		.from(table.quizzes)
		.where(inArray(table.quizzes.id, quizIds));
	// One query for the student's attempts at all of these quizzes.
	const attempts = await db
		.select({ quizId: table.attempts.quizId, status: table.attempts.status, passed: table.attempts.passed })
		.from(table.attempts)
		.where(and(eq(table.attempts.userId, userId), inArray(table.attempts.quizId, quizIds)));
	for (const quiz of quizzes) {
		const mine = attempts.filter((a) => a.quizId === quiz.id);
		const open = mine.some((a) => a.status === 'open');
		const passedAny = mine.some((a) => a.status === 'submitted' && a.passed);
		const noAttemptsLeft = quiz.maxAttempts !== null && mine.length >= quiz.maxAttempts;
		const visible = reviewVisibility(quiz, { submitted: true, passedAny, noAttemptsLeft });
		if (open || !visible.answers) hidden.add(quiz.id);
	}
	return hidden;
}

/** The cards due now that the student may see, respecting the daily limit of new cards. */
export async function dueCards(userId: number, now = new Date(), limit = 200) {
	const settings = await getReviewSettings(userId);
	const candidates = await selectCardsWithQuestion()
		.where(and(eq(table.reviewCards.userId, userId), lte(table.reviewCards.due, now)))
		.orderBy(asc(table.reviewCards.due))
		.limit(limit);
	return { ...(await visibleOf(userId, candidates, settings.dailyNewLimit, now)), settings };
}

/** How many cards dueCards would show, without reading the cards' questions (the dashboard's count). */
export async function countDueCards(userId: number, now = new Date(), limit = 200): Promise<number> {
	const settings = await getReviewSettings(userId);
	const candidates = await db
		.select({ quizId: table.reviewCards.quizId, introducedAt: table.reviewCards.introducedAt })
		.from(table.reviewCards)
		.where(and(eq(table.reviewCards.userId, userId), lte(table.reviewCards.due, now)))
		.orderBy(asc(table.reviewCards.due))
		.limit(limit);
	return (await visibleOf(userId, candidates, settings.dailyNewLimit, now)).cards.length;
}

type Candidate = { quizId: number | null; introducedAt: Date | null };

/** Drops cards of hidden quizzes and new cards beyond today's allowance, keeping the order. */
async function visibleOf<T extends Candidate>(userId: number, candidates: T[], dailyNewLimit: number, now: Date) {
	const hidden = await hiddenQuizIds(userId, [...new Set(candidates.map((c) => c.quizId).filter((id): id is number => id !== null))]);
	let newAllowed = dailyNewLimit;
	if (candidates.some((c) => c.introducedAt === null)) {
		const [{ introducedToday }] = await db
			.select({ introducedToday: count() })
			.from(table.reviewCards)
			.where(and(eq(table.reviewCards.userId, userId), gte(table.reviewCards.introducedAt, startOfUtcDay(now))));
		newAllowed = Math.max(0, dailyNewLimit - introducedToday);
	}
	const cards: T[] = [];
	for (const card of candidates) {
		if (card.quizId !== null && hidden.has(card.quizId)) continue;
		if (card.introducedAt === null) {
			if (newAllowed === 0) continue;
			newAllowed--;
		}
		cards.push(card);
	}
	return { cards, hiddenCount: candidates.filter((c) => c.quizId !== null && hidden.has(c.quizId)).length };
}

/** When the student's next question comes due after now, or null when none is scheduled. */
export async function nextDueAt(userId: number, now = new Date()): Promise<Date | null> {
	const [next] = await db
		.select({ due: table.reviewCards.due })
		.from(table.reviewCards)
		.where(and(eq(table.reviewCards.userId, userId), gt(table.reviewCards.due, now)))
		.orderBy(asc(table.reviewCards.due))
		.limit(1);
	return next?.due ?? null;
}
