// Moodle GIFT parser with Touchstone's conventions (// cite:, // tags:, // points:, #### = explanation).
// Never throws: every problem becomes a GiftError with a 1-based line number.
import type { Question } from '../quiz/types';
import { findLastUnescaped, findUnescaped, lexLines, splitBlocks, trimUnits, unitsToText, type Unit } from './lexer';
import {
	looksLikeMatching,
	parseChoiceAnswers,
	parseMatching,
	parseShortAnswers,
	parseTrueFalse,
	readTrueFalseWord
} from './answers';
import { parseNumericAnswers } from './numeric';
import { readMetadata, createMetadata, type Metadata } from './metadata';
import { GiftSyntaxError, cleanText, optionalText, type GiftError } from './syntax';

export { formatGiftError, type GiftError } from './syntax';

export type ParsedQuestion = Question & { category?: string; line: number };

export interface GiftParseResult {
	questions: ParsedQuestion[];
	errors: GiftError[];
}

const categoryPattern = /^\$CATEGORY:(.*)$/i;

export function parseGift(source: string): GiftParseResult {
	const questions: ParsedQuestion[] = [];
	const errors: GiftError[] = [];
	let category: string | undefined;
	let metadata: Metadata = createMetadata();

	for (const block of splitBlocks(source)) {
		readMetadata(block.comments, metadata, errors);
		let content = block.content;
		const categoryMatch = content[0]?.text.trim().match(categoryPattern);
		if (categoryMatch) {
			category = categoryMatch[1].trim() || undefined;
			if (!category) errors.push({ line: content[0].line, message: 'expected a category path after "$CATEGORY:"' });
			content = content.slice(1);
		}
		if (content.length === 0) continue;

		const line = content[0].line;
		try {
			const question = readQuestion(lexLines(content), line);
			questions.push({
				...question,
				...(metadata.cite !== undefined && { cite: metadata.cite }),
				...(metadata.points !== undefined && { points: metadata.points }),
				tags: metadata.tags,
				...(category !== undefined && { category }),
				line
			} as ParsedQuestion);
		} catch (error) {
			if (error instanceof GiftSyntaxError) errors.push({ line: error.line, message: error.message });
			else errors.push({ line, message: `could not read this question (${String(error)})` });
		}
		metadata = createMetadata();
	}

	if (metadata.firstLine !== undefined) {
		const message = 'expected a question after this "// cite:", "// tags:" or "// points:" line';
		errors.push({ line: metadata.firstLine, message });
	}
	return { questions, errors };
}

/** Drops the parse-only fields (line, category) to get a plain Question. */
export function stripParseInfo(parsed: ParsedQuestion): Question {
	const { line: _line, category: _category, ...question } = parsed;
	return question as Question;
}

/** One question from the lexed units of a block (comments and category already removed). */
function readQuestion(all: Unit[], line: number): Question {
	let units = trimUnits(all);
	let title: string | undefined;
	if (findUnescaped(units, '::') === 0) {
		const end = findUnescaped(units, '::', 2);
		if (end === -1) throw new GiftSyntaxError(line, `expected "::" to close the title opened on line ${line}`);
		// Titles are names, not formatted text: no format marker is stripped (as in Moodle).
		title = unitsToText(units.slice(2, end)).trim() || undefined;
		units = units.slice(end + 2);
	}

	const { before, answer, after, openLine } = locateAnswerBlock(units, line);
	// Missing-word format: text on both sides of the block becomes one text with a blank.
	const hasAfter = unitsToText(after).trim() !== '';
	const text = cleanText(hasAfter ? [...before, ...toUnits('_____', openLine), ...after] : before);
	if (text === '') throw new GiftSyntaxError(openLine, 'expected question text before the answer block');

	const general = findLastUnescaped(answer, '####');
	const explanation = general === -1 ? undefined : optionalText(answer.slice(general + 4));
	const body = trimUnits(general === -1 ? answer : answer.slice(0, general));

	const common = {
		...(title !== undefined && { title }),
		text,
		points: 1,
		...(explanation !== undefined && { explanation }),
		tags: [] as string[]
	};
	return { ...common, ...readAnswers(body, openLine) } as Question;
}

// Type detection follows Moodle's order: essay, numeric, multiple choice, matching, true/false, short answer.
function readAnswers(body: Unit[], line: number) {
	if (body.length === 0) throw new GiftSyntaxError(line, 'unsupported question type: essay ({} has no answers)');
	if (!body[0].escaped && body[0].ch === '#') return parseNumericAnswers(body.slice(1), line);
	if (findUnescaped(body, '~') !== -1) return parseChoiceAnswers(body, line);
	if (looksLikeMatching(body)) return parseMatching(body, line);
	if (readTrueFalseWord(body) !== null) return parseTrueFalse(body, line);
	return parseShortAnswers(body, line);
}

function locateAnswerBlock(units: Unit[], line: number) {
	const open = findUnescaped(units, '{');
	const close = findUnescaped(units, '}');
	if (open === -1 && close === -1) {
		throw new GiftSyntaxError(line, 'unsupported question type: description (expected an answer block in {braces})');
	}
	if (open === -1 || (close !== -1 && close < open)) {
		throw new GiftSyntaxError(units[close].line, 'unexpected "}" without an opening "{" (write \\} for a literal brace)');
	}
	const openLine = units[open].line;
	const nested = findUnescaped(units, '{', open + 1);
	if (close === -1 || (nested !== -1 && nested < close)) {
		const at = close === -1 ? units[units.length - 1].line : units[nested].line;
		throw new GiftSyntaxError(at, `expected "}" to close the answer block opened on line ${openLine}`);
	}
	const after = units.slice(close + 1);
	const extra = after.findIndex((unit) => !unit.escaped && (unit.ch === '{' || unit.ch === '}'));
	if (extra !== -1) {
		throw new GiftSyntaxError(after[extra].line, 'expected one answer block per question; separate questions with a blank line');
	}
	return { before: units.slice(0, open), answer: units.slice(open + 1, close), after, openLine };
}

function toUnits(text: string, line: number): Unit[] {
	return [...text].map((ch) => ({ ch, escaped: true, line }));
}
