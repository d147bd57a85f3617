import { describe, it, expect } from 'vitest';
import { stripAnswers } from './answer-key';
import { maxShortAnswerLength, parseResponse } from './responses';
import type { Question } from './types';

const base = { text: 'Q', points: 1, tags: [] as string[] };
const choices = [
	{ id: 'a', text: 'A', weight: 100 },
	{ id: 'b', text: 'B', weight: 0 },
	{ id: 'c', text: 'C', weight: 0 }
];
const single: Question = { ...base, type: 'single', choices };
const multiple: Question = { ...base, type: 'multiple', choices };
const matching: Question = {
	...base,
	type: 'matching',
	pairs: [
		{ id: 'm1', prompt: 'Canada', answer: 'Ottawa' },
		{ id: 'm2', prompt: 'Italy', answer: 'Rome' },
		{ id: 'm3', prompt: '', answer: 'Paris' }
	]
};
const ordering: Question = { ...base, type: 'ordering', items: ['o1', 'o2', 'o3'].map((id) => ({ id, text: id })) };

describe('parseResponse', () => {
	it('reads a single choice, ignoring unknown ids', () => {
		expect(parseResponse(single, { q1: 'b' }, 'q1')).toEqual({ type: 'single', choice: 'b' });
		expect(parseResponse(single, { q1: ['c', 'a'] }, 'q1')).toEqual({ type: 'single', choice: 'c' });
		expect(parseResponse(single, { q1: 'zz' }, 'q1')).toEqual({ type: 'single' });
		expect(parseResponse(single, {}, 'q1')).toEqual({ type: 'single' });
	});

	it('reads multiple choices in option order, deduplicated, unknown ids dropped', () => {
		expect(parseResponse(multiple, { q1: ['c', 'zz', 'a', 'c'] }, 'q1')).toEqual({ type: 'multiple', choices: ['a', 'c'] });
		expect(parseResponse(multiple, { q1: 'b' }, 'q1')).toEqual({ type: 'multiple', choices: ['b'] });
		expect(parseResponse(multiple, {}, 'q1')).toEqual({ type: 'multiple', choices: [] });
	});

	it('works from the public question too', () => {
		const pub = stripAnswers(multiple, 'seed', { shuffleChoices: true });
		expect(parseResponse(pub, { q1: ['b', 'x'] }, 'q1')).toEqual({ type: 'multiple', choices: ['b'] });
	});

	it('reads true/false', () => {
		const tf: Question = { ...base, type: 'truefalse', answer: true };
		expect(parseResponse(tf, { q: 'true' }, 'q')).toEqual({ type: 'truefalse', value: true });
		expect(parseResponse(tf, { q: 'false' }, 'q')).toEqual({ type: 'truefalse', value: false });
		expect(parseResponse(tf, { q: 'yes' }, 'q')).toEqual({ type: 'truefalse' });
	});

	it('trims and truncates short answers', () => {
		const short: Question = { ...base, type: 'short', answers: [{ text: 'x', weight: 100 }] };
		expect(parseResponse(short, { q: '  no one \n' }, 'q')).toEqual({ type: 'short', text: 'no one' });
		const long = parseResponse(short, { q: 'y'.repeat(900) }, 'q');
		expect(long.type === 'short' && long.text.length).toBe(maxShortAnswerLength);
		expect(parseResponse(short, {}, 'q')).toEqual({ type: 'short', text: '' });
	});

	it('accepts only dot decimals with an optional leading minus for numeric answers', () => {
		const numeric: Question = { ...base, type: 'numeric', answers: [{ kind: 'tolerance', value: 1, tolerance: 0, weight: 100 }] };
		const read = (value: string) => parseResponse(numeric, { q: value }, 'q');
		expect(read(' 3.5 ')).toEqual({ type: 'numeric', value: 3.5 });
		expect(read('-12')).toEqual({ type: 'numeric', value: -12 });
		expect(read('.5')).toEqual({ type: 'numeric', value: 0.5 });
		for (const bad of ['3,5', '1e3', '+4', '--1', 'abc', '', 'Infinity', '0x10', '1 000']) {
			expect(read(bad)).toEqual({ type: 'numeric' });
		}
	});

	it('reads matching selections by pair id, only for prompts and known answers', () => {
		const form = { 'q.m1': 'Ottawa', 'q.m2': 'Paris', 'q.m3': 'Rome', 'q.m9': 'Rome' };
		expect(parseResponse(matching, form, 'q')).toEqual({ type: 'matching', matches: { m1: 'Ottawa', m2: 'Paris' } });
		expect(parseResponse(matching, { 'q.m1': 'Berlin' }, 'q')).toEqual({ type: 'matching', matches: {} });
		const pub = stripAnswers(matching, 's');
		expect(parseResponse(pub, form, 'q')).toEqual({ type: 'matching', matches: { m1: 'Ottawa', m2: 'Paris' } });
	});

	it('turns ordering positions into an order, and anything but a permutation into unanswered', () => {
		const read = (form: Record<string, string>) => parseResponse(ordering, form, 'q');
		expect(read({ 'q.o1': '3', 'q.o2': '1', 'q.o3': '2' })).toEqual({ type: 'ordering', order: ['o2', 'o3', 'o1'] });
		const unanswered = { type: 'ordering', order: [] };
		expect(read({ 'q.o1': '1', 'q.o2': '1', 'q.o3': '2' })).toEqual(unanswered);
		expect(read({ 'q.o1': '1', 'q.o2': '2' })).toEqual(unanswered);
		expect(read({ 'q.o1': '1', 'q.o2': '2', 'q.o3': '4' })).toEqual(unanswered);
		expect(read({ 'q.o1': '1', 'q.o2': '2', 'q.o3': '2.5' })).toEqual(unanswered);
		expect(read({ 'q.o1': '0', 'q.o2': '1', 'q.o3': '2' })).toEqual(unanswered);
		expect(parseResponse(stripAnswers(ordering, 's'), { 'q.o1': '1', 'q.o2': '2', 'q.o3': '3' }, 'q')).toEqual({
			type: 'ordering',
			order: ['o1', 'o2', 'o3']
		});
	});

	it('does not read inherited properties as form fields', () => {
		expect(parseResponse(single, {}, 'constructor')).toEqual({ type: 'single' });
		expect(parseResponse(multiple, {}, 'toString')).toEqual({ type: 'multiple', choices: [] });
	});
});
