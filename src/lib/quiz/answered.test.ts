import { describe, expect, it } from 'vitest';
import type { PublicQuestion } from './answer-key';
import { isAnswered, listUnanswered, readFormData } from './answered';

const single = { type: 'single', text: 'Which?', points: 1, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] } as unknown as PublicQuestion;
const matching = { type: 'matching', text: 'Match', points: 1, prompts: [{ id: 'p1', prompt: 'One' }, { id: 'p2', prompt: 'Two' }], answers: ['x', 'y'] } as unknown as PublicQuestion;

describe('answered questions', () => {
	it('treats an empty or missing response as unanswered', () => {
		expect(isAnswered(null)).toBe(false);
		expect(isAnswered({ type: 'single' })).toBe(false);
		expect(isAnswered({ type: 'short', text: '' })).toBe(false);
		expect(isAnswered({ type: 'multiple', choices: ['a'] })).toBe(true);
		expect(isAnswered({ type: 'truefalse', value: false })).toBe(true);
	});

	it('counts a matching question only when every prompt is matched', () => {
		expect(isAnswered({ type: 'matching', matches: { p1: 'x' } }, matching)).toBe(false);
		expect(isAnswered({ type: 'matching', matches: { p1: 'x', p2: 'y' } }, matching)).toBe(true);
	});

	it('lists the positions a form leaves blank, reading repeated fields as the server does', () => {
		const data = new FormData();
		data.append('q1', 'b');
		data.append('q2.p1', 'x');
		data.append('q3.p1', 'x');
		data.append('q3.p2', 'y');
		const fields = readFormData(data);
		const questions = [
			{ question: single, name: 'q1' },
			{ question: matching, name: 'q2' },
			{ question: matching, name: 'q3' },
			{ question: single, name: 'q4' }
		];
		expect(listUnanswered(questions, fields)).toEqual([2, 4]);
	});
});
