// Parsers for the answer block of each GIFT question type except numeric (see numeric.ts).
// Each returns the type-specific part of a Question and throws GiftSyntaxError with a line number.
import type { Choice, MatchPair, ShortAnswer } from '../quiz/types';
import { findUnescaped, splitAtUnescaped, unitsToText, type Unit } from './lexer';
import { GiftSyntaxError, cleanText, optionalText, readMarkedParts, readWeight, splitFeedback } from './syntax';

/** 'a', 'b', ... 'z', 'aa', 'ab', ... like spreadsheet columns, so ids never run out. */
export function createChoiceId(index: number): string {
	let id = '';
	let n = index + 1;
	while (n > 0) {
		const rem = (n - 1) % 26;
		id = String.fromCharCode(97 + rem) + id;
		n = Math.floor((n - 1) / 26);
	}
	return id;
}

export type ChoicePart = { type: 'single' | 'multiple'; choices: Choice[] };

/**
 * "=" marks a fully correct answer, "~" a wrong one; either may carry a %weight%.
 * As in Moodle, the question is single-choice when any "=" is present, multiple-response otherwise.
 * Unlike Moodle, "=%50%" keeps its weight instead of being read as the text "%50%".
 */
export function parseChoiceAnswers(units: Unit[], line: number): ChoicePart {
	const parts = readMarkedParts(units, '~=', line);
	const choices = parts.map((part, index): Choice => {
		const { weight, rest } = readWeight(part.units, part.marker === '=' ? 100 : 0);
		const { body, feedback } = splitFeedback(rest);
		const text = cleanText(body);
		if (text === '') throw new GiftSyntaxError(part.line, `expected answer text after "${part.marker}"`);
		return { id: createChoiceId(index), text, weight, ...(feedback !== undefined && { feedback }) };
	});
	if (choices.length < 2) {
		throw new GiftSyntaxError(line, 'expected at least 2 answers in a multiple-choice question');
	}
	if (!choices.some((choice) => choice.weight > 0)) {
		throw new GiftSyntaxError(line, 'expected at least one answer with "=" or a positive %weight%');
	}
	const single = parts.some((part) => part.marker === '=');
	return { type: single ? 'single' : 'multiple', choices };
}

export function parseShortAnswers(units: Unit[], line: number): { type: 'short'; answers: ShortAnswer[] } {
	const parts = readMarkedParts(units, '=', line);
	const answers = parts.map((part): ShortAnswer => {
		const { weight, rest } = readWeight(part.units, 100);
		const { body, feedback } = splitFeedback(rest);
		const text = cleanText(body);
		if (text === '') throw new GiftSyntaxError(part.line, 'expected answer text after "="');
		return { text, weight, ...(feedback !== undefined && { feedback }) };
	});
	if (answers.length === 0) throw new GiftSyntaxError(line, 'expected at least one "=" answer');
	return { type: 'short', answers };
}

const trueWords = new Set(['T', 'TRUE']);
const falseWords = new Set(['F', 'FALSE']);

/** Head of a true/false block ("T", "FALSE", ...), or null when the block is something else. */
export function readTrueFalseWord(units: Unit[]): boolean | null {
	const [head] = splitAtUnescaped(units, '#', 2);
	const word = unitsToText(head).trim().toUpperCase();
	if (trueWords.has(word)) return true;
	if (falseWords.has(word)) return false;
	return null;
}

/** {T#feedback if wrong#feedback if right}, as Moodle's split_truefalse_comment. */
export function parseTrueFalse(units: Unit[], line: number) {
	const answer = readTrueFalseWord(units);
	if (answer === null) throw new GiftSyntaxError(line, 'expected T, TRUE, F or FALSE');
	const [, wrong, right] = splitAtUnescaped(units, '#', 3);
	const feedbackWrong = optionalText(wrong);
	const feedbackRight = optionalText(right);
	return {
		type: 'truefalse' as const,
		answer,
		...(feedbackWrong !== undefined && { feedbackWrong }),
		...(feedbackRight !== undefined && { feedbackRight })
	};
}

/** True when some "=" answer has "->" in its text (not in its feedback): Moodle's matching test, refined. */
export function looksLikeMatching(units: Unit[]): boolean {
	if (findUnescaped(units, '=') === -1) return false;
	return splitAtUnescaped(units, '=').some((part) => findUnescaped(splitFeedback(part).body, '->') !== -1);
}

/** {=prompt -> answer ...}; an empty prompt is a distractor answer. Matching has no per-pair feedback. */
export function parseMatching(units: Unit[], line: number): { type: 'matching'; pairs: MatchPair[] } {
	const parts = readMarkedParts(units, '=', line);
	const pairs = parts.map((part, index): MatchPair => {
		const arrow = findUnescaped(part.units, '->');
		if (arrow === -1) {
			const shown = unitsToText(part.units).trim();
			throw new GiftSyntaxError(part.line, `expected "->" between a prompt and its answer in "=${shown}"`);
		}
		const prompt = cleanText(part.units.slice(0, arrow));
		const answer = cleanText(part.units.slice(arrow + 2));
		if (answer === '') throw new GiftSyntaxError(part.line, 'expected an answer after "->"');
		return { id: `m${index + 1}`, prompt, answer };
	});
	if (pairs.filter((pair) => pair.prompt !== '').length < 2) {
		throw new GiftSyntaxError(line, 'expected at least 2 "=prompt -> answer" pairs in a matching question');
	}
	return { type: 'matching', pairs };
}
