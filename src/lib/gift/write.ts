// GIFT writer. Output reads back through parseGift to equal questions (texts trimmed). Questions GIFT cannot
// express (ordering, and a few texts that would change meaning) are not written: they come back in `skipped`
// with a reason, so callers can put them in the JSON sidecar instead. Nothing here throws.
import type { Choice, NumericAnswer, Question } from '../quiz/types';

export interface SkippedQuestion {
	question: Question;
	reason: string;
}

export interface GiftWriteResult {
	gift: string;
	skipped: SkippedQuestion[];
}

type WritableQuestion = Exclude<Question, { type: 'ordering' }>;

const orderingReason = 'ordering questions cannot be expressed in GIFT; use the JSON sidecar';

export function writeGift(questions: Question[], options: { category?: string } = {}): GiftWriteResult {
	const blocks: string[] = [];
	const skipped: SkippedQuestion[] = [];
	const category = options.category?.trim();
	if (category) blocks.push(`$CATEGORY: ${category.replace(/\s+/g, ' ')}`);
	for (const question of questions) {
		const reason = findUnwritableReason(question);
		if (reason !== undefined || question.type === 'ordering') {
			skipped.push({ question, reason: reason ?? orderingReason });
		} else {
			blocks.push(writeQuestion(question));
		}
	}
	return { gift: blocks.length > 0 ? blocks.join('\n\n') + '\n' : '', skipped };
}

/** Backslash-escapes GIFT's control characters and turns newlines into "\n" so a text stays on one line. */
export function escapeGiftText(text: string): string {
	return text
		.replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`)
		.replace(/\r\n|\r|\n/g, '\\n');
}

// A leading "[html]" would be read as a format marker and "//" as a comment: prefix our own marker.
function protectText(text: string): string {
	const escaped = escapeGiftText(text.trim());
	return /^\[(markdown|html|plain|moodle)\]/.test(escaped) || escaped.startsWith('//') ? `[markdown]${escaped}` : escaped;
}

function findUnwritableReason(question: Question): string | undefined {
	if (question.type === 'ordering') return orderingReason;
	if (question.text.trim() === '') return 'the question text is empty';
	if (question.cite !== undefined && (question.cite.trim() === '' || /[\r\n]/.test(question.cite))) {
		return 'the cite key must be a non-empty single line';
	}
	const badTag = (tag: string, i: number) => tag.trim() === '' || /[,\r\n]/.test(tag) || question.tags.indexOf(tag) !== i;
	if (question.tags.some(badTag)) {
		return 'tags must be unique, non-empty and contain no commas or newlines';
	}
	if (!(question.points > 0) || !/^\d+(\.\d+)?$/.test(String(question.points))) {
		return 'points must be a positive decimal number';
	}
	const weights = 'choices' in question ? question.choices : 'answers' in question ? question.answers : [];
	if (weights.some((item) => !weightIsWritable(item.weight))) return 'weights must be decimals between -100 and 100';
	const shapeProblem = findShapeProblem(question);
	if (shapeProblem) return shapeProblem;
	if (question.type === 'matching' && question.pairs.some((pair) => pair.prompt.includes('->'))) {
		return 'a matching prompt cannot contain "->" in GIFT';
	}
	if (question.type === 'short' && question.answers.some((answer) => answer.text.includes('->'))) {
		return 'a short answer cannot contain "->" in GIFT (it would read as matching)';
	}
	if (question.type === 'numeric' && question.answers.some((answer) => !numericIsFinite(answer))) {
		return 'numeric answers must be finite numbers';
	}
	return undefined;
}

// The parser rejects these shapes, so writing them would not read back.
function findShapeProblem(question: Question): string | undefined {
	switch (question.type) {
		case 'single':
		case 'multiple':
			if (question.choices.length < 2) return 'a choice question needs at least 2 choices';
			if (question.choices.some((choice) => choice.text.trim() === '')) return 'a choice has empty text';
			if (!question.choices.some((choice) => choice.weight > 0)) return 'no choice has a positive weight';
			return undefined;
		case 'short':
			if (question.answers.length === 0) return 'a short-answer question needs at least 1 answer';
			if (question.answers.some((answer) => answer.text.trim() === '')) return 'an answer has empty text';
			return undefined;
		case 'numeric':
			return question.answers.length === 0 ? 'a numeric question needs at least 1 answer' : undefined;
		case 'matching':
			if (question.pairs.filter((pair) => pair.prompt.trim() !== '').length < 2) return 'a matching question needs at least 2 prompts';
			if (question.pairs.some((pair) => pair.answer.trim() === '')) return 'a matching pair has an empty answer';
			return undefined;
		default:
			return undefined;
	}
}

function weightIsWritable(weight: number): boolean {
	return weight >= -100 && weight <= 100 && /^-?\d+(\.\d+)?$/.test(String(weight));
}

function numericIsFinite(answer: NumericAnswer): boolean {
	const numbers = answer.kind === 'range' ? [answer.min, answer.max] : [answer.value, answer.tolerance];
	return numbers.every(Number.isFinite);
}

function writeQuestion(question: WritableQuestion): string {
	const lines: string[] = [];
	if (question.cite !== undefined) lines.push(`// cite: ${question.cite.trim()}`);
	if (question.tags.length > 0) lines.push(`// tags: ${question.tags.map((tag) => tag.trim()).join(', ')}`);
	if (question.points !== 1) lines.push(`// points: ${question.points}`);
	const title = question.title?.trim() ? `::${escapeGiftText(question.title.trim())}::` : '';
	lines.push(`${title}${protectText(question.text)} ${writeAnswerBlock(question)}`);
	return lines.join('\n');
}

function writeFeedback(feedback: string | undefined): string {
	return feedback?.trim() ? `#${protectText(feedback)}` : '';
}

function writeExplanation(question: Question, indent: string): string {
	return question.explanation?.trim() ? `${indent}####${protectText(question.explanation)}` : '';
}

/** Multi-line block, one answer per line, as Moodle's exporter does. */
function writeLines(answers: string[], question: Question, opener = '{'): string {
	const explanation = writeExplanation(question, '\t');
	return [opener, ...answers.map((answer) => `\t${answer}`), ...(explanation ? [explanation] : []), '}'].join('\n');
}

function writeAnswerBlock(question: WritableQuestion): string {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return writeLines(writeChoiceMarkers(question.type, question.choices), question);
		case 'truefalse': {
			const wrong = writeFeedback(question.feedbackWrong);
			const right = writeFeedback(question.feedbackRight);
			// An empty wrong feedback still needs its "#" so the right feedback lands in the third slot.
			const feedback = right ? `${wrong || '#'}${right}` : wrong;
			return `{${question.answer ? 'TRUE' : 'FALSE'}${feedback}${writeExplanation(question, '')}}`;
		}
		case 'short':
			return writeLines(
				question.answers.map((a) => `=${writeWeight(a.weight, 100, a.text)}${protectText(a.text)}${writeFeedback(a.feedback)}`),
				question
			);
		case 'numeric':
			return writeNumericBlock(question);
		case 'matching':
			return writeLines(
				question.pairs.map((pair) => `=${protectText(pair.prompt)} -> ${protectText(pair.answer)}`),
				question
			);
	}
}

/** "%w%" unless the weight is the marker's default; always explicit when the text itself starts with "%". */
function writeWeight(weight: number, fallback: number, text: string): string {
	return weight === fallback && !text.trim().startsWith('%') ? '' : `%${weight}%`;
}

function writeChoiceMarkers(type: 'single' | 'multiple', choices: Choice[]): string[] {
	const markers = choices.map((choice) => (type === 'single' && choice.weight === 100 ? '=' : '~'));
	if (type === 'single') {
		// GIFT reads "single" from the presence of "=", and multiple choice from the presence of "~".
		if (!markers.includes('=')) {
			const best = choices.reduce((top, choice, i) => (choice.weight > choices[top].weight ? i : top), 0);
			markers[best] = '=';
		}
		if (!markers.includes('~')) markers[markers.length - 1] = '~';
	}
	return choices.map((choice, i) => {
		const fallback = markers[i] === '=' ? 100 : 0;
		const weight = writeWeight(choice.weight, fallback, choice.text);
		return `${markers[i]}${weight}${protectText(choice.text)}${writeFeedback(choice.feedback)}`;
	});
}

function writeNumericSpec(answer: NumericAnswer): string {
	if (answer.kind === 'range') return `${answer.min}..${answer.max}`;
	return answer.tolerance === 0 ? `${answer.value}` : `${answer.value}:${answer.tolerance}`;
}

function writeNumericBlock(question: Extract<Question, { type: 'numeric' }>): string {
	const [first] = question.answers;
	if (question.answers.length === 1 && first.weight === 100) {
		return `{#${writeNumericSpec(first)}${writeFeedback(first.feedback)}${writeExplanation(question, '')}}`;
	}
	const answers = question.answers.map((a) => `=%${a.weight}%${writeNumericSpec(a)}${writeFeedback(a.feedback)}`);
	return writeLines(answers, question, '{#');
}
