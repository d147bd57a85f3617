// Small building blocks shared by the GIFT answer parsers: error type, text cleanup, weights, feedback.
import { splitAtUnescaped, splitBeforeMarkers, trimUnits, unitsToText, lineOf, type Unit } from './lexer';

export interface GiftError {
	/** 1-based line number in the source. */
	line: number;
	/** What was expected or what is wrong, without the "Line N:" prefix (see formatGiftError). */
	message: string;
}

/** Thrown inside the parser only; parseGift catches it per question so callers never see a throw. */
export class GiftSyntaxError extends Error {
	constructor(
		readonly line: number,
		message: string
	) {
		super(message);
		this.name = 'GiftSyntaxError';
	}
}

export function formatGiftError(error: GiftError): string {
	return `Line ${error.line}: ${error.message}`;
}

// Moodle format markers; we store Markdown regardless, so the marker is only stripped.
const formatMarker = /^\[(markdown|html|plain|moodle)\]/;

export function cleanText(units: Unit[]): string {
	return unitsToText(units).trim().replace(formatMarker, '').trim();
}

/** Text for an optional field: undefined when empty, so parsed objects carry no empty keys. */
export function optionalText(units: Unit[] | undefined): string | undefined {
	if (!units) return undefined;
	const text = cleanText(units);
	return text === '' ? undefined : text;
}

/** Reads a leading `%50%` weight; returns the weight (or the default) and the units after it. */
export function readWeight(units: Unit[], fallback: number): { weight: number; rest: Unit[] } {
	const body = trimUnits(units);
	if (body.length === 0 || body[0].escaped || body[0].ch !== '%') return { weight: fallback, rest: body };
	const close = body.findIndex((unit, i) => i > 0 && !unit.escaped && unit.ch === '%');
	const line = body[0].line;
	if (close === -1) {
		throw new GiftSyntaxError(line, 'expected a closing "%" after the answer weight, as in %50%');
	}
	const raw = unitsToText(body.slice(1, close)).trim();
	if (!/^-?\d+(\.\d+)?$/.test(raw)) {
		throw new GiftSyntaxError(line, `expected a percentage weight like %50% but found "%${raw}%"`);
	}
	const weight = Number(raw);
	if (weight < -100 || weight > 100) {
		throw new GiftSyntaxError(line, `expected a weight between -100% and 100% but found ${raw}%`);
	}
	return { weight, rest: body.slice(close + 1) };
}

/** Splits "answer text #feedback" at the first unescaped "#". */
export function splitFeedback(units: Unit[]): { body: Unit[]; feedback?: string } {
	const [body, feedback] = splitAtUnescaped(units, '#', 2);
	return { body, feedback: optionalText(feedback) };
}

export interface MarkedPart {
	marker: string;
	/** Units after the marker. */
	units: Unit[];
	line: number;
}

/**
 * Splits an answer block into parts that each start with one of the markers ("=", "~").
 * Text before the first marker is an error: every answer must say whether it is right or wrong.
 */
export function readMarkedParts(units: Unit[], markers: string, blockLine: number): MarkedPart[] {
	const [lead, ...parts] = splitBeforeMarkers(units, markers);
	const leading = trimUnits(lead);
	if (leading.length > 0) {
		const expected = [...markers].map((m) => `"${m}"`).join(' or ');
		throw new GiftSyntaxError(
			lineOf(leading, blockLine),
			`expected ${expected} before the answer "${unitsToText(leading).trim()}"`
		);
	}
	return parts.map((part) => ({ marker: part[0].ch, units: part.slice(1), line: part[0].line }));
}
