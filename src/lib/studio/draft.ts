// The question editor's form model. A draft holds exactly what was typed (strings), so a form that fails
// validation comes back as typed. buildQuestion turns it into a Question: the server uses it to save, the browser
// uses the same function for the live preview. Pure: no framework, no database.
import { questionTypes, type Question, type QuestionType } from '$lib/quiz/types';
import { limits } from '$lib/validation/limits';
import { hasCorrectChoice, resolveWeights } from './correct';

export interface DraftRow {
	/** single/multiple option, short answer or ordering item text. */
	text: string;
	/** Percent, -100..100 (single, multiple, short, numeric). */
	weight: string;
	/** The weight as the form last showed it (hidden field): an Advanced edit is told from a correct-answer change. */
	shown: string;
	feedback: string;
	/** numeric */
	kind: 'tolerance' | 'range';
	value: string;
	tolerance: string;
	min: string;
	max: string;
	/** matching */
	prompt: string;
	answer: string;
}

export interface QuestionDraft {
	type: QuestionType;
	title: string;
	text: string;
	points: string;
	explanation: string;
	cite: string;
	/** Comma-separated topic tags. */
	tags: string;
	/** Slug of the lesson the question belongs to, or ''. Stored as one more tag. */
	lesson: string;
	/** truefalse: 'true' | 'false' */
	answer: string;
	feedbackRight: string;
	feedbackWrong: string;
	rows: DraftRow[];
}

export const typeLabels: Record<QuestionType, string> = {
	single: 'Single choice',
	multiple: 'Multiple response',
	truefalse: 'True or false',
	short: 'Short answer',
	numeric: 'Numeric',
	matching: 'Matching',
	ordering: 'Ordering'
};

export function isQuestionType(value: unknown): value is QuestionType {
	return questionTypes.includes(value as QuestionType);
}

export function emptyRow(type: QuestionType, index: number): DraftRow {
	const weight = type === 'short' || type === 'numeric' || (type === 'single' && index === 0) ? '100' : '0';
	return { text: '', weight, shown: weight, feedback: '', kind: 'tolerance', value: '', tolerance: '0', min: '', max: '', prompt: '', answer: '' };
}

const startRows: Record<QuestionType, number> = { single: 4, multiple: 4, truefalse: 0, short: 2, numeric: 1, matching: 3, ordering: 4 };

export function emptyDraft(type: QuestionType): QuestionDraft {
	return {
		type,
		title: '',
		text: '',
		points: '1',
		explanation: '',
		cite: '',
		tags: '',
		lesson: '',
		answer: 'true',
		feedbackRight: '',
		feedbackWrong: '',
		rows: Array.from({ length: startRows[type] }, (_, i) => emptyRow(type, i))
	};
}

export function addRow(draft: QuestionDraft): QuestionDraft {
	return { ...draft, rows: [...draft.rows, emptyRow(draft.type, draft.rows.length)] };
}

/** The draft for an existing question; `lessonSlugs` picks out the tag that names a lesson. */
export function draftFromQuestion(question: Question, lessonSlugs: readonly string[] = []): QuestionDraft {
	const lesson = question.tags.find((tag) => lessonSlugs.includes(tag)) ?? '';
	const draft: QuestionDraft = {
		...emptyDraft(question.type),
		title: question.title ?? '',
		text: question.text,
		points: String(question.points),
		explanation: question.explanation ?? '',
		cite: question.cite ?? '',
		tags: question.tags.filter((tag) => tag !== lesson).join(', '),
		lesson,
		rows: []
	};
	const row = (fields: Partial<DraftRow>): DraftRow => ({ ...emptyRow(question.type, 1), ...fields });
	switch (question.type) {
		case 'single':
		case 'multiple':
			draft.rows = question.choices.map((c) => row({ text: c.text, weight: String(c.weight), shown: String(c.weight), feedback: c.feedback ?? '' }));
			break;
		case 'truefalse':
			draft.answer = String(question.answer);
			draft.feedbackRight = question.feedbackRight ?? '';
			draft.feedbackWrong = question.feedbackWrong ?? '';
			break;
		case 'short':
			draft.rows = question.answers.map((a) => row({ text: a.text, weight: String(a.weight), shown: String(a.weight), feedback: a.feedback ?? '' }));
			break;
		case 'numeric':
			draft.rows = question.answers.map((a) =>
				a.kind === 'range'
					? row({ kind: 'range', min: String(a.min), max: String(a.max), weight: String(a.weight), shown: String(a.weight), feedback: a.feedback ?? '' })
					: row({ kind: 'tolerance', value: String(a.value), tolerance: String(a.tolerance), weight: String(a.weight), shown: String(a.weight), feedback: a.feedback ?? '' })
			);
			break;
		case 'matching':
			draft.rows = question.pairs.map((p) => row({ prompt: p.prompt, answer: p.answer }));
			break;
		case 'ordering':
			draft.rows = question.items.map((i) => row({ text: i.text }));
			break;
	}
	return draft;
}

/**
 * Reads the editor's form fields (first value of each name). Unknown or missing fields read as empty. For single and
 * multiple choice the weights are resolved from the "Correct answer" marks (`correct` = the row index for single,
 * `r{i}.correct` for multiple) and the hidden `r{i}.shown` fields, as resolveWeights says.
 */
export function readDraft(fields: Record<string, string>): { draft: QuestionDraft; tooManyRows: boolean } {
	// Browsers send textarea line breaks as CRLF; the model (and GIFT round trips) use LF.
	const get = (key: string) => (Object.hasOwn(fields, key) ? fields[key].replace(/\r\n?/g, '\n') : '');
	const type = isQuestionType(get('type')) ? (get('type') as QuestionType) : 'single';
	let count = 0;
	while (count <= limits.rows && Object.keys(fields).some((key) => key.startsWith(`r${count}.`))) count++;
	const rows = Array.from({ length: Math.min(count, limits.rows) }, (_, i): DraftRow => {
		const at = (name: string) => get(`r${i}.${name}`);
		return {
			text: at('text'),
			weight: at('weight'),
			shown: at('shown'),
			feedback: at('feedback'),
			kind: at('kind') === 'range' ? 'range' : 'tolerance',
			value: at('value'),
			tolerance: at('tolerance'),
			min: at('min'),
			max: at('max'),
			prompt: at('prompt'),
			answer: at('answer')
		};
	});
	if (hasCorrectChoice(type)) {
		const weights = resolveWeights(
			type,
			rows.map((row, i) => ({
				weight: row.weight,
				shown: row.shown,
				correct: type === 'single' ? get('correct') === String(i) : get(`r${i}.correct`) !== '',
				blank: row.text.trim() === '' && row.feedback.trim() === ''
			}))
		);
		rows.forEach((row, i) => (row.weight = row.shown = weights[i]));
	}
	const draft: QuestionDraft = {
		type,
		title: get('title'),
		text: get('text'),
		points: get('points'),
		explanation: get('explanation'),
		cite: get('cite'),
		tags: get('tags'),
		lesson: get('lesson'),
		answer: get('answer') === 'false' ? 'false' : 'true',
		feedbackRight: get('feedbackRight'),
		feedbackWrong: get('feedbackWrong'),
		rows
	};
	return { draft, tooManyRows: count > limits.rows };
}

export { buildQuestion, splitTags } from './build';
