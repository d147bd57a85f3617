// What the review page shows from schedules (forecast, retention), and storing a card state as JSON.
import { describe, expect, it } from 'vitest';
import { forecast, initialCardFromAnswer, newCardState, retention, reviveCardState, scheduleReview, type CardState } from './schedule';
import { NOW, DAY, run } from './schedule.fixtures';

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
