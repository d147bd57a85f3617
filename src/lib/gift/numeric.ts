// Numeric answer blocks: {#3.5:0.5}, {#1..5}, {#=%100%10:0 =%50%10:2}, each answer with optional #feedback.
import type { NumericAnswer } from '../quiz/types';
import { findUnescaped, trimUnits, unitsToText, type Unit } from './lexer';
import { GiftSyntaxError, readMarkedParts, readWeight, splitFeedback } from './syntax';

// Plain decimal numbers as JavaScript's String(number) writes them (exponent included for round trips).
const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function parseGiftNumber(raw: string, line: number, what: string): number {
	const text = raw.trim();
	if (!numberPattern.test(text)) {
		throw new GiftSyntaxError(line, `expected a number for the ${what} but found "${text}"`);
	}
	return Number(text);
}

export type NumericSpec =
	| { kind: 'tolerance'; value: number; tolerance: number }
	| { kind: 'range'; min: number; max: number };

/** Reads "min..max", "value:tolerance" or "value". */
export function parseNumericSpec(spec: string, line: number): NumericSpec {
	const text = spec.trim();
	if (text === '') throw new GiftSyntaxError(line, 'expected a number after "#"');
	const dots = text.indexOf('..', 1);
	if (dots > 0) {
		const min = parseGiftNumber(text.slice(0, dots), line, 'range minimum');
		const max = parseGiftNumber(text.slice(dots + 2), line, 'range maximum');
		if (min > max) throw new GiftSyntaxError(line, `expected the range minimum ${min} to be at most the maximum ${max}`);
		return { kind: 'range', min, max };
	}
	const colon = text.indexOf(':');
	if (colon > 0) {
		const value = parseGiftNumber(text.slice(0, colon), line, 'answer');
		const tolerance = parseGiftNumber(text.slice(colon + 1), line, 'tolerance');
		if (tolerance < 0) throw new GiftSyntaxError(line, `expected a tolerance of 0 or more but found ${tolerance}`);
		return { kind: 'tolerance', value, tolerance };
	}
	return { kind: 'tolerance', value: parseGiftNumber(text, line, 'answer'), tolerance: 0 };
}

/** units: the answer block without its leading "#". */
export function parseNumericAnswers(units: Unit[], line: number): { type: 'numeric'; answers: NumericAnswer[] } {
	const tilde = findUnescaped(units, '~');
	if (tilde !== -1) {
		// Moodle's "~#feedback for any other answer" has no place in our model; refuse rather than drop it.
		throw new GiftSyntaxError(units[tilde].line, 'numeric wrong-answer feedback ("~") is not supported');
	}
	const body = trimUnits(units);
	const marked = findUnescaped(body, '=') !== -1;
	const parts = marked
		? readMarkedParts(body, '=', line)
		: [{ marker: '', units: body, line: body.length > 0 ? body[0].line : line }];
	const answers = parts.map((part): NumericAnswer => {
		const { weight, rest } = marked ? readWeight(part.units, 100) : { weight: 100, rest: part.units };
		const { body: specUnits, feedback } = splitFeedback(rest);
		const spec = parseNumericSpec(unitsToText(specUnits), part.line);
		return { ...spec, weight, ...(feedback !== undefined && { feedback }) };
	});
	if (answers.length === 0) throw new GiftSyntaxError(line, 'expected at least one numeric answer after "#"');
	return { type: 'numeric', answers };
}
