import { describe, it, expect } from 'vitest';
import { createRandom, drawQuestions, hashSeed, shuffleWithSeed } from './shuffle';

const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('hashSeed and createRandom', () => {
	it('match the published FNV-1a and mulberry32 test values', () => {
		expect(hashSeed('')).toBe(0x811c9dc5);
		expect(hashSeed('a')).toBe(0xe40c292c);
		expect(hashSeed('foobar')).toBe(0xbf9cf968);
		expect(createRandom(1)()).toBeCloseTo(0.6270739405881613, 15);
	});

	it('stays in [0, 1)', () => {
		const random = createRandom(hashSeed('range'));
		for (let i = 0; i < 10_000; i++) {
			const value = random();
			expect(value >= 0 && value < 1).toBe(true);
		}
	});
});

describe('shuffleWithSeed', () => {
	it('is pinned: stored attempts depend on this exact order', () => {
		expect(shuffleWithSeed(ten, 'touchstone')).toEqual([2, 1, 7, 9, 8, 4, 5, 10, 6, 3]);
	});

	it('gives the same order for the same seed and does not mutate its input', () => {
		const input = [...ten];
		expect(shuffleWithSeed(input, 'attempt-1')).toEqual(shuffleWithSeed(ten, 'attempt-1'));
		expect(input).toEqual(ten);
	});

	it('returns a permutation, and different seeds give different orders', () => {
		const orders = new Set<string>();
		for (let i = 0; i < 50; i++) {
			const shuffled = shuffleWithSeed(ten, `seed-${i}`);
			expect([...shuffled].sort((a, b) => a - b)).toEqual(ten);
			orders.add(shuffled.join(','));
		}
		expect(orders.size).toBeGreaterThan(45);
	});

	it('handles empty and single-item lists', () => {
		expect(shuffleWithSeed([], 'x')).toEqual([]);
		expect(shuffleWithSeed(['only'], 'x')).toEqual(['only']);
	});

	it('spreads items roughly evenly over positions', () => {
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < 4000; i++) counts[shuffleWithSeed([0, 1, 2, 3], `u${i}`).indexOf(0)]++;
		for (const count of counts) expect(count).toBeGreaterThan(850);
	});
});

describe('drawQuestions', () => {
	const ids = ['q1', 'q2', 'q3', 'q4', 'q5'];

	it('draws n ids deterministically in shuffled order', () => {
		expect(drawQuestions(ids, 3, 'attempt-42')).toEqual(['q5', 'q4', 'q3']);
		expect(drawQuestions(ids, 3, 'attempt-42')).toEqual(drawQuestions(ids, 3, 'attempt-42'));
		expect(new Set(drawQuestions(ids, 3, 'other')).size).toBe(3);
	});

	it('draws all (shuffled) for null or n beyond the pool, none for 0 or less', () => {
		expect([...drawQuestions(ids, null, 's')].sort()).toEqual(ids);
		expect(drawQuestions(ids, 99, 's')).toEqual(drawQuestions(ids, null, 's'));
		expect(drawQuestions(ids, 0, 's')).toEqual([]);
		expect(drawQuestions(ids, -2, 's')).toEqual([]);
		expect(drawQuestions(ids, 2.7, 's')).toHaveLength(2);
	});
});
