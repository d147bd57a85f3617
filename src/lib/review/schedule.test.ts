// The FSRS adapter against ts-fsrs itself: new cards and every review, state for state.
import { describe, expect, it } from 'vitest';
import { createEmptyCard, Rating as FsrsRating, State as FsrsState, type Card } from 'ts-fsrs';
import { initialCardFromAnswer, isDue, newCardState, scheduleReview, type Rating } from './schedule';
import { NOW, DAY, reference, expectSameCard, run } from './schedule.fixtures';

describe('newCardState', () => {
	it('matches ts-fsrs createEmptyCard and is due immediately', () => {
		const card = newCardState(NOW);
		expectSameCard(card, createEmptyCard(NOW));
		expect(card.state).toBe('new');
		expect(card.lastReview).toBeNull();
		expect(isDue(card, NOW)).toBe(true);
	});

	it('does not alias the caller’s Date', () => {
		const now = new Date(NOW);
		const card = newCardState(now);
		now.setUTCFullYear(2000);
		expect(card.due).toEqual(NOW);
	});
});

describe('scheduleReview follows ts-fsrs', () => {
	const sequences: Rating[][] = [
		['good', 'good', 'good', 'good'],
		['again', 'again', 'good', 'easy', 'hard'],
		['easy', 'again', 'good', 'good'],
		['hard', 'good', 'again', 'hard', 'easy', 'good'],
		['good', 'again', 'again', 'good', 'good']
	];
	for (const seq of sequences) {
		it(`matches ts-fsrs for ${seq.join(' → ')}`, () => {
			for (const { ours, theirs } of run(seq)) expectSameCard(ours, theirs);
		});
	}

	it('matches ts-fsrs when reviewed early or late, not just on the due date', () => {
		let ours = newCardState(NOW);
		let theirs: Card = createEmptyCard(NOW);
		const f = reference();
		const times = [NOW, new Date(NOW.getTime() + 3 * DAY), new Date(NOW.getTime() + 4 * DAY), new Date(NOW.getTime() + 40 * DAY)];
		for (const at of times) {
			ours = scheduleReview(ours, 'good', at).next;
			theirs = f.next(theirs, at, FsrsRating.Good).card;
			expectSameCard(ours, theirs);
		}
	});

	it('passes request retention and maximum interval through', () => {
		const seq: Rating[] = ['good', 'good', 'good', 'good', 'good'];
		for (const options of [{ requestRetention: 0.8 }, { requestRetention: 0.95 }, { maximumInterval: 10 }]) {
			for (const { ours, theirs } of run(seq, options)) expectSameCard(ours, theirs);
		}
		// ts-fsrs caps each interval at maximum_interval, then forces hard < good < easy, so a capped
		// 'good' lands one day past the cap (ts-fsrs v5 behaviour, mirrored rather than re-capped).
		const capped = run(seq, { maximumInterval: 10 }).map((p) => p.ours.scheduledDays);
		expect(capped).toEqual([2, 10, 11, 11, 11]);
		// Higher retention → shorter intervals.
		const loose = run(seq, { requestRetention: 0.8 }).at(-1)!.ours.scheduledDays;
		const strict = run(seq, { requestRetention: 0.95 }).at(-1)!.ours.scheduledDays;
		expect(strict).toBeLessThan(loose);
	});

	it('produces a log mirroring ts-fsrs’s review log', () => {
		const first = scheduleReview(newCardState(NOW), 'good', NOW).next;
		const at = new Date(first.due.getTime() + DAY);
		const { log } = scheduleReview(first, 'hard', at);
		const f = reference();
		const theirs = f.next(f.next(createEmptyCard(NOW), NOW, FsrsRating.Good).card, at, FsrsRating.Hard).log;
		expect(log).toEqual({
			rating: 'hard',
			state: 'review',
			due: theirs.due,
			elapsedDays: theirs.elapsed_days,
			scheduledDays: theirs.scheduled_days,
			review: at
		});
		expect(theirs.state).toBe(FsrsState.Review);
	});

	it('does not mutate its input state', () => {
		const card = scheduleReview(newCardState(NOW), 'good', NOW).next;
		const snapshot = structuredClone(card);
		scheduleReview(card, 'again', card.due);
		expect(card).toEqual(snapshot);
	});

	it('increments lapses when a review card is rated again, and only then', () => {
		const [, reviewCard] = run(['good', 'good']).map((p) => p.ours);
		expect(reviewCard.state).toBe('review');
		expect(reviewCard.lapses).toBe(0);
		const lapsed = scheduleReview(reviewCard, 'again', reviewCard.due).next;
		expect(lapsed.lapses).toBe(1);
		expect(lapsed.state).toBe('relearning');
		expect(lapsed.due.getTime() - reviewCard.due.getTime()).toBeLessThan(DAY);
		// Again while still (re)learning is not another lapse.
		expect(scheduleReview(lapsed, 'again', lapsed.due).next.lapses).toBe(1);
		const learning = initialCardFromAnswer(false, NOW).next;
		expect(scheduleReview(learning, 'again', learning.due).next.lapses).toBe(0);
		// Passing a review card is not a lapse either.
		expect(scheduleReview(reviewCard, 'hard', reviewCard.due).next.lapses).toBe(0);
	});

	it('rejects a rating outside the union at runtime', () => {
		expect(() => scheduleReview(newCardState(NOW), 'meh' as Rating, NOW)).toThrow(RangeError);
	});
});
