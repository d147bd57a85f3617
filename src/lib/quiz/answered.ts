// Which questions of an attempt have an answer. One rule for the server-rendered count (from saved responses) and
// the live count in the browser (from the form's fields), so the two never disagree.
import type { PublicQuestion } from './answer-key';
import { parseResponse, type FormFields } from './responses';
import type { Response } from './types';

/** A question counts as answered only when the student could have earned full credit with what is there. */
export function isAnswered(response: Response | null | undefined, question?: PublicQuestion): boolean {
	if (!response) return false;
	switch (response.type) {
		case 'single':
			return response.choice !== undefined;
		case 'multiple':
			return response.choices.length > 0;
		case 'truefalse':
			return response.value !== undefined;
		case 'short':
			return response.text !== '';
		case 'numeric':
			return response.value !== undefined;
		case 'matching': {
			const needed = question?.type === 'matching' ? question.prompts.length : 1;
			return Object.keys(response.matches).length >= needed;
		}
		case 'ordering':
			return response.order.length > 0;
	}
}

/** The fields of a form as the server reads them: repeated names become lists. */
export function readFormData(data: FormData): FormFields {
	const fields: Record<string, string | string[]> = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		const previous = fields[key];
		fields[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
	}
	return fields;
}

/** Positions (1-based) of the questions a form leaves unanswered. */
export function listUnanswered(questions: { question: PublicQuestion; name: string }[], fields: FormFields): number[] {
	return questions.flatMap(({ question, name }, i) => (isAnswered(parseResponse(question, fields, name), question) ? [] : [i + 1]));
}
