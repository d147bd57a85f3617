// Draft (strings, as typed) -> Question. Always returns a best-effort question for the live preview, plus the
// errors that stop it from being saved. Answerability (a correct option exists, ...) is not checked here: drafts
// may be saved half-written, and publishing checks it (see $lib/quiz/validate).
import { createChoiceId } from '$lib/gift/answers';
import type { Choice, NumericAnswer, Question, ShortAnswer } from '$lib/quiz/types';
import { limits } from '$lib/validation/limits';
import { deceptiveTextMessage, hasDeceptiveCharacters } from '$lib/validation/text';
import type { DraftRow, QuestionDraft } from './draft';

const pointsPattern = /^\d{1,3}(\.\d{1,2})?$/;
const weightPattern = /^[-+]?\d{1,3}(\.\d{1,5})?$/;
const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?$/;
const citePattern = /^[A-Za-z0-9_.:-]+$/;
const slugPattern = /^[a-z0-9-]+$/;

const count = (n: number) => n.toLocaleString('en-US');

/** Comma-separated tags: trimmed, blanks dropped, duplicates removed (first spelling kept). */
export function splitTags(text: string): string[] {
	const tags: string[] = [];
	for (const raw of text.split(',')) {
		const tag = raw.trim().replace(/\s+/g, ' ');
		if (tag && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
	}
	return tags;
}

/** errors: everything that stops saving; tooLong: the subset about oversized fields (refused even for a preview). */
export function buildQuestion(draft: QuestionDraft): { question: Question; errors: string[]; tooLong: string[] } {
	const errors: string[] = [];
	const tooLong: string[] = [];
	const checkLength = (what: string, value: string, max: number) => {
		if (value.length <= max) return;
		const message = `${what} can be at most ${count(max)} characters (it has ${count(value.length)}).`;
		errors.push(message);
		tooLong.push(message);
	};
	const text = draft.text.trim();
	const title = draft.title.trim();
	const explanation = draft.explanation.trim();
	const cite = draft.cite.trim();
	if (text === '') errors.push('Enter the question text.');
	checkLength('The question text', draft.text, limits.text);
	checkLength('The title', draft.title, limits.title);
	checkLength('The explanation', draft.explanation, limits.feedback);
	if (hasDeceptiveCharacters(title)) errors.push(deceptiveTextMessage('The title'));

	let points = Number(draft.points.trim());
	if (!pointsPattern.test(draft.points.trim()) || !(points > 0) || points > limits.points) {
		errors.push(`Points must be a number above 0 and at most ${limits.points}, with at most 2 decimals.`);
		points = 1;
	}
	if (cite && (cite.length > limits.cite || !citePattern.test(cite))) {
		errors.push(`The citation key must be one word of letters, digits, “-”, “_”, “.” or “:” (at most ${limits.cite} characters).`);
	}
	const tags = splitTags(draft.tags);
	const lesson = draft.lesson.trim();
	if (lesson && !slugPattern.test(lesson)) errors.push('Choose a lesson from the list.');
	if (lesson && !tags.includes(lesson)) tags.push(lesson);
	if (tags.length > limits.tags) errors.push(`A question can have at most ${limits.tags} tags.`);
	if (tags.some((tag) => tag.length > limits.tag)) errors.push(`Each tag can be at most ${limits.tag} characters.`);
	if (tags.some((tag) => tag.toLowerCase().startsWith('cite:'))) errors.push('Tags starting with “cite:” are made from the citation key; use the citation key field.');
	if (tags.some((tag) => hasDeceptiveCharacters(tag))) errors.push(deceptiveTextMessage('Tags'));

	const common = {
		...(title && { title }),
		text,
		points,
		...(explanation && { explanation }),
		...(cite && { cite }),
		tags
	};
	const rows = readRows(draft, errors, checkLength);
	return { question: { ...common, ...rows } as Question, errors, tooLong };
}

type Check = (what: string, value: string, max: number) => void;
type Body =
	| { type: 'single' | 'multiple'; choices: Choice[] }
	| { type: 'truefalse'; answer: boolean; feedbackRight?: string; feedbackWrong?: string }
	| { type: 'short'; answers: ShortAnswer[] }
	| { type: 'numeric'; answers: NumericAnswer[] }
	| { type: 'matching'; pairs: { id: string; prompt: string; answer: string }[] }
	| { type: 'ordering'; items: { id: string; text: string }[] };

function readRows(draft: QuestionDraft, errors: string[], checkLength: Check): Body {
	const kept = draft.rows.map((row, i) => ({ row, n: i + 1 })).filter(({ row }) => !isBlank(draft.type, row));
	const feedbackOf = (row: DraftRow, n: number) => {
		checkLength(`The feedback of row ${n}`, row.feedback, limits.feedback);
		const feedback = row.feedback.trim();
		return feedback ? { feedback } : {};
	};
	const weightOf = (row: DraftRow, n: number, fallback: number) => {
		const raw = row.weight.trim();
		if (raw === '') return fallback;
		const weight = Number(raw);
		if (!weightPattern.test(raw) || weight < -100 || weight > 100) {
			errors.push(`Row ${n}: the weight must be a percentage from -100 to 100.`);
			return fallback;
		}
		return weight;
	};
	const textOf = (n: number, value: string, what: string) => {
		checkLength(`The ${what} in row ${n}`, value, limits.option);
		if (value.trim() === '') errors.push(`Row ${n}: enter the ${what}, or clear the whole row to remove it.`);
		return value.trim();
	};
	switch (draft.type) {
		case 'single':
		case 'multiple':
			return {
				type: draft.type,
				choices: kept.map(({ row, n }, i) => ({
					id: createChoiceId(i),
					text: textOf(n, row.text, 'option text'),
					weight: weightOf(row, n, 0),
					...feedbackOf(row, n)
				}))
			};
		case 'truefalse': {
			checkLength('The feedback for a right answer', draft.feedbackRight, limits.feedback);
			checkLength('The feedback for a wrong answer', draft.feedbackWrong, limits.feedback);
			const right = draft.feedbackRight.trim();
			const wrong = draft.feedbackWrong.trim();
			return { type: 'truefalse', answer: draft.answer !== 'false', ...(wrong && { feedbackWrong: wrong }), ...(right && { feedbackRight: right }) };
		}
		case 'short':
			return {
				type: 'short',
				answers: kept.map(({ row, n }) => ({ text: textOf(n, row.text, 'answer'), weight: weightOf(row, n, 100), ...feedbackOf(row, n) }))
			};
		case 'numeric':
			return { type: 'numeric', answers: kept.map(({ row, n }) => readNumeric(row, n, errors, weightOf(row, n, 100), feedbackOf(row, n))) };
		case 'matching':
			return {
				type: 'matching',
				pairs: kept.map(({ row, n }, i) => {
					checkLength(`The prompt in row ${n}`, row.prompt, limits.option);
					return { id: `m${i + 1}`, prompt: row.prompt.trim(), answer: textOf(n, row.answer, 'answer') };
				})
			};
		case 'ordering':
			return { type: 'ordering', items: kept.map(({ row, n }, i) => ({ id: `o${i + 1}`, text: textOf(n, row.text, 'item text') })) };
	}
}

function readNumeric(row: DraftRow, n: number, errors: string[], weight: number, feedback: { feedback?: string }): NumericAnswer {
	const number = (raw: string, what: string, fallback: number) => {
		const text = raw.trim();
		if (numberPattern.test(text) && Number.isFinite(Number(text))) return Number(text);
		errors.push(`Row ${n}: the ${what} must be a number, like 12 or -0.5.`);
		return fallback;
	};
	if (row.kind === 'range') {
		const min = number(row.min, 'minimum', 0);
		const max = number(row.max, 'maximum', min);
		if (min > max) errors.push(`Row ${n}: the minimum must not be above the maximum.`);
		return { kind: 'range', min, max, weight, ...feedback };
	}
	const value = number(row.value, 'answer', 0);
	const tolerance = row.tolerance.trim() === '' ? 0 : number(row.tolerance, 'tolerance', 0);
	if (tolerance < 0) errors.push(`Row ${n}: the tolerance cannot be negative.`);
	return { kind: 'tolerance', value, tolerance, weight, ...feedback };
}

/** A row with nothing typed in its content fields is ignored: clearing a row removes it. */
function isBlank(type: QuestionDraft['type'], row: DraftRow): boolean {
	const empty = (...values: string[]) => values.every((v) => v.trim() === '');
	switch (type) {
		case 'numeric':
			return empty(row.value, row.min, row.max, row.feedback);
		case 'matching':
			return empty(row.prompt, row.answer);
		case 'truefalse':
			return true;
		default:
			return empty(row.text, row.feedback);
	}
}
