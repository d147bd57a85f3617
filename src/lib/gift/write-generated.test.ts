import { describe, it, expect } from 'vitest';
import type { Question } from '../quiz/types';
import { parseGift, stripParseInfo } from './parse';
import { writeGift } from './write';

describe('writeGift round trip on generated questions', () => {
	// Deterministic generator (LCG) over GIFT's awkward characters, so escaping bugs surface.
	let state = 12345;
	const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
	const alphabet = ['a', 'b', ' ', '~', '=', '#', '{', '}', ':', '\\', '\n', '%', '-', '>', '[html]', '//', '_____', '####', 'T', 'n'];
	/** Trimmed, non-empty; withArrow false removes "->", which GIFT cannot hold in prompts or short answers. */
	const makeText = (withArrow = true) => {
		let text = '';
		const length = 1 + Math.floor(next() * 12);
		for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
		const trimmed = (withArrow ? text : text.replace(/>/g, '')).trim();
		return trimmed === '' ? 'x' : trimmed;
	};
	const makeOptional = () => (next() < 0.5 ? { feedback: makeText() } : {});

	it('reads back 200 generated questions of every GIFT type', () => {
		const questions: Question[] = [];
		for (let n = 0; n < 200; n++) {
			const common = { text: makeText(), points: 1, tags: [] as string[], ...(next() < 0.5 && { explanation: makeText() }) };
			const kind = n % 5;
			if (kind === 0) {
				questions.push({
					...common,
					type: 'single',
					choices: [
						{ id: 'a', text: makeText(), weight: 100, ...makeOptional() },
						{ id: 'b', text: makeText(), weight: 0, ...makeOptional() },
						{ id: 'c', text: makeText(), weight: -25 }
					]
				});
			} else if (kind === 1) {
				questions.push({ ...common, type: 'truefalse', answer: next() < 0.5, ...(next() < 0.5 && { feedbackRight: makeText() }) });
			} else if (kind === 2) {
				questions.push({ ...common, type: 'short', answers: [{ text: makeText(false), weight: 100, ...makeOptional() }] });
			} else if (kind === 3) {
				questions.push({
					...common,
					type: 'matching',
					pairs: [
						{ id: 'm1', prompt: makeText(false), answer: makeText() },
						{ id: 'm2', prompt: makeText(false), answer: makeText() }
					]
				});
			} else {
				questions.push({
					...common,
					type: 'numeric',
					answers: [{ kind: 'tolerance', value: Math.round(next() * 1000) / 10, tolerance: 0.5, weight: 100, ...makeOptional() }]
				});
			}
		}
		const { gift, skipped } = writeGift(questions);
		expect(skipped).toEqual([]);
		const parsed = parseGift(gift);
		expect(parsed.errors).toEqual([]);
		expect(parsed.questions.map(stripParseInfo)).toEqual(questions);
	});
});
