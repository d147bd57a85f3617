// Shared by schedule*.test.ts: an independently configured ts-fsrs to compare against, and a fixed clock.
import { expect } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating, type Card, type Grade } from 'ts-fsrs';
import { newCardState, scheduleReview, type CardState, type Rating } from './schedule';

export const NOW = new Date('2025-03-10T09:00:00.000Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const GRADES: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };

/** ts-fsrs configured independently of the adapter, as the adapter documents it. */
export function reference(requestRetention = 0.9, maximumInterval = 36500) {
	return fsrs(
		generatorParameters({ request_retention: requestRetention, maximum_interval: maximumInterval, enable_fuzz: false, learning_steps: ['1m'] })
	);
}

export function expectSameCard(ours: CardState, theirs: Card) {
	expect(ours).toEqual({
		due: theirs.due,
		stability: theirs.stability,
		difficulty: theirs.difficulty,
		elapsedDays: theirs.elapsed_days,
		scheduledDays: theirs.scheduled_days,
		learningSteps: theirs.learning_steps,
		reps: theirs.reps,
		lapses: theirs.lapses,
		state: ['new', 'learning', 'review', 'relearning'][theirs.state],
		lastReview: theirs.last_review ?? null
	});
}

/** Drive a card through a sequence of ratings, each given exactly when the card falls due. */
export function run(ratings: Rating[], options?: { requestRetention?: number; maximumInterval?: number }) {
	let ours = newCardState(NOW);
	let theirs: Card = createEmptyCard(NOW);
	const f = reference(options?.requestRetention, options?.maximumInterval);
	const pairs: { ours: CardState; theirs: Card }[] = [];
	for (const rating of ratings) {
		const at = ours.due;
		ours = scheduleReview(ours, rating, at, options).next;
		theirs = f.next(theirs, at, GRADES[rating]).card;
		pairs.push({ ours, theirs });
	}
	return pairs;
}
