// From a graded answer to a first schedule and a rating, and the bounds on requested retention.
import { describe, expect, it } from 'vitest';
import { clampRetention, DEFAULT_RETENTION, initialCardFromAnswer, isDue, MAX_RETENTION, MIN_RETENTION, newCardState, ratingFromOutcome, scheduleReview, type Rating } from './schedule';
import { NOW, MINUTE, DAY, expectSameCard, run } from './schedule.fixtures';

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
