import { describe, expect, it } from 'vitest';
import { questionsPerAttempt } from './question-count';

describe('questionsPerAttempt', () => {
	it('counts own questions plus what each draw rule can draw', () => {
		expect(questionsPerAttempt(4, [], null)).toBe(4);
		expect(questionsPerAttempt(4, [{ count: 3, available: 10 }], null)).toBe(7);
	});
	it('never counts more drawn questions than the bank holds for the tag', () => {
		expect(questionsPerAttempt(2, [{ count: 5, available: 1 }, { count: 2, available: 0 }], null)).toBe(3);
	});
	it('asks at most drawCount of the pool', () => {
		expect(questionsPerAttempt(10, [{ count: 5, available: 5 }], 12)).toBe(12);
		expect(questionsPerAttempt(3, [], 12)).toBe(3);
	});
});
