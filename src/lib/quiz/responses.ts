// Turns submitted form fields into a Response. Works without JavaScript on the page (ordering is typed as
// positions). Anything unknown or malformed is dropped, never thrown: a tampered form just answers less.
import type { PublicQuestion } from './answer-key';
import type { Question, Response } from './types';

export type FormFields = Record<string, string | string[] | undefined>;

export const maxShortAnswerLength = 500;

const numberPattern = /^-?(\d+(\.\d*)?|\.\d+)$/;

export function parseResponse(question: Question | PublicQuestion, form: FormFields, prefix: string): Response {
	switch (question.type) {
		case 'single': {
			const choice = readFirst(form, prefix);
			return choice !== undefined && listChoiceIds(question).includes(choice) ? { type: 'single', choice } : { type: 'single' };
		}
		case 'multiple': {
			const chosen = new Set(readAll(form, prefix));
			// Question order, deduplicated: the response does not depend on how the browser sent the fields.
			return { type: 'multiple', choices: listChoiceIds(question).filter((id) => chosen.has(id)) };
		}
		case 'truefalse': {
			const value = readFirst(form, prefix)?.trim().toLowerCase();
			return value === 'true' || value === 'false' ? { type: 'truefalse', value: value === 'true' } : { type: 'truefalse' };
		}
		case 'short': {
			const text = [...(readFirst(form, prefix) ?? '').trim()].slice(0, maxShortAnswerLength).join('');
			return { type: 'short', text: text.trim() };
		}
		case 'numeric': {
			const raw = readFirst(form, prefix)?.trim() ?? '';
			return numberPattern.test(raw) ? { type: 'numeric', value: Number(raw) } : { type: 'numeric' };
		}
		case 'matching':
			return { type: 'matching', matches: readMatches(question, form, prefix) };
		case 'ordering':
			return { type: 'ordering', order: readOrder(question.items.map((item) => item.id), form, prefix) };
	}
}

function listChoiceIds(question: Question | PublicQuestion): string[] {
	if ('choices' in question) return question.choices.map((choice) => choice.id);
	if ('options' in question) return question.options.map((option) => option.id);
	return [];
}

function readMatches(
	question: Extract<Question, { type: 'matching' }> | Extract<PublicQuestion, { type: 'matching' }>,
	form: FormFields,
	prefix: string
): Record<string, string> {
	const prompts = 'pairs' in question ? question.pairs.filter((pair) => pair.prompt.trim() !== '') : question.prompts;
	const answerTexts = 'pairs' in question ? question.pairs.map((pair) => pair.answer) : question.answers;
	const answers = new Set(answerTexts.map((answer) => answer.trim()));
	const matches: Record<string, string> = {};
	for (const { id } of prompts) {
		const answer = readFirst(form, `${prefix}.${id}`)?.trim();
		if (answer && answers.has(answer)) matches[id] = answer;
	}
	return matches;
}

/** `${prefix}.${itemId}` holds a position 1..n; anything but a full permutation is unanswered ([]). */
function readOrder(ids: string[], form: FormFields, prefix: string): string[] {
	const order: string[] = new Array(ids.length);
	for (const id of ids) {
		const raw = readFirst(form, `${prefix}.${id}`)?.trim() ?? '';
		const position = /^\d+$/.test(raw) ? Number(raw) : NaN;
		if (!(position >= 1 && position <= ids.length) || order[position - 1] !== undefined) return [];
		order[position - 1] = id;
	}
	return order;
}

// Own properties only: a prefix like "constructor" must not read Object.prototype.
function readField(form: FormFields, key: string): string | string[] | undefined {
	return Object.hasOwn(form, key) ? form[key] : undefined;
}

function readFirst(form: FormFields, key: string): string | undefined {
	const value = readField(form, key);
	return Array.isArray(value) ? value[0] : value;
}

function readAll(form: FormFields, key: string): string[] {
	const value = readField(form, key);
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}
