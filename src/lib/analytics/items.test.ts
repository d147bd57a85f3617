import { describe, it, expect } from 'vitest';
import { analyseItems, cronbachAlpha, optionFrequencies } from './quiz-stats';

// Four attempts × three items, worked by hand.
//            i1 i2 i3 | total
//   A         1  1  1 |  3
//   B         1  1  0 |  2
//   C         1  0  0 |  1
//   D         0  0  0 |  0
// Facility: i1 = 3/4 = 0.75, i2 = 2/4 = 0.5, i3 = 1/4 = 0.25.
// Sample variances (sum of squared deviations / 3):
//   i1: devs .25 .25 .25 −.75 → SS .75 → var .25, sd .5
//   i2: devs .5 .5 −.5 −.5   → SS 1   → var 1/3, sd .57735
//   i3: devs .75 −.25 −.25 −.25 → SS .75 → var .25, sd .5
//   total [3,2,1,0], mean 1.5: devs 1.5 .5 −.5 −1.5 → SS 5 → var 5/3
// Alpha: k = 3; Σ var(item) = .25 + 1/3 + .25 = 5/6; α = 3/2 · (1 − (5/6)/(5/3)) = 3/2 · 1/2 = 0.75.
// Discrimination (Pearson of item vs rest = total − item):
//   i1: x [1,1,1,0], rest [2,1,0,0]; means .75, .75; dx .25 .25 .25 −.75; dr 1.25 .25 −.75 −.75
//       Σdx·dr = .3125 + .0625 − .1875 + .5625 = .75; SSx = .75; SSr = 1.5625 + .0625 + .5625 + .5625 = 2.75
//       r = .75 / √(.75 · 2.75) = √(3/11) ≈ 0.522233
//   i2: x [1,1,0,0], rest [2,1,1,0]; means .5, 1; dx .5 .5 −.5 −.5; dr 1 0 0 −1
//       Σdx·dr = .5 + .5 = 1; SSx = 1; SSr = 2 → r = 1/√2 ≈ 0.707107
//   i3: x [1,0,0,0], rest [2,2,1,0]; means .25, 1.25; dx .75 −.25 −.25 −.25; dr .75 .75 −.25 −1.25
//       Σdx·dr = .5625 − .1875 + .0625 + .3125 = .75; SSx = .75; SSr = 2.75 → r = √(3/11)
const staircase = [
	[1, 1, 1],
	[1, 1, 0],
	[1, 0, 0],
	[0, 0, 0]
];

describe('analyseItems on the hand-worked matrix', () => {
	const stats = analyseItems(staircase, { itemIds: ['q1', 'q2', 'q3'] });

	it('reports attempts, facility and sd', () => {
		expect(stats.map((s) => [s.index, s.itemId, s.attempts])).toEqual([
			[0, 'q1', 4],
			[1, 'q2', 4],
			[2, 'q3', 4]
		]);
		expect(stats.map((s) => s.facility)).toEqual([0.75, 0.5, 0.25]);
		expect(stats.map((s) => s.facilityPercent)).toEqual([75, 50, 25]);
		expect(stats[0].sd).toBeCloseTo(0.5, 12);
		expect(stats[1].sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
		expect(stats[2].sd).toBeCloseTo(0.5, 12);
	});

	it('reports discrimination as the item–rest correlation', () => {
		expect(stats[0].discrimination).toBeCloseTo(Math.sqrt(3 / 11), 12);
		expect(stats[0].discriminationIndex).toBeCloseTo(52.2233, 4);
		expect(stats[1].discrimination).toBeCloseTo(Math.SQRT1_2, 12);
		expect(stats[1].discriminationIndex).toBeCloseTo(70.7107, 4);
		expect(stats[2].discrimination).toBeCloseTo(Math.sqrt(3 / 11), 12);
	});

	it('raises no flags: mid facility, positive discrimination, too few attempts for the low flag', () => {
		expect(stats.every((s) => s.flags.length === 0)).toBe(true);
	});

	it('has alpha 0.75', () => {
		expect(cronbachAlpha(staircase)).toBeCloseTo(0.75, 12);
	});

	it('uses null item ids when none are given', () => {
		expect(analyseItems(staircase).map((s) => s.itemId)).toEqual([null, null, null]);
	});
});

describe('analyseItems edge cases', () => {
	it('flags an all-correct item as too easy with no discrimination', () => {
		// i1 is 1 on every attempt: variance 0, so the correlation is undefined.
		const [easy] = analyseItems([
			[1, 1],
			[1, 0],
			[1, 0]
		]);
		expect(easy).toMatchObject({ facility: 1, facilityPercent: 100, sd: 0, discrimination: null, discriminationIndex: null });
		expect(easy.flags.map((f) => f.code)).toEqual(['too-easy']);
		expect(easy.flags[0].reason).toMatch(/^Facility 100\.0% \(above 90%\)/);
	});

	it('flags an all-wrong item as too hard', () => {
		const [hard] = analyseItems([
			[0, 1],
			[0, 0],
			[0, 1]
		]);
		expect(hard.facility).toBe(0);
		expect(hard.discrimination).toBeNull();
		expect(hard.flags.map((f) => f.code)).toEqual(['too-hard']);
	});

	it('flags negative discrimination at any attempt count', () => {
		// Rows [1,0],[1,0],[0,1],[0,1]: for i1, x = [1,1,0,0] and rest = i2 = [0,0,1,1], a perfect −1 (DI −100).
		const stats = analyseItems([
			[1, 0],
			[1, 0],
			[0, 1],
			[0, 1]
		]);
		expect(stats.map((s) => s.discriminationIndex)).toEqual([-100, -100]);
		expect(stats[0].flags).toEqual([{ code: 'negative-discrimination', reason: expect.stringMatching(/^Discrimination -100\.0 \(below 0\):/) }]);
	});

	it('flags low discrimination at any attempt count, calling it rough below 10 attempts', () => {
		// Two items; counts of (i1, i2) pairs: (1,1)×4, (1,0)×2, (0,1)×2, (0,0)×2 → 10 attempts.
		// For 0/1 items Pearson is φ = (n11·n00 − n10·n01) / √(n1.·n0.·n.1·n.0) = (8 − 4) / √(6·4·6·4) = 4/24 = 1/6
		// → DI 16.67 < 20. Facility of i1 = 6/10 = 0.6, so no facility flag.
		const pairs = (n11: number, n10: number, n01: number, n00: number) => [
			...Array.from({ length: n11 }, () => [1, 1]),
			...Array.from({ length: n10 }, () => [1, 0]),
			...Array.from({ length: n01 }, () => [0, 1]),
			...Array.from({ length: n00 }, () => [0, 0])
		];
		const [ten] = analyseItems(pairs(4, 2, 2, 2));
		expect(ten.attempts).toBe(10);
		expect(ten.discriminationIndex).toBeCloseTo(100 / 6, 10);
		expect(ten.flags).toEqual([{ code: 'low-discrimination', reason: expect.stringMatching(/^Discrimination 16\.7 \(below 20\):/) }]);
		expect(ten.flags[0].reason).not.toContain('rough');

		// Nine attempts: (1,1)×3, (1,0)×2, (0,1)×2, (0,0)×2 → φ = (6 − 4) / √(5·4·5·4) = 2/20 → DI 10: weak, and rough.
		const [nine] = analyseItems(pairs(3, 2, 2, 2));
		expect(nine.attempts).toBe(9);
		expect(nine.discriminationIndex).toBeCloseTo(10, 10);
		expect(nine.flags).toEqual([{ code: 'low-discrimination', reason: expect.stringMatching(/^Discrimination 10\.0 \(below 20\):.*only 9 attempts/) }]);
	});

	it('does not flag facility exactly at the thresholds', () => {
		// 9 of 10 correct → 0.9 (not > 0.9); 2 of 10 → 0.2 (not < 0.2).
		const matrix = Array.from({ length: 10 }, (_, i) => [i < 9 ? 1 : 0, i < 2 ? 1 : 0]);
		const [nine, two] = analyseItems(matrix);
		expect(nine.facility).toBe(0.9);
		expect(two.facility).toBe(0.2);
		expect(nine.flags.some((f) => f.code === 'too-easy')).toBe(false);
		expect(two.flags.some((f) => f.code === 'too-hard')).toBe(false);
	});

	it('computes each item over the attempts that include it', () => {
		//        i1    i2   i3   | total over present items
		//   A     1     1   null | 2
		//   B     0     1   1    | 2
		//   C     1     0   0    | 1
		//   D   null    0   1    | 1
		// i1 (A,B,C): x [1,0,1], rest [1,2,0]; means 2/3, 1; dx 1/3 −2/3 1/3; dr 0 1 −1
		//   Σdx·dr = −2/3 − 1/3 = −1; SSx = 6/9 = 2/3; SSr = 2 → r = −1/√(4/3) = −√3/2 ≈ −0.866025
		// i2 (all): x [1,1,0,0], rest [1,1,1,1] → rest does not vary → null
		// i3 (B,C,D): x [1,0,1], rest [1,1,0]; means 2/3, 2/3; dx 1/3 −2/3 1/3; dr 1/3 1/3 −2/3
		//   Σdx·dr = 1/9 − 2/9 − 2/9 = −1/3; SSx = SSr = 2/3 → r = −0.5
		const stats = analyseItems([
			[1, 1, null],
			[0, 1, 1],
			[1, 0, 0],
			[null, 0, 1]
		]);
		expect(stats.map((s) => s.attempts)).toEqual([3, 4, 3]);
		expect(stats[0].facility).toBeCloseTo(2 / 3, 12);
		expect(stats[0].discrimination).toBeCloseTo(-Math.sqrt(3) / 2, 12);
		expect(stats[1].discrimination).toBeNull();
		expect(stats[1].flags).toEqual([]);
		expect(stats[2].discrimination).toBeCloseTo(-0.5, 12);
		expect(stats[2].flags.map((f) => f.code)).toEqual(['negative-discrimination']);
	});

	it('gives an item nobody attempted a row of nulls when ids are given', () => {
		const stats = analyseItems([[1], [0]], { itemIds: ['seen', 'unseen'] });
		expect(stats[1]).toEqual({
			index: 1,
			itemId: 'unseen',
			attempts: 0,
			facility: null,
			facilityPercent: null,
			sd: null,
			discrimination: null,
			discriminationIndex: null,
			flags: []
		});
	});

	it('returns no items for an empty matrix', () => {
		expect(analyseItems([])).toEqual([]);
	});

	it('rejects NaN, out-of-range cells and rows longer than the ids', () => {
		expect(() => analyseItems([[Number.NaN]])).toThrow(/matrix\[0\]\[0\]/);
		expect(() => analyseItems([[0.5], [2]])).toThrow(RangeError);
		expect(() => analyseItems([[1, 0]], { itemIds: ['only'] })).toThrow(RangeError);
	});
});

describe('cronbachAlpha edge cases', () => {
	it('leaves out attempts missing an item', () => {
		// The staircase (α = 0.75) plus two incomplete attempts, which must not change the result.
		expect(cronbachAlpha([...staircase, [1, null, 0], [1, 1]])).toBeCloseTo(0.75, 12);
	});

	it('is null for fewer than 2 items, fewer than 3 attempts, or no total variance', () => {
		expect(cronbachAlpha([[1], [0], [1]])).toBeNull();
		expect(cronbachAlpha(staircase.slice(0, 2))).toBeNull();
		// Totals [1,1,1,1] do not vary.
		expect(cronbachAlpha([[1, 0], [1, 0], [0, 1], [0, 1]])).toBeNull();
		expect(cronbachAlpha([])).toBeNull();
	});

	it('can be negative when items disagree', () => {
		// Rows [1,0],[0,1],[1,1]: item vars 1/3 each (Σ 2/3); totals [1,1,2], mean 4/3, SS 1/9+1/9+4/9 = 2/3 → var 1/3.
		// α = 2/1 · (1 − (2/3)/(1/3)) = 2 · (1 − 2) = −2.
		expect(cronbachAlpha([[1, 0], [0, 1], [1, 1]])).toBeCloseTo(-2, 12);
	});
});

describe('optionFrequencies', () => {
	it('counts how many attempts chose each option', () => {
		// 4 attempts: a chosen by 2 (share .5), b by 1 (.25), c by 2 (.5, multiple-answer), d by none; one blank attempt.
		const result = optionFrequencies([['a'], ['b', 'c'], ['a', 'c', 'c'], []], ['a', 'b', 'c', 'd']);
		expect(result).toEqual([
			{ optionId: 'a', count: 2, share: 0.5 },
			{ optionId: 'b', count: 1, share: 0.25 },
			{ optionId: 'c', count: 2, share: 0.5 },
			{ optionId: 'd', count: 0, share: 0 }
		]);
	});

	it('ignores unknown ids and has null shares without attempts', () => {
		expect(optionFrequencies([['zzz']], ['a'])).toEqual([{ optionId: 'a', count: 0, share: 0 }]);
		expect(optionFrequencies([], ['a'])).toEqual([{ optionId: 'a', count: 0, share: null }]);
	});
});
