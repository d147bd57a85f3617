import { describe, it, expect } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating, State as FsrsState, type Card, type Grade } from 'ts-fsrs';
import {
	clampRetention,
	DEFAULT_RETENTION,
	forecast,
	initialCardFromAnswer,
	isDue,
	MAX_RETENTION,
	MIN_RETENTION,
	newCardState,
	ratingFromOutcome,
	retention,
	reviveCardState,
	scheduleReview,
	type CardState,
	type Rating
} from './schedule';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const GRADES: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };

/** ts-fsrs configured independently of the adapter, as the adapter documents it. */
function reference(requestRetention = 0.9, maximumInterval = 36500) {
	return fsrs(
		generatorParameters({ request_retention: requestRetention, maximum_interval: maximumInterval, enable_fuzz: false, learning_steps: ['1m'] })
	);
}

function expectSameCard(ours: CardState, theirs: Card) {
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
function run(ratings: Rating[], options?: { requestRetention?: number; maximumInterval?: number }) {
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

describe('initialCardFromAnswer', () => {
	it('brings a missed question back within minutes and a known one days later', () => {
		const missed = initialCardFromAnswer(false, NOW);
		const partial = initialCardFromAnswer('partial', NOW);
		const known = initialCardFromAnswer(true, NOW);

		expect(missed.log.rating).toBe('again');
		expect(partial.log.rating).toBe('hard');
		expect(known.log.rating).toBe('good');

		expect(missed.next.due.getTime() - NOW.getTime()).toBeLessThanOrEqual(10 * MINUTE);
		expect(partial.next.due.getTime() - NOW.getTime()).toBeLessThanOrEqual(10 * MINUTE);
		expect(missed.next.due.toISOString().slice(0, 10)).toBe('2025-03-10');
		expect(missed.next.state).toBe('learning');

		expect(known.next.state).toBe('review');
		expect(known.next.scheduledDays).toBeGreaterThanOrEqual(1);
		expect(known.next.due.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(DAY);

		for (const c of [missed, partial, known]) {
			expect(c.next.reps).toBe(1);
			expect(c.next.lastReview).toEqual(NOW);
			expect(c.log.state).toBe('new');
			expect(c.log.review).toEqual(NOW);
		}
	});

	it('equals scheduling a new card with ratingFromOutcome directly', () => {
		for (const correct of [true, false, 'partial'] as const) {
			expect(initialCardFromAnswer(correct, NOW, { requestRetention: 0.85 })).toEqual(
				scheduleReview(newCardState(NOW), ratingFromOutcome(correct), NOW, { requestRetention: 0.85 })
			);
		}
	});

	it('is due soon for a miss and not yet for a known question', () => {
		const missed = initialCardFromAnswer(false, NOW).next;
		const known = initialCardFromAnswer(true, NOW).next;
		const inAnHour = new Date(NOW.getTime() + 60 * MINUTE);
		expect(isDue(missed, NOW)).toBe(false);
		expect(isDue(missed, inAnHour)).toBe(true);
		expect(isDue(known, inAnHour)).toBe(false);
		expect(isDue(known, known.due)).toBe(true);
		expect(isDue(known, new Date(known.due.getTime() - 1))).toBe(false);
	});
});

describe('ratingFromOutcome', () => {
	const ratings: (Rating | undefined)[] = [undefined, 'again', 'hard', 'good', 'easy'];

	it('is always again for an incorrect answer', () => {
		for (const r of ratings) expect(ratingFromOutcome(false, r)).toBe('again');
	});

	it('is hard for a partial answer unless the student says again', () => {
		expect(ratingFromOutcome('partial')).toBe('hard');
		expect(ratingFromOutcome('partial', 'again')).toBe('again');
		expect(ratingFromOutcome('partial', 'hard')).toBe('hard');
		expect(ratingFromOutcome('partial', 'good')).toBe('hard');
		expect(ratingFromOutcome('partial', 'easy')).toBe('hard');
	});

	it('takes the student’s rating for a correct answer, never again, default good', () => {
		expect(ratingFromOutcome(true)).toBe('good');
		expect(ratingFromOutcome(true, 'again')).toBe('hard');
		expect(ratingFromOutcome(true, 'hard')).toBe('hard');
		expect(ratingFromOutcome(true, 'good')).toBe('good');
		expect(ratingFromOutcome(true, 'easy')).toBe('easy');
	});
});

describe('retention bounds', () => {
	it('clamps requested retention into the exported bounds', () => {
		expect(DEFAULT_RETENTION).toBe(0.9);
		expect([MIN_RETENTION, MAX_RETENTION]).toEqual([0.7, 0.97]);
		expect(clampRetention(undefined)).toBe(0.9);
		expect(clampRetention(0.1)).toBe(0.7);
		expect(clampRetention(0)).toBe(0.7);
		expect(clampRetention(1)).toBe(0.97);
		expect(clampRetention(0.999)).toBe(0.97);
		expect(clampRetention(0.85)).toBe(0.85);
		expect(() => clampRetention(Number.NaN)).toThrow(RangeError);
	});

	it('schedules out-of-range retention exactly as the nearest bound', () => {
		const seq: Rating[] = ['good', 'good', 'good', 'good'];
		const schedule = (requestRetention?: number) => run(seq, { requestRetention }).map((p) => p.ours);
		expect(schedule(0.2)).toEqual(schedule(0.7));
		expect(schedule(0.999)).toEqual(schedule(0.97));
		expect(schedule(undefined)).toEqual(schedule(0.9));
		// And the bound itself is what ts-fsrs does at that retention.
		for (const { ours, theirs } of run(seq, { requestRetention: 0.7 })) expectSameCard(ours, theirs);
		expect(schedule(0.2)).not.toEqual(schedule(0.9));
	});

	it('rejects a nonsensical maximum interval', () => {
		const card = newCardState(NOW);
		expect(() => scheduleReview(card, 'good', NOW, { maximumInterval: 0 })).toThrow(RangeError);
		expect(() => scheduleReview(card, 'good', NOW, { maximumInterval: Number.NaN })).toThrow(RangeError);
	});
});

describe('forecast', () => {
	const at = (iso: string) => new Date(iso);

	it('buckets by UTC date with overdue cards in day 0', () => {
		const now = at('2025-03-10T23:30:00.000Z');
		const result = forecast(
			[
				at('2025-01-01T00:00:00.000Z'), // long overdue → day 0
				at('2025-03-09T23:59:59.999Z'), // yesterday → day 0
				at('2025-03-10T00:00:00.000Z'), // start of today
				at('2025-03-10T23:59:59.999Z'), // end of today (after now)
				at('2025-03-11T00:00:00.000Z'), // day 1
				at('2025-03-11T00:29:00.000Z'), // day 1 even though < 1h from now
				at('2025-03-12T12:00:00.000Z'), // day 2
				at('2025-03-16T23:59:59.999Z'), // day 6 (last day of a 7-day window)
				at('2025-03-17T00:00:00.000Z'), // outside a 7-day window
				new Date(Number.NaN) // ignored
			],
			now,
			7
		);
		expect(result).toEqual([
			{ date: '2025-03-10', count: 4 },
			{ date: '2025-03-11', count: 2 },
			{ date: '2025-03-12', count: 1 },
			{ date: '2025-03-13', count: 0 },
			{ date: '2025-03-14', count: 0 },
			{ date: '2025-03-15', count: 0 },
			{ date: '2025-03-16', count: 1 }
		]);
	});

	it('defaults to 14 days and crosses month and year ends', () => {
		const result = forecast([at('2026-01-03T05:00:00.000Z')], at('2025-12-25T08:00:00.000Z'));
		expect(result).toHaveLength(14);
		expect(result[0].date).toBe('2025-12-25');
		expect(result[13].date).toBe('2026-01-07');
		expect(result.find((d) => d.count > 0)).toEqual({ date: '2026-01-03', count: 1 });
	});

	it('handles an empty list, zero days and bad day counts', () => {
		expect(forecast([], NOW, 3)).toEqual([
			{ date: '2025-03-10', count: 0 },
			{ date: '2025-03-11', count: 0 },
			{ date: '2025-03-12', count: 0 }
		]);
		expect(forecast([NOW], NOW, 0)).toEqual([]);
		expect(() => forecast([], NOW, -1)).toThrow(RangeError);
		expect(() => forecast([], NOW, 1.5)).toThrow(RangeError);
	});

	it('counts scheduled cards where their due dates fall', () => {
		const cards = [initialCardFromAnswer(false, NOW).next, initialCardFromAnswer(true, NOW).next];
		const result = forecast(
			cards.map((c) => c.due),
			NOW
		);
		expect(result[0].count).toBe(1);
		// NOW is 09:00 UTC, so a card scheduled n days out lands in bucket n.
		expect(cards[1].scheduledDays).toBeLessThan(14);
		expect(result[cards[1].scheduledDays].count).toBe(1);
		expect(result.reduce((n, d) => n + d.count, 0)).toBe(2);
	});
});

describe('retention', () => {
	it('is null with no reviews', () => {
		expect(retention([])).toBeNull();
	});

	it('is the share of reviews not rated again', () => {
		expect(retention([{ rating: 'good' }, { rating: 'again' }, { rating: 'hard' }, { rating: 'easy' }])).toBe(0.75);
		expect(retention([{ rating: 'again' }])).toBe(0);
		expect(retention([{ rating: 'hard' }])).toBe(1);
	});

	it('works directly on schedule logs', () => {
		const logs = [initialCardFromAnswer(false, NOW).log, initialCardFromAnswer(true, NOW).log];
		expect(retention(logs)).toBe(0.5);
	});
});

describe('JSON round-trip', () => {
	const states = (): CardState[] => [
		newCardState(NOW),
		...run(['again', 'good', 'good', 'again', 'hard', 'good']).map((p) => p.ours)
	];

	it('revives dates and reproduces the state exactly', () => {
		for (const state of states()) {
			const revived = reviveCardState(JSON.parse(JSON.stringify(state)));
			expect(revived).toEqual(state);
			expect(revived.due).toBeInstanceOf(Date);
			if (state.lastReview) expect(revived.lastReview).toBeInstanceOf(Date);
			else expect(revived.lastReview).toBeNull();
		}
	});

	it('does not change the next schedule', () => {
		for (const state of states()) {
			const revived = reviveCardState(JSON.parse(JSON.stringify(state)));
			for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
				const later = new Date(state.due.getTime() + 2 * DAY);
				expect(scheduleReview(revived, rating, later)).toEqual(scheduleReview(state, rating, later));
			}
		}
	});

	it('rejects malformed input', () => {
		const good = JSON.parse(JSON.stringify(newCardState(NOW)));
		expect(() => reviveCardState(null)).toThrow(TypeError);
		expect(() => reviveCardState({ ...good, due: 'not a date' })).toThrow(TypeError);
		expect(() => reviveCardState({ ...good, state: 'Review' })).toThrow(TypeError);
		expect(() => reviveCardState({ ...good, reps: '1' })).toThrow(TypeError);
		expect(() => reviveCardState({ ...good, lastReview: 'nope' })).toThrow(TypeError);
	});
});
