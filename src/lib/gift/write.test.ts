import { describe, it, expect } from 'vitest';
import type { Question } from '../quiz/types';
import { parseGift, stripParseInfo } from './parse';
import { escapeGiftText, writeGift } from './write';

const tricky = 'Braces {x}, tilde ~, equals =, hash #, colon: a\\b,\nnew line and ## twice';

const samples: Question[] = [
	{
		type: 'single',
		title: 'kc-lactate',
		text: 'Which clears lactate fastest?',
		points: 1,
		tags: ['lactate', 'circulation'],
		cite: 'wiltshire2010',
		explanation: 'Active recovery beat massage in Wiltshire 2010.',
		choices: [
			{ id: 'a', text: 'Active recovery', weight: 100, feedback: 'Yes.' },
			{ id: 'b', text: 'Massage', weight: 0, feedback: 'No: it slowed clearance.' },
			{ id: 'c', text: 'Passive rest', weight: 50 }
		]
	},
	{
		type: 'single',
		text: 'Single without a 100% answer and with a % text',
		points: 2.5,
		tags: [],
		choices: [
			{ id: 'a', text: '%50% of people', weight: 60 },
			{ id: 'b', text: '[html] looks like a marker', weight: 0 },
			{ id: 'c', text: '//not a comment', weight: -50 }
		]
	},
	{
		type: 'single',
		text: 'Two fully correct answers',
		points: 1,
		tags: [],
		choices: [
			{ id: 'a', text: 'One', weight: 100 },
			{ id: 'b', text: 'Other', weight: 100 }
		]
	},
	{
		type: 'multiple',
		text: tricky,
		points: 1,
		tags: [],
		choices: [
			{ id: 'a', text: 'A {b}', weight: 50, feedback: tricky },
			{ id: 'b', text: 'B', weight: 50 },
			{ id: 'c', text: 'C', weight: -100 },
			{ id: 'd', text: 'D', weight: 0 }
		]
	},
	{ type: 'truefalse', text: 'Massage flushes lactate.', points: 1, tags: [], answer: false },
	{
		type: 'truefalse',
		text: 'Right feedback only',
		points: 1,
		tags: [],
		answer: true,
		feedbackRight: 'Well done # really',
		explanation: 'Because.'
	},
	{ type: 'truefalse', text: 'Both', points: 1, tags: [], answer: true, feedbackWrong: 'W', feedbackRight: 'R' },
	{
		type: 'short',
		text: "Who's buried in Grant's tomb?",
		points: 1,
		tags: [],
		answers: [
			{ text: 'nobody', weight: 100 },
			{ text: '%no one', weight: 100, feedback: 'odd but fine' },
			{ text: 'Grant = Ulysses', weight: 50, feedback: 'Half' }
		]
	},
	{
		type: 'numeric',
		text: 'Grant was born in?',
		points: 1,
		tags: [],
		answers: [{ kind: 'tolerance', value: 1822, tolerance: 5, weight: 100, feedback: 'Close enough' }],
		explanation: 'April 1822.'
	},
	{ type: 'numeric', text: 'Exact', points: 1, tags: [], answers: [{ kind: 'tolerance', value: -3.25, tolerance: 0, weight: 100 }] },
	{
		type: 'numeric',
		text: 'Several',
		points: 1,
		tags: [],
		answers: [
			{ kind: 'tolerance', value: 10, tolerance: 0, weight: 100 },
			{ kind: 'tolerance', value: 10, tolerance: 2, weight: 50, feedback: 'Close' },
			{ kind: 'range', min: -5, max: 1e-7, weight: 0 }
		]
	},
	{ type: 'numeric', text: 'Range', points: 1, tags: [], answers: [{ kind: 'range', min: 1, max: 5, weight: 100 }] },
	{
		type: 'matching',
		text: 'Match the country: to its capital',
		points: 3,
		tags: ['geo'],
		explanation: 'Capitals.',
		pairs: [
			{ id: 'm1', prompt: 'Canada', answer: 'Ottawa' },
			{ id: 'm2', prompt: 'Italy = Roma', answer: 'Rome -> Roma' },
			{ id: 'm3', prompt: 'Japan', answer: 'Tokyo' },
			{ id: 'm4', prompt: '', answer: 'Paris' }
		]
	},
	{
		type: 'single',
		text: 'Grant is _____ in his tomb.',
		points: 1,
		tags: [],
		choices: [
			{ id: 'a', text: 'buried', weight: 0 },
			{ id: 'b', text: 'entombed', weight: 100 }
		]
	}
];

describe('writeGift', () => {
	it('round-trips every GIFT type through parseGift', () => {
		const { gift, skipped } = writeGift(samples);
		expect(skipped).toEqual([]);
		const { questions, errors } = parseGift(gift);
		expect(errors).toEqual([]);
		expect(questions.map(stripParseInfo)).toEqual(samples);
	});

	it('round-trips question by question, so each sample is checked on its own', () => {
		for (const sample of samples) {
			const { questions, errors } = parseGift(writeGift([sample]).gift);
			expect(errors).toEqual([]);
			expect(questions.map(stripParseInfo)).toEqual([sample]);
		}
	});

	it('writes the category first, and parse applies it', () => {
		const { gift } = writeGift(samples.slice(0, 2), { category: 'top/Science of Massage' });
		expect(gift.startsWith('$CATEGORY: top/Science of Massage\n\n')).toBe(true);
		expect(parseGift(gift).questions.map((q) => q.category)).toEqual(['top/Science of Massage', 'top/Science of Massage']);
	});

	it('writes conventions as comments and the explanation as general feedback', () => {
		const { gift } = writeGift([samples[0]]);
		expect(gift).toBe(
			[
				'// cite: wiltshire2010',
				'// tags: lactate, circulation',
				'::kc-lactate::Which clears lactate fastest? {',
				'\t=Active recovery#Yes.',
				'\t~Massage#No\\: it slowed clearance.',
				'\t~%50%Passive rest',
				'\t####Active recovery beat massage in Wiltshire 2010.',
				'}',
				''
			].join('\n')
		);
	});

	it('skips ordering questions (and unwritable ones) with a reason instead of throwing', () => {
		const ordering: Question = {
			type: 'ordering',
			text: 'Order these.',
			points: 1,
			tags: [],
			items: [
				{ id: 'o1', text: 'First' },
				{ id: 'o2', text: 'Second' }
			]
		};
		const arrowPrompt: Question = {
			type: 'matching',
			text: 'Bad prompt',
			points: 1,
			tags: [],
			pairs: [
				{ id: 'm1', prompt: 'a -> b', answer: 'c' },
				{ id: 'm2', prompt: 'd', answer: 'e' }
			]
		};
		const commaTag: Question = { type: 'truefalse', text: 'T', points: 1, tags: ['a, b'], answer: true };
		const { gift, skipped } = writeGift([ordering, samples[4], arrowPrompt, commaTag]);
		expect(skipped.map((s) => s.question)).toEqual([ordering, arrowPrompt, commaTag]);
		expect(skipped[0].reason).toMatch(/ordering questions cannot be expressed in GIFT/);
		expect(parseGift(gift).questions.map(stripParseInfo)).toEqual([samples[4]]);
	});

	it('returns an empty string for no questions', () => {
		expect(writeGift([])).toEqual({ gift: '', skipped: [] });
	});
});

describe('escapeGiftText', () => {
	it('escapes every control character and newlines', () => {
		expect(escapeGiftText('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
	});
});
