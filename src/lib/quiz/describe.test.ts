import { describe, expect, it } from 'vitest';
import { describeCorrectAnswer, describeResponse } from './describe';
import type { Question } from './types';

const base = { text: 'Q', points: 1, tags: [] };

describe('describing answers for review', () => {
	it('lists the right options with partial weights', () => {
		const q: Question = {
			...base,
			type: 'single',
			choices: [
				{ id: 'a', text: 'Best', weight: 100 },
				{ id: 'b', text: 'Half', weight: 50 },
				{ id: 'c', text: 'Wrong', weight: 0 }
			]
		};
		expect(describeCorrectAnswer(q)).toEqual(['Best', 'Half (50%)']);
		expect(describeResponse(q, { type: 'single', choice: 'c' })).toEqual(['Wrong']);
		expect(describeResponse(q, { type: 'single' })).toEqual([]);
	});

	it('describes numeric tolerances and ranges, matching and ordering', () => {
		expect(describeCorrectAnswer({ ...base, type: 'numeric', answers: [{ kind: 'tolerance', value: 12, tolerance: 1, weight: 100 }] })).toEqual([
			'12 ± 1'
		]);
		expect(describeCorrectAnswer({ ...base, type: 'numeric', answers: [{ kind: 'range', min: 1, max: 5, weight: 100 }] })).toEqual(['Between 1 and 5']);
		const ordering: Question = { ...base, type: 'ordering', items: [{ id: 'x', text: 'One' }, { id: 'y', text: 'Two' }] };
		expect(describeCorrectAnswer(ordering)).toEqual(['1. One', '2. Two']);
		expect(describeResponse(ordering, { type: 'ordering', order: ['y', 'x'] })).toEqual(['1. Two', '2. One']);
	});
});
