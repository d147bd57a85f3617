import { describe, it, expect } from 'vitest';
import type { Question } from '../quiz/types';
import { parseQuestionsJson, writeQuestionsJson } from './json';

const readme = {
	questions: [
		{
			type: 'ordering',
			title: 'Evidence hierarchy',
			text: 'Order these designs from least to most protected against bias.',
			items: ['Case report', 'Uncontrolled case series', 'Randomised controlled trial', 'Systematic review of RCTs'],
			explanation: '...',
			cite: 'furlan2015',
			points: 1
		}
	]
};

describe('parseQuestionsJson', () => {
	it('reads the README ordering example, turning string items into o1, o2, ...', () => {
		const { questions, errors } = parseQuestionsJson(JSON.stringify(readme));
		expect(errors).toEqual([]);
		expect(questions).toEqual([
			{
				type: 'ordering',
				title: 'Evidence hierarchy',
				text: 'Order these designs from least to most protected against bias.',
				items: [
					{ id: 'o1', text: 'Case report' },
					{ id: 'o2', text: 'Uncontrolled case series' },
					{ id: 'o3', text: 'Randomised controlled trial' },
					{ id: 'o4', text: 'Systematic review of RCTs' }
				],
				explanation: '...',
				cite: 'furlan2015',
				points: 1,
				tags: []
			}
		]);
	});

	it('fills defaults: points 1, tags [], choice ids, weights 100, numeric kind', () => {
		const { questions, errors } = parseQuestionsJson(
			JSON.stringify({
				questions: [
					{ type: 'single', text: 'Q', choices: [{ text: 'A', weight: 100 }, { text: 'B', weight: 0 }] },
					{ type: 'short', text: 'Q', answers: [{ text: 'x' }] },
					{ type: 'numeric', text: 'Q', answers: [{ value: 3 }, { min: 1, max: 2, weight: 50 }] },
					{ type: 'matching', text: 'Q', pairs: [{ prompt: 'a', answer: '1' }, { prompt: 'b', answer: '2' }, { prompt: '', answer: '3' }] }
				]
			})
		);
		expect(errors).toEqual([]);
		expect(questions[0]).toMatchObject({ points: 1, tags: [], choices: [{ id: 'a' }, { id: 'b' }] });
		expect(questions[1]).toMatchObject({ answers: [{ text: 'x', weight: 100 }] });
		expect(questions[2]).toMatchObject({
			answers: [
				{ kind: 'tolerance', value: 3, tolerance: 0, weight: 100 },
				{ kind: 'range', min: 1, max: 2, weight: 50 }
			]
		});
		expect(questions[3]).toMatchObject({ pairs: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3', prompt: '' }] });
	});

	it('names the question index and field in every error, and keeps the valid questions', () => {
		const { questions, errors } = parseQuestionsJson(
			JSON.stringify({
				questions: [
					{ type: 'truefalse', text: 'Fine', answer: true },
					{ type: 'single', text: 'Q', choices: [{ text: 'A', weight: 100 }, { text: 'B', weight: 'lots' }] },
					{ type: 'essay', text: 'Q' },
					{ type: 'ordering', text: '', items: ['only one'] },
					{ type: 'numeric', text: 'Q', answers: [{ min: 5, max: 1 }] },
					{ type: 'truefalse', text: 'Q', answer: true, explantion: 'typo' },
					{ type: 'multiple', text: 'Q', choices: [{ text: 'A', weight: 0 }, { text: 'B', weight: -50 }] },
					{ type: 'ordering', text: 'Q', items: [{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }] },
					{ type: 'truefalse', text: 'Q' }
				]
			})
		);
		expect(questions).toHaveLength(1);
		expect(errors.map((e) => e.message)).toEqual([
			'questions[1].choices[1].weight: Invalid input: expected number, received string',
			'questions[2].type: expected one of single, multiple, truefalse, short, numeric, matching, ordering but found "essay"',
			'questions[3].text: expected non-empty text',
			'questions[3].items: expected at least 2 items',
			'questions[4].answers[0]: expected min to be at most max',
			'questions[5]: Unrecognized key: "explantion"',
			'questions[6].choices: expected at least one choice with a positive weight',
			'questions[7]: expected unique ids but "x" appears twice',
			'questions[8].answer: is required'
		]);
		expect(errors[0]).toMatchObject({ index: 1, field: 'choices[1].weight' });
	});

	it('reports bad documents without throwing', () => {
		expect(parseQuestionsJson('{ not json').errors[0]).toMatchObject({ index: null, message: expect.stringMatching(/^invalid JSON/) });
		expect(parseQuestionsJson('[]').errors[0].message).toBe('expected an object with a "questions" array');
		expect(parseQuestionsJson('{"questions": [null, 3]}').errors.map((e) => e.index)).toEqual([0, 1]);
	});
});

describe('writeQuestionsJson', () => {
	it('round-trips every question type and drops parse-only fields', () => {
		const questions: Question[] = [
			{ type: 'single', text: 'S', points: 2, tags: ['t'], cite: 'k', choices: [{ id: 'a', text: 'A', weight: 100, feedback: 'f' }, { id: 'b', text: 'B', weight: -50 }] },
			{ type: 'multiple', text: 'M', points: 1, tags: [], choices: [{ id: 'x', text: 'A', weight: 50 }, { id: 'y', text: 'B', weight: 50 }] },
			{ type: 'truefalse', text: 'T', points: 1, tags: [], answer: true, feedbackWrong: 'w', explanation: 'e' },
			{ type: 'short', text: 'Sh', points: 1, tags: [], answers: [{ text: 'x', weight: 100 }] },
			{ type: 'numeric', text: 'N', points: 1, tags: [], answers: [{ kind: 'tolerance', value: 1, tolerance: 0.5, weight: 100 }, { kind: 'range', min: 2, max: 3, weight: 50, feedback: 'f' }] },
			{ type: 'matching', text: 'Ma', points: 1, tags: [], pairs: [{ id: 'm1', prompt: 'a', answer: '1' }, { id: 'm2', prompt: 'b', answer: '2' }] },
			{ type: 'ordering', title: 'O', text: 'O', points: 1, tags: [], items: [{ id: 'o1', text: 'a' }, { id: 'o2', text: 'b' }] }
		];
		const withParseInfo = questions.map((q, i) => ({ ...q, line: i + 1, category: 'c' }));
		const { questions: back, errors } = parseQuestionsJson(writeQuestionsJson(withParseInfo));
		expect(errors).toEqual([]);
		expect(back).toEqual(questions);
	});
});
