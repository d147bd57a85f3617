import { describe, expect, it } from 'vitest';
import { maskQuestionIds } from '$lib/quiz/mask';
import type { Question } from '$lib/quiz/types';
import { analyseSample, chosenSourceIds, optionsOf } from './item-analysis';
import type { ItemSample } from './item-sample';

const single: Question = {
	type: 'single',
	text: 'Pick one',
	points: 1,
	tags: [],
	choices: [
		{ id: 'a', text: 'Right', weight: 100 },
		{ id: 'b', text: 'Wrong', weight: 0 },
		{ id: 'c', text: 'Also wrong', weight: 0 }
	]
};
const multiple: Question = { ...single, type: 'multiple', choices: single.choices.map((c) => ({ ...c, weight: c.id === 'c' ? -50 : 50 })) } as Question;
const truefalse: Question = { type: 'truefalse', text: 'True?', points: 1, tags: [], answer: false };
const short: Question = { type: 'short', text: 'Name it', points: 1, tags: [], answers: [{ text: 'x', weight: 100 }] };

/** The masked id an attempt with this seed showed at this position for the source option id. */
function masked(question: Question, seed: string, position: number, sourceId: string): string {
	const q = maskQuestionIds(question, `${seed}:${position}`) as Extract<Question, { type: 'single' | 'multiple' }>;
	const index = (question as Extract<Question, { type: 'single' | 'multiple' }>).choices.findIndex((c) => c.id === sourceId);
	return q.choices[index].id;
}

describe('chosenSourceIds', () => {
	it('maps masked ids back to source ids with the attempt seed and position', () => {
		expect(chosenSourceIds(single, 'seed1', 2, masked(single, 'seed1', 2, 'b'))).toEqual(['b']);
		const both = [masked(multiple, 's', 0, 'a'), masked(multiple, 's', 0, 'c')];
		expect(chosenSourceIds(multiple, 's', 0, both)).toEqual(['a', 'c']);
	});

	it('does not match ids masked for another attempt or position', () => {
		expect(chosenSourceIds(single, 'seed1', 2, masked(single, 'seed1', 3, 'b'))).toEqual([]);
		expect(chosenSourceIds(single, 'seed2', 2, masked(single, 'seed1', 2, 'b'))).toEqual([]);
		expect(chosenSourceIds(single, 'seed1', 2, 'b')).toEqual([]);
	});

	it('reads true/false values and blanks', () => {
		expect(chosenSourceIds(truefalse, 's', 0, 1)).toEqual(['true']);
		expect(chosenSourceIds(truefalse, 's', 0, 0)).toEqual(['false']);
		expect(chosenSourceIds(truefalse, 's', 0, null)).toEqual([]);
		expect(chosenSourceIds(short, 's', 0, 'x')).toEqual([]);
	});

	it('lists true/false options with the right one marked', () => {
		expect(optionsOf(truefalse)).toEqual([
			{ id: 'true', text: 'True', correct: false },
			{ id: 'false', text: 'False', correct: true }
		]);
		expect(optionsOf(short)).toBeNull();
	});
});

describe('analyseSample', () => {
	// Three attempts at two questions (ids 10: single choice, 20: short answer); question 30 was never asked.
	const sample: ItemSample = {
		attempts: [
			{ id: 3, seed: 'c' },
			{ id: 2, seed: 'b' },
			{ id: 1, seed: 'a' }
		],
		answers: [
			{ attemptId: 1, position: 0, questionId: 10, fraction: 1, chosen: masked(single, 'a', 0, 'a') },
			{ attemptId: 1, position: 1, questionId: 20, fraction: 1, chosen: null },
			{ attemptId: 2, position: 1, questionId: 10, fraction: 0, chosen: masked(single, 'b', 1, 'b') },
			{ attemptId: 2, position: 0, questionId: 20, fraction: 1, chosen: null },
			{ attemptId: 3, position: 0, questionId: 10, fraction: 0, chosen: null },
			{ attemptId: 3, position: 1, questionId: 20, fraction: 0, chosen: null }
		]
	};
	const questions = [
		{ id: 30, question: truefalse },
		{ id: 10, question: single },
		{ id: 20, question: short }
	];

	it('computes facility, discrimination and option counts per question, in the order given', () => {
		const { items, alpha } = analyseSample(sample, questions);
		expect(items.map((i) => i.questionId)).toEqual([30, 10, 20]);
		const [unasked, choice, text] = items;
		expect(unasked.stats.attempts).toBe(0);
		expect(unasked.stats.facility).toBeNull();
		expect(unasked.options?.map((o) => o.count)).toEqual([0, 0]);
		expect(choice.stats.attempts).toBe(3);
		expect(choice.stats.facility).toBeCloseTo(1 / 3);
		// Item 10 (1,0,0) against the rest of the test (item 20: 1,1,0): r = 0.5.
		expect(choice.stats.discrimination).toBeCloseTo(0.5);
		expect(choice.options?.map((o) => [o.id, o.count, o.correct])).toEqual([
			['a', 1, true],
			['b', 1, false],
			['c', 0, false]
		]);
		expect(choice.blank).toBe(1);
		expect(text.options).toBeNull();
		expect(text.stats.facility).toBeCloseTo(2 / 3);
		// k = 2, var(item 10) = 1/3, var(item 20) = 1/3, totals 2,1,0 → var 1: alpha = 2 · (1 − 2/3) = 2/3.
		expect(alpha).toBeCloseTo(2 / 3);
	});

	it('refuses a sample holding a question it was not given', () => {
		expect(() => analyseSample(sample, [{ id: 10, question: single }])).toThrow(/question 20/);
	});
});
