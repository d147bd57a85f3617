import { describe, it, expect } from 'vitest';
import { containsNumber, gradeAttempt, gradeQuestion, normalizeShortAnswer } from './grade';
import type { Question } from './types';

const base = { text: 'Q', points: 2, tags: [] as string[] };

const single: Question = {
	...base,
	type: 'single',
	choices: [
		{ id: 'a', text: 'Right', weight: 100, feedback: 'Yes' },
		{ id: 'b', text: 'Half', weight: 50, feedback: 'Partly' },
		{ id: 'c', text: 'Harmful', weight: -100, feedback: 'No' },
		{ id: 'd', text: 'Wrong', weight: 0 }
	]
};
const multiple: Question = {
	...base,
	type: 'multiple',
	choices: [
		{ id: 'a', text: 'A', weight: 50, feedback: 'fa' },
		{ id: 'b', text: 'B', weight: 50 },
		{ id: 'c', text: 'C', weight: -100, feedback: 'fc' },
		{ id: 'd', text: 'D', weight: 0 }
	]
};
const truefalse: Question = { ...base, type: 'truefalse', answer: false, feedbackWrong: 'W', feedbackRight: 'R' };
const short: Question = {
	...base,
	type: 'short',
	answers: [
		{ text: 'No one', weight: 100 },
		{ text: 'Grant', weight: 50, feedback: 'Half' },
		{ text: 'grant', weight: 25 }
	]
};
const numeric: Question = {
	...base,
	type: 'numeric',
	answers: [
		{ kind: 'tolerance', value: 1.1, tolerance: 0.1, weight: 100, feedback: 'Exact' },
		{ kind: 'range', min: 0, max: 5, weight: 50, feedback: 'Near' }
	]
};
const matching: Question = {
	...base,
	type: 'matching',
	pairs: [
		{ id: 'm1', prompt: 'Canada', answer: 'Ottawa' },
		{ id: 'm2', prompt: 'Italy', answer: 'Rome' },
		{ id: 'm3', prompt: 'Japan', answer: 'Tokyo' },
		{ id: 'm4', prompt: '', answer: 'Paris' }
	]
};
const ordering: Question = {
	...base,
	type: 'ordering',
	items: ['o1', 'o2', 'o3', 'o4'].map((id) => ({ id, text: id }))
};

describe('gradeQuestion: single choice', () => {
	it('scores the chosen weight, with feedback and points', () => {
		expect(gradeQuestion(single, { type: 'single', choice: 'a' })).toEqual({ fraction: 1, points: 2, status: 'correct', feedback: ['Yes'] });
		expect(gradeQuestion(single, { type: 'single', choice: 'b' })).toEqual({ fraction: 0.5, points: 1, status: 'partial', feedback: ['Partly'] });
		expect(gradeQuestion(single, { type: 'single', choice: 'd' })).toEqual({ fraction: 0, points: 0, status: 'incorrect', feedback: [] });
	});

	it('clamps a negative weight to 0 at question level', () => {
		expect(gradeQuestion(single, { type: 'single', choice: 'c' })).toMatchObject({ fraction: 0, points: 0, status: 'incorrect', feedback: ['No'] });
	});

	it('treats no choice, an unknown id, a wrong response type or undefined as unanswered', () => {
		const unanswered = { fraction: 0, points: 0, status: 'unanswered', feedback: [] };
		expect(gradeQuestion(single, { type: 'single' })).toEqual(unanswered);
		expect(gradeQuestion(single, { type: 'single', choice: 'zz' })).toEqual(unanswered);
		expect(gradeQuestion(single, { type: 'truefalse', value: true })).toEqual(unanswered);
		expect(gradeQuestion(single, undefined)).toEqual(unanswered);
	});
});

describe('gradeQuestion: multiple response', () => {
	it.each([
		[['a', 'b'], 1, 'correct'],
		[['a'], 0.5, 'partial'],
		[['a', 'b', 'd'], 1, 'correct'],
		[['a', 'c'], 0, 'incorrect'],
		[['a', 'b', 'c'], 0, 'incorrect'],
		[['d'], 0, 'incorrect'],
		[['a', 'a'], 0.5, 'partial']
	] as const)('%j scores %s', (choices, fraction, status) => {
		expect(gradeQuestion(multiple, { type: 'multiple', choices: [...choices] })).toMatchObject({ fraction, status });
	});

	it('clamps to 1 and collects feedback of chosen options in option order', () => {
		const generous: Question = { ...base, type: 'multiple', choices: [{ id: 'a', text: 'A', weight: 100 }, { id: 'b', text: 'B', weight: 100 }] };
		expect(gradeQuestion(generous, { type: 'multiple', choices: ['a', 'b'] }).fraction).toBe(1);
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['c', 'a'] }).feedback).toEqual(['fa', 'fc']);
	});

	it('counts 3 x 33.33333% as fully correct', () => {
		const thirds: Question = {
			...base,
			type: 'multiple',
			choices: ['a', 'b', 'c'].map((id) => ({ id, text: id, weight: 33.33333 }))
		};
		expect(gradeQuestion(thirds, { type: 'multiple', choices: ['a', 'b', 'c'] })).toMatchObject({ fraction: 1, status: 'correct' });
	});

	it('is unanswered with no (known) choices', () => {
		expect(gradeQuestion(multiple, { type: 'multiple', choices: [] }).status).toBe('unanswered');
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['zz'] }).status).toBe('unanswered');
	});
});

describe('gradeQuestion: true/false', () => {
	it('scores and picks right or wrong feedback', () => {
		expect(gradeQuestion(truefalse, { type: 'truefalse', value: false })).toEqual({ fraction: 1, points: 2, status: 'correct', feedback: ['R'] });
		expect(gradeQuestion(truefalse, { type: 'truefalse', value: true })).toEqual({ fraction: 0, points: 0, status: 'incorrect', feedback: ['W'] });
		expect(gradeQuestion(truefalse, { type: 'truefalse' }).status).toBe('unanswered');
	});
});

describe('gradeQuestion: short answer', () => {
	it('ignores case, surrounding whitespace and repeated inner whitespace', () => {
		expect(gradeQuestion(short, { type: 'short', text: '  NO    one \n' })).toMatchObject({ fraction: 1, status: 'correct' });
		expect(normalizeShortAnswer('  A \t B  ')).toBe('a b');
	});

	it('takes the best matching answer', () => {
		expect(gradeQuestion(short, { type: 'short', text: 'GRANT' })).toMatchObject({ fraction: 0.5, status: 'partial', feedback: ['Half'] });
	});

	it('is incorrect when nothing matches and unanswered when blank', () => {
		expect(gradeQuestion(short, { type: 'short', text: 'Lincoln' })).toMatchObject({ fraction: 0, status: 'incorrect' });
		expect(gradeQuestion(short, { type: 'short', text: '   ' }).status).toBe('unanswered');
	});
});

describe('gradeQuestion: numeric', () => {
	it('includes both tolerance edges despite floating point', () => {
		for (const value of [1.0, 1.2, 1.1, 1.05]) {
			expect(gradeQuestion(numeric, { type: 'numeric', value })).toMatchObject({ fraction: 1, feedback: ['Exact'] });
		}
	});

	it('falls back to the best other answer, range edges inclusive', () => {
		expect(gradeQuestion(numeric, { type: 'numeric', value: 1.21 })).toMatchObject({ fraction: 0.5, status: 'partial', feedback: ['Near'] });
		expect(gradeQuestion(numeric, { type: 'numeric', value: 0 })).toMatchObject({ fraction: 0.5 });
		expect(gradeQuestion(numeric, { type: 'numeric', value: 5 })).toMatchObject({ fraction: 0.5 });
		expect(gradeQuestion(numeric, { type: 'numeric', value: 5.001 })).toMatchObject({ fraction: 0, status: 'incorrect' });
		expect(gradeQuestion(numeric, { type: 'numeric', value: -0.001 })).toMatchObject({ fraction: 0, status: 'incorrect' });
	});

	it('is unanswered without a finite value', () => {
		expect(gradeQuestion(numeric, { type: 'numeric' }).status).toBe('unanswered');
		expect(gradeQuestion(numeric, { type: 'numeric', value: Number.NaN }).status).toBe('unanswered');
	});

	it('containsNumber handles negative ranges and zero tolerance', () => {
		expect(containsNumber({ kind: 'range', min: -5, max: -1, weight: 100 }, -5)).toBe(true);
		expect(containsNumber({ kind: 'range', min: -5, max: -1, weight: 100 }, -0.9)).toBe(false);
		expect(containsNumber({ kind: 'tolerance', value: 3, tolerance: 0, weight: 100 }, 3)).toBe(true);
		expect(containsNumber({ kind: 'tolerance', value: 3, tolerance: 0, weight: 100 }, 3.001)).toBe(false);
	});
});

describe('gradeQuestion: matching', () => {
	it('scores correct pairs over non-distractor pairs', () => {
		const all = { m1: 'Ottawa', m2: 'Rome', m3: 'Tokyo' };
		expect(gradeQuestion(matching, { type: 'matching', matches: all })).toMatchObject({ fraction: 1, status: 'correct' });
		const two = gradeQuestion(matching, { type: 'matching', matches: { m1: 'Ottawa', m2: 'Rome', m3: 'Paris' } });
		expect(two.fraction).toBeCloseTo(2 / 3);
		expect(two.status).toBe('partial');
		expect(gradeQuestion(matching, { type: 'matching', matches: { m1: 'Paris' } })).toMatchObject({ fraction: 0, status: 'incorrect' });
		expect(gradeQuestion(matching, { type: 'matching', matches: {} }).status).toBe('unanswered');
	});
});

describe('gradeQuestion: ordering', () => {
	it('gives positional credit: items in their correct slot over all items', () => {
		expect(gradeQuestion(ordering, { type: 'ordering', order: ['o1', 'o2', 'o3', 'o4'] })).toMatchObject({ fraction: 1, points: 2 });
		expect(gradeQuestion(ordering, { type: 'ordering', order: ['o1', 'o2', 'o4', 'o3'] })).toMatchObject({ fraction: 0.5, status: 'partial' });
		expect(gradeQuestion(ordering, { type: 'ordering', order: ['o4', 'o3', 'o2', 'o1'] })).toMatchObject({ fraction: 0, status: 'incorrect' });
		expect(gradeQuestion(ordering, { type: 'ordering', order: [] }).status).toBe('unanswered');
	});
});

describe('gradeAttempt', () => {
	it('sums points and computes the percentage', () => {
		const result = gradeAttempt(
			[single, truefalse, { ...short, points: 1 }],
			[{ type: 'single', choice: 'b' }, { type: 'truefalse', value: false }, undefined]
		);
		expect(result.results.map((r) => r.status)).toEqual(['partial', 'correct', 'unanswered']);
		expect(result.totalPoints).toBe(3);
		expect(result.maxPoints).toBe(5);
		expect(result.percent).toBe(60);
	});

	it('is 0% for an empty attempt', () => {
		expect(gradeAttempt([], [])).toEqual({ results: [], totalPoints: 0, maxPoints: 0, percent: 0 });
	});
});
