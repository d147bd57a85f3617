import type { Question } from '../quiz/types';

// Heuristics for items that test recall of a count, a date or an author's name instead of a therapist's
// judgement. They flag for a person to look at; a flagged item may be rewritten or, rarely, defended.

const STEM_PATTERNS: [RegExp, string][] = [
	[/\bhow many\b/i, 'asks "how many": recall of a count'],
	[/\b(in )?(what|which) year\b|\bwhen was\b.*\b(published|founded|introduced|proposed)\b/i, 'asks for a year: recall of a date'],
	[/\bwhat (percentage|percent|proportion)\b/i, 'asks for a percentage: recall of a number'],
	[/\bwho (first )?(published|wrote|authored|led|conducted|ran|proposed|developed|described)\b/i, 'asks who published: recall of an author'],
	[/\bwhich (authors?|researchers?|investigators?|research (group|team)|scientists?)\b/i, 'asks which author: recall of a name'],
	[/\bwhose (study|studies|trial|trials|review|team|group)\b/i, 'asks whose study: recall of a name']
];

const NUMBER_OPTION = /^\s*(about |roughly |approximately |around |nearly )?[-–+]?\d[\d,.]*\s*(%|percent|years?|patients|participants|people|trials|studies|centers|centres|minutes|sessions)?\s*$/i;
const AUTHOR_OPTION = /^\s*[A-Z][a-z'-]+( (and|&) [A-Z][a-z'-]+| et al\.?| and colleagues)?,? \(?(1[89]|20)\d\d\)?\s*$/;

function isYear(n: number): boolean {
	return Number.isInteger(n) && n >= 1800 && n <= 2100;
}

/** Keyed numeric answers, and whether each is exact (no tolerance): exact whole numbers are counts, not estimates. */
function numericAnswers(question: Question): { value: number; exact: boolean }[] {
	if (question.type !== 'numeric') return [];
	return question.answers
		.filter((a) => a.weight > 0)
		.map((a) => (a.kind === 'tolerance' ? { value: a.value, exact: a.tolerance === 0 } : { value: a.min, exact: a.min === a.max }));
}

/** Why the item looks like recall of a number, date or name, or null. */
export function findRecallProblem(question: Question): string | null {
	for (const [pattern, why] of STEM_PATTERNS) if (pattern.test(question.text)) return why;
	if (question.type === 'ordering' && /\b(earliest|latest|oldest|newest|chronolog\w*)\b/i.test(question.text))
		return 'orders items by date: recall of dates';
	const answers = numericAnswers(question);
	if (answers.some((a) => isYear(a.value))) return 'numeric answer looks like a year: recall of a date';
	if (answers.some((a) => a.exact && Number.isInteger(a.value) && Math.abs(a.value) >= 2))
		return 'exact whole-number answer looks like a count: recall of a number';
	if (question.type === 'single' || question.type === 'multiple') {
		const texts = question.choices.map((c) => c.text);
		if (texts.length > 1 && texts.every((t) => NUMBER_OPTION.test(t))) return 'every option is a number: recall of a figure';
		if (texts.length > 1 && texts.every((t) => AUTHOR_OPTION.test(t))) return 'every option is an author and year: recall of a name';
	}
	return null;
}

/** A stem reduced to its words, so trivially different copies of one question compare equal. */
export function normalizeStem(text: string): string {
	return text
		.toLowerCase()
		.replace(/<[^>]*>|[*_`#>[\]()]/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
