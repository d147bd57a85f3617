import { describe, expect, it } from 'vitest';
import type { Question } from './types';
import { findQuestionProblems, labelQuestion, maxFraction, validateQuizForPublish, worstReachablePercent, type PublishInput } from './validate';

const base = { text: 'Which one?', points: 1, tags: [] as string[] };
const single = (weights: number[]): Question => ({
	...base,
	type: 'single',
	choices: weights.map((weight, i) => ({ id: `c${i}`, text: `Option ${i}`, weight }))
});
const multiple = (weights: number[]): Question => ({ ...single(weights), type: 'multiple' }) as Question;

const good: Question[] = [
	single([100, 0, -50]),
	multiple([50, 50, -100]),
	{ ...base, type: 'truefalse', answer: false },
	{ ...base, type: 'short', answers: [{ text: 'lactate', weight: 100 }, { text: 'lactic acid', weight: 50 }] },
	{ ...base, type: 'numeric', answers: [{ kind: 'range', min: 1, max: 2, weight: 100 }] },
	{ ...base, type: 'numeric', answers: [{ kind: 'tolerance', value: 3, tolerance: 0.5, weight: 100 }] },
	{
		...base,
		type: 'matching',
		pairs: [
			{ id: 'm1', prompt: 'Heart', answer: 'Pump' },
			{ id: 'm2', prompt: 'Lung', answer: 'Gas exchange' },
			{ id: 'm3', prompt: '', answer: 'Distractor' }
		]
	},
	{ ...base, type: 'ordering', items: [{ id: 'o1', text: 'First' }, { id: 'o2', text: 'Second' }] }
];

const quiz = (overrides: Partial<PublishInput> = {}): PublishInput => ({
	passingPercent: 70,
	drawCount: null,
	questions: good.map((question, i) => ({ label: `Question ${i + 1}`, question })),
	draws: [],
	...overrides
});

describe('findQuestionProblems', () => {
	it('accepts a well-formed question of every type', () => {
		for (const question of good) expect(findQuestionProblems(question), question.type).toEqual([]);
	});

	it('finds questions no answer can get fully right', () => {
		expect(findQuestionProblems(single([0, 0]))).toEqual(['has no correct option (give one option 100%)']);
		expect(findQuestionProblems(single([50, 0]))).toEqual(['has no option worth 100% (the best is worth 50%)']);
		expect(findQuestionProblems(multiple([40, 40, -20]))[0]).toMatch(/adding up to 80%, so full credit is impossible/);
		expect(findQuestionProblems(multiple([60, 60]))[0]).toMatch(/adding up to 120%/);
		expect(findQuestionProblems({ ...base, type: 'short', answers: [] })).toEqual(['needs at least one accepted answer']);
		expect(findQuestionProblems({ ...base, type: 'short', answers: [{ text: 'half', weight: 50 }] })).toEqual(['has no accepted answer worth 100%']);
		const tooLong = { ...base, type: 'short' as const, answers: [{ text: 'x'.repeat(501), weight: 100 }] };
		expect(findQuestionProblems(tooLong).join()).toMatch(/longer than the 500 characters/);
		const backwards = { ...base, type: 'numeric' as const, answers: [{ kind: 'range' as const, min: 5, max: 1, weight: 100 }] };
		expect(findQuestionProblems(backwards)[0]).toMatch(/minimum is above its maximum/);
	});

	it('finds missing text, too few options, duplicates and bad points', () => {
		expect(findQuestionProblems({ ...single([100, 0]), text: '  ' })).toContain('has no question text');
		expect(findQuestionProblems({ ...single([100, 0]), points: 0 })).toContain('must be worth more than 0 points');
		expect(findQuestionProblems(single([100]))).toContain('needs at least 2 options');
		const twins: Question = { ...base, type: 'single', choices: [{ id: 'a', text: 'Same', weight: 100 }, { id: 'b', text: ' same ', weight: 0 }] };
		expect(findQuestionProblems(twins)).toEqual(['options 1 and 2 have the same text']);
		const onePrompt: Question = { ...base, type: 'matching', pairs: [{ id: 'm1', prompt: 'A', answer: 'B' }, { id: 'm2', prompt: '', answer: 'C' }] };
		expect(findQuestionProblems(onePrompt)).toEqual(['needs at least 2 pairs with a prompt']);
		const sameItems: Question = { ...base, type: 'ordering', items: [{ id: 'o1', text: 'A' }, { id: 'o2', text: 'A' }] };
		expect(findQuestionProblems(sameItems)[0]).toMatch(/order is ambiguous/);
	});

	it('computes the best reachable fraction like the grader', () => {
		expect(maxFraction(single([100, 0]))).toBe(1);
		expect(maxFraction(single([30, -100]))).toBeCloseTo(0.3);
		expect(maxFraction(multiple([33.33333, 33.33333, 33.33333]))).toBeCloseTo(1);
		expect(findQuestionProblems(multiple([33.33333, 33.33333, 33.33334]))).toEqual([]);
		expect(worstReachablePercent([single([100, 0]), single([50, 0])], null)).toBe(75);
		expect(worstReachablePercent([single([100, 0]), single([50, 0])], 1)).toBe(50);
	});
});

describe('validateQuizForPublish', () => {
	it('passes a quiz whose questions are all answerable', () => {
		expect(validateQuizForPublish(quiz())).toEqual([]);
	});

	it('names every broken question with its label', () => {
		const problems = validateQuizForPublish(
			quiz({ questions: [{ label: 'Question 1', question: good[0] }, { label: 'Question 2 (Broken)', question: single([0, 0]) }] })
		);
		expect(problems).toContainEqual({ where: 'Question 2 (Broken)', message: 'has no correct option (give one option 100%)' });
	});

	it('refuses an empty quiz, an impossible passing score and a draw larger than the pool', () => {
		expect(validateQuizForPublish(quiz({ questions: [] }))).toContainEqual({
			where: 'Settings',
			message: 'the quiz has no questions: add questions or a draw rule'
		});
		expect(validateQuizForPublish(quiz({ passingPercent: 120 }))[0].message).toMatch(/between 0% and 100%/);
		expect(validateQuizForPublish(quiz({ drawCount: 20 }))[0].message).toBe('asks 20 questions per attempt but only 8 are available');
		expect(validateQuizForPublish(quiz({ drawCount: 0 }))[0].message).toMatch(/at least 1/);
	});

	it('refuses a passing score that no attempt can reach', () => {
		const half = (weight: number): Question => single([weight, 0]);
		// A question worth at most 50% is already a problem; the passing score check states the consequence.
		const problems = validateQuizForPublish(
			quiz({ passingPercent: 80, questions: [{ label: 'Q1', question: half(100) }, { label: 'Q2', question: half(50) }] })
		);
		expect(problems.map((p) => p.message)).toContain('the passing score (80%) cannot be reached: even with every answer right an attempt can score only 75%');
		expect(validateQuizForPublish(quiz({ passingPercent: 75, questions: [{ label: 'Q1', question: half(100) }, { label: 'Q2', question: half(50) }] })).map((p) => p.where)).toEqual(['Q2']);
	});

	it('checks draw rules: enough tagged bank questions, each of them answerable', () => {
		const candidates = [
			{ id: 11, label: 'Bank question 11', question: good[2] },
			{ id: 12, label: 'Bank question 12', question: single([0, 0]) }
		];
		const problems = validateQuizForPublish(quiz({ questions: [], draws: [{ tag: 'lactate', count: 3, candidates }] }));
		expect(problems).toContainEqual({ where: 'Draw rule “lactate”', message: 'asks for 3 but there are only 2 bank questions with this tag outside the quiz' });
		expect(problems).toContainEqual({ where: 'Bank question 12 (may be drawn by “lactate”)', message: 'has no correct option (give one option 100%)' });
		const empty = validateQuizForPublish(quiz({ questions: [], draws: [{ tag: 'none', count: 1, candidates: [] }] }));
		expect(empty.map((p) => p.message)).toEqual([
			'asks for 1 but there are no bank questions with this tag outside the quiz',
			'the quiz has no questions: add questions or a draw rule'
		]);
		const fine = validateQuizForPublish(quiz({ questions: [], draws: [{ tag: 'ok', count: 1, candidates: candidates.slice(0, 1) }] }));
		expect(fine).toEqual([]);
	});

	it('counts bank questions shared by two draw rules once', () => {
		const shared = [{ id: 1, label: 'Bank question 1', question: good[2] }];
		const problems = validateQuizForPublish(
			quiz({ questions: [], draws: [{ tag: 'a', count: 1, candidates: shared }, { tag: 'b', count: 1, candidates: shared }] })
		);
		expect(problems).toEqual([{ where: 'Draw rules', message: 'ask for 2 questions in all but only 1 different bank questions match their tags' }]);
	});
});

describe('labelQuestion', () => {
	it('uses the title or the start of the text on one line', () => {
		expect(labelQuestion('Question 2', { text: 'Short' })).toBe('Question 2 (Short)');
		expect(labelQuestion('Question 2', { text: 'a\nb', title: 'kc-1' })).toBe('Question 2 (kc-1)');
		expect(labelQuestion('Q', { text: 'x'.repeat(100) }, 10)).toBe(`Q (${'x'.repeat(9)}…)`);
	});
});
