import { describe, it, expect } from 'vitest';
import { describeScores, passRate, scoreHistogram } from './quiz-stats';

describe('describeScores', () => {
	it('summarises an even count by hand', () => {
		// [50, 70, 80, 100]: mean = 300 / 4 = 75; median = (70 + 80) / 2 = 75.
		// Deviations −25, −5, 5, 25 → squares 625 + 25 + 25 + 625 = 1300; sample variance 1300 / 3 = 433.33…
		// sd = √433.33… = 20.81666…
		const summary = describeScores([80, 50, 100, 70]);
		expect(summary).toMatchObject({ count: 4, mean: 75, median: 75, min: 50, max: 100 });
		expect(summary.sd).toBeCloseTo(Math.sqrt(1300 / 3), 12);
		expect(summary.sd).toBeCloseTo(20.81666, 5);
	});

	it('takes the middle value for an odd count', () => {
		// Sorted 10, 40, 90: median 40; mean 140 / 3 = 46.67; deviations −36.67, −6.67, 43.33
		// → squares 1344.44 + 44.44 + 1877.78 = 3266.67; variance 3266.67 / 2 = 1633.33; sd ≈ 40.4145.
		const summary = describeScores([90, 10, 40]);
		expect(summary.median).toBe(40);
		expect(summary.mean).toBeCloseTo(140 / 3, 12);
		expect(summary.sd).toBeCloseTo(40.4145, 4);
	});

	it('has no sd for a single score', () => {
		expect(describeScores([42])).toEqual({ count: 1, mean: 42, median: 42, sd: null, min: 42, max: 42 });
	});

	it('returns nulls for no scores', () => {
		expect(describeScores([])).toEqual({ count: 0, mean: null, median: null, sd: null, min: null, max: null });
	});

	it('gives sd 0 when every score is the same', () => {
		expect(describeScores([60, 60, 60]).sd).toBe(0);
	});

	it('does not reorder the caller’s array', () => {
		const scores = [3, 1, 2];
		describeScores(scores);
		expect(scores).toEqual([3, 1, 2]);
	});

	it('rejects non-finite scores', () => {
		expect(() => describeScores([50, Number.NaN])).toThrow(RangeError);
	});
});

describe('scoreHistogram', () => {
	it('uses ten bins of 10 by default, the last one including 100', () => {
		const bins = scoreHistogram([0, 9.99, 10, 55, 90, 100]);
		expect(bins).toHaveLength(10);
		expect(bins[0]).toEqual({ from: 0, to: 10, count: 2 }); // 0 and 9.99
		expect(bins[1]).toEqual({ from: 10, to: 20, count: 1 }); // 10 starts the second bin
		expect(bins[5]).toEqual({ from: 50, to: 60, count: 1 });
		expect(bins[9]).toEqual({ from: 90, to: 100, count: 2 }); // 90 and 100
		expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(6);
	});

	it('makes the last bin narrower when the width does not divide 100', () => {
		const bins = scoreHistogram([29, 30, 89, 95, 100], 30);
		expect(bins).toEqual([
			{ from: 0, to: 30, count: 1 },
			{ from: 30, to: 60, count: 1 },
			{ from: 60, to: 90, count: 1 },
			{ from: 90, to: 100, count: 2 }
		]);
	});

	it('handles a width of 25 and a boundary hit by rounding', () => {
		expect(scoreHistogram([25, 50, 75], 25).map((bin) => bin.count)).toEqual([0, 1, 1, 1]);
		// 0.3 / 0.1 is 2.9999999999999996 in floating point; 0.3 still belongs to the bin starting at 0.3.
		const fine = scoreHistogram([0.3], 0.1);
		expect(fine).toHaveLength(1000);
		expect(fine[3].count).toBe(1);
	});

	it('returns empty bins for no scores', () => {
		const bins = scoreHistogram([]);
		expect(bins).toHaveLength(10);
		expect(bins.every((bin) => bin.count === 0)).toBe(true);
	});

	it('counts out-of-range scores in the end bins', () => {
		const bins = scoreHistogram([-5, 110], 50);
		expect(bins).toEqual([
			{ from: 0, to: 50, count: 1 },
			{ from: 50, to: 100, count: 1 }
		]);
	});

	it('rejects a bad bin width', () => {
		for (const width of [0, -10, 101, Number.NaN]) expect(() => scoreHistogram([50], width)).toThrow(RangeError);
	});
});

describe('passRate', () => {
	it('counts scores at or above the passing mark', () => {
		// 70, 80 and 100 reach 70; 50 does not → 3 / 4.
		expect(passRate([50, 70, 80, 100], 70)).toBe(0.75);
		expect(passRate([50, 69.9], 70)).toBe(0);
	});

	it('is null without scores', () => {
		expect(passRate([], 70)).toBeNull();
	});
});
