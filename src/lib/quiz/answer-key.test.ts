import { describe, it, expect } from 'vitest';
import { shuffleAwayFromOrder, stripAnswers } from './answer-key';
import type { Question } from './types';

// Every secret carries a marker string that must never reach the student before review.
const secret = (what: string) => `SECRET-${what}`;
const common = { text: 'Visible text', points: 3, tags: ['tag-visible'], explanation: secret('explanation'), cite: secret('cite') };

const samples: Question[] = [
	{
		...common,
		type: 'single',
		title: 'Visible title',
		choices: [
			{ id: 'a', text: 'Alpha', weight: 100, feedback: secret('fb-a') },
			{ id: 'b', text: 'Beta', weight: -37, feedback: secret('fb-b') },
			{ id: 'c', text: 'Gamma', weight: 13 }
		]
	},
	{
		...common,
		type: 'multiple',
		choices: [
			{ id: 'a', text: 'Alpha', weight: 61, feedback: secret('fb-a') },
			{ id: 'b', text: 'Beta', weight: 39 },
			{ id: 'c', text: 'Gamma', weight: -71 }
		]
	},
	{ ...common, type: 'truefalse', answer: true, feedbackWrong: secret('wrong'), feedbackRight: secret('right') },
	{ ...common, type: 'short', answers: [{ text: secret('short-answer'), weight: 100, feedback: secret('short-fb') }] },
	{
		...common,
		type: 'numeric',
		answers: [
			{ kind: 'tolerance', value: 1822.75, tolerance: 5.5, weight: 100, feedback: secret('num-fb') },
			{ kind: 'range', min: 1777.25, max: 1888.5, weight: 50 }
		]
	},
	{
		...common,
		type: 'matching',
		pairs: [
			{ id: 'm1', prompt: 'Canada', answer: 'Ottawa' },
			{ id: 'm2', prompt: 'Italy', answer: 'Rome' },
			{ id: 'm3', prompt: 'Japan', answer: 'Tokyo' },
			{ id: 'm4', prompt: '', answer: 'Paris' }
		]
	},
	{
		...common,
		type: 'ordering',
		items: ['First', 'Second', 'Third', 'Fourth'].map((text, i) => ({ id: `o${i + 1}`, text }))
	}
];

describe('stripAnswers', () => {
	it('never includes weights, feedback, explanation, cite, tags or correct answers', () => {
		for (const question of samples) {
			for (const seed of ['s1', 's2', 's3']) {
				const json = JSON.stringify(stripAnswers(question, seed, { shuffleChoices: true }));
				for (const forbidden of ['SECRET', 'weight', 'feedback', 'explanation', 'cite', 'tag-visible', '"answer"', 'kind', 'tolerance', '1822', '1777', '1888', '"pairs"', '-37', '61', '-71']) {
					expect(json, `${question.type}: ${json}`).not.toContain(forbidden);
				}
			}
		}
	});

	it('keeps only text, type, points, title and the options of choice questions', () => {
		expect(stripAnswers(samples[0], 'seed')).toEqual({
			type: 'single',
			title: 'Visible title',
			text: 'Visible text',
			points: 3,
			options: [
				{ id: 'a', text: 'Alpha' },
				{ id: 'b', text: 'Beta' },
				{ id: 'c', text: 'Gamma' }
			]
		});
		for (const question of samples.slice(2, 5)) {
			expect(stripAnswers(question, 'seed')).toEqual({ type: question.type, text: 'Visible text', points: 3 });
		}
	});

	it('shuffles choice options by seed only when asked', () => {
		const ids = (seed: string) => {
			const pub = stripAnswers(samples[1], seed, { shuffleChoices: true });
			return pub.type === 'multiple' ? pub.options.map((o) => o.id).join('') : '';
		};
		expect(ids('x')).toBe(ids('x'));
		expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(ids)).size).toBeGreaterThan(1);
	});

	it('lists matching prompts in order and all answers, distractors included, shuffled', () => {
		const pub = stripAnswers(samples[5], 'seed');
		if (pub.type !== 'matching') throw new Error('expected matching');
		expect(pub.prompts).toEqual([
			{ id: 'm1', prompt: 'Canada' },
			{ id: 'm2', prompt: 'Italy' },
			{ id: 'm3', prompt: 'Japan' }
		]);
		expect([...pub.answers].sort()).toEqual(['Ottawa', 'Paris', 'Rome', 'Tokyo']);
		expect(pub.answers).not.toEqual(['Ottawa', 'Rome', 'Tokyo', 'Paris']);
	});

	it('shuffles ordering items and never shows 3+ items in the correct order', () => {
		for (let i = 0; i < 200; i++) {
			const pub = stripAnswers(samples[6], `attempt-${i}`);
			if (pub.type !== 'ordering') throw new Error('expected ordering');
			expect(pub.items.map((item) => item.id)).not.toEqual(['o1', 'o2', 'o3', 'o4']);
			expect(pub.items.map((item) => item.text).sort()).toEqual(['First', 'Fourth', 'Second', 'Third']);
		}
	});
});

describe('shuffleAwayFromOrder', () => {
	it('is deterministic and leaves 2-item lists to chance', () => {
		expect(shuffleAwayFromOrder([1, 2, 3], 'k')).toEqual(shuffleAwayFromOrder([1, 2, 3], 'k'));
		const orders = new Set(Array.from({ length: 40 }, (_, i) => shuffleAwayFromOrder([1, 2], `k${i}`).join('')));
		expect(orders).toEqual(new Set(['12', '21']));
	});
});
