import { describe, expect, it } from 'vitest';
import { gradeQuestion } from './grade';
import { maskQuestionIds } from './mask';
import type { Question } from './types';

const single: Question = {
	type: 'single',
	text: 'Pick',
	points: 1,
	tags: [],
	choices: [
		{ id: 'a', text: 'Right', weight: 100 },
		{ id: 'b', text: 'Wrong', weight: 0 }
	]
};

describe('maskQuestionIds', () => {
	it('replaces source-order ids with per-seed ids that keep grading intact', () => {
		const masked = maskQuestionIds(single, 'attempt-1:3');
		if (masked.type !== 'single') throw new Error('type changed');
		const ids = masked.choices.map((c) => c.id);
		expect(ids).not.toContain('a');
		expect(new Set(ids).size).toBe(2);
		expect(maskQuestionIds(single, 'attempt-1:3')).toEqual(masked);
		expect(maskQuestionIds(single, 'attempt-2:3')).not.toEqual(masked);
		expect(gradeQuestion(masked, { type: 'single', choice: ids[0] }).status).toBe('correct');
	});

	it('masks ordering item ids so their order reveals nothing', () => {
		const ordering: Question = {
			type: 'ordering',
			text: 'Order',
			points: 1,
			tags: [],
			items: [
				{ id: 'o1', text: 'First' },
				{ id: 'o2', text: 'Second' }
			]
		};
		const masked = maskQuestionIds(ordering, 's');
		if (masked.type !== 'ordering') throw new Error('type changed');
		expect(masked.items.map((i) => i.id).join()).not.toMatch(/o1|o2/);
	});
});
