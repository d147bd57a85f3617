import { z } from 'zod';
import type { Question } from '$lib/quiz/types';
import { limits } from './limits';
import { deceptiveTextMessage, hasDeceptiveCharacters, showInvisible } from './text';

export { limits };

import { gradingMethods, quizKinds, reviewMoments } from '$lib/quiz/policy';

/** '' -> null, otherwise a whole number in [min, max]. */
const optionalWhole = (what: string, min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim())
		.pipe(
			z.union([
				z.literal('').transform(() => null),
				z
					.string()
					.regex(/^\d+$/, `${what} must be a whole number, or blank.`)
					.transform(Number)
					.pipe(z.number().min(min, `${what} must be at least ${min}, or blank.`).max(max, `${what} can be at most ${max}.`))
			])
		);

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true');

const title = z
	.string({ error: 'Enter a title.' })
	.trim()
	.min(1, 'Enter a title.')
	.max(limits.title, `Titles can be at most ${limits.title} characters.`)
	.refine((v) => !hasDeceptiveCharacters(v), deceptiveTextMessage('Titles'));

const description = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.pipe(
		z
			.string()
			.max(limits.description, `The description can be at most ${limits.description.toLocaleString('en-US')} characters.`)
			.refine((v) => !hasDeceptiveCharacters(v, { multiline: true }), deceptiveTextMessage('The description'))
	);

const kindFields = {
	kind: z.enum(quizKinds, { error: 'Choose practice quiz, lesson check or final exam.' }),
	lessonId: optionalWhole('The lesson', 1, Number.MAX_SAFE_INTEGER)
};

const lessonNeeded = (v: { kind: string; lessonId: number | null }) => v.kind !== 'lesson' || v.lessonId !== null;
const lessonMessage = { message: 'Choose the lesson this check belongs to.', path: ['lessonId'] };

export const createQuizSchema = z.object({ title, description, ...kindFields }).refine(lessonNeeded, lessonMessage);

const moment = (what: string) => z.enum(reviewMoments, { error: `Choose when students see ${what}.` });

export const quizSettingsSchema = z
	.object({
		title,
		description,
		...kindFields,
		passingPercent: z
			.string({ error: 'Enter the passing score.' })
			.trim()
			.regex(/^\d{1,3}$/, 'The passing score must be a whole percentage from 0 to 100.')
			.transform(Number)
			.pipe(z.number().max(100, 'The passing score must be a whole percentage from 0 to 100.')),
		maxAttempts: optionalWhole('Maximum attempts', 1, 100),
		gradingMethod: z.enum(gradingMethods, { error: 'Choose how attempts are graded.' }),
		timeLimitMinutes: optionalWhole('The time limit', 1, 24 * 60),
		shuffleQuestions: checkbox,
		shuffleOptions: checkbox,
		drawCount: optionalWhole('Questions per attempt', 1, 1000),
		reviewCorrectness: moment('whether they were right'),
		reviewFeedback: moment('feedback'),
		reviewAnswers: moment('the right answers')
	})
	.refine(lessonNeeded, lessonMessage);

export type QuizSettingsInput = z.infer<typeof quizSettingsSchema>;

const id = (what: string) => z.coerce.number({ error: `Choose ${what}.` }).int().positive(`Choose ${what}.`);

export const questionRefSchema = z.object({ questionId: id('a question') });

export const moveQuestionSchema = z.object({
	questionId: id('a question'),
	direction: z.enum(['up', 'down'], { error: 'Choose up or down.' })
});

export const drawRuleSchema = z.object({
	tag: z
		.string({ error: 'Choose a tag.' })
		.trim()
		.min(1, 'Choose a tag.')
		.max(limits.tag, 'Choose a tag from the list.')
		.refine((v) => !hasDeceptiveCharacters(v), deceptiveTextMessage('Tags')),
	count: z
		.string({ error: 'Enter how many questions to draw.' })
		.trim()
		.regex(/^\d+$/, 'Enter how many questions to draw (a whole number).')
		.transform(Number)
		.pipe(z.number().min(1, 'Draw at least 1 question.').max(500, 'Draw at most 500 questions.'))
});

export const deleteQuizSchema = z.object({
	confirm: z.literal('yes', { error: 'Tick the box to confirm that you want to delete this quiz.' })
});

export const importFormats = ['auto', 'gift', 'json'] as const;

const n = (value: number) => value.toLocaleString('en-US');
const deceptiveWhat = 'contains a control character or a text-direction override, which is not allowed';

/**
 * The title and tags of an imported question that break the rule for text others read (hasDeceptiveCharacters),
 * in words ("the tag “…” contains a control character or a text-direction override"). The editor checks the same.
 */
export function findDeceptiveFields(question: Pick<Question, 'title' | 'tags'>): string[] {
	const problems: string[] = [];
	if (question.title !== undefined && hasDeceptiveCharacters(question.title)) problems.push(`the title ${deceptiveWhat}`);
	for (const tag of question.tags) {
		if (hasDeceptiveCharacters(tag)) problems.push(`the tag “${showInvisible(tag).slice(0, 30)}” ${deceptiveWhat}`);
	}
	return problems;
}

/**
 * Oversized fields and tags of an imported question, in words ("the question text can be at most 5,000
 * characters (it has 6,210)"). The editor checks the same limits on its form.
 */
export function findOversizedFields(question: Question): string[] {
	const problems: string[] = [];
	const check = (what: string, value: string | undefined, max: number) => {
		if (value !== undefined && value.length > max) problems.push(`${what} can be at most ${n(max)} characters (it has ${n(value.length)})`);
	};
	check('the question text', question.text, limits.text);
	check('the title', question.title, limits.title);
	check('the explanation', question.explanation, limits.feedback);
	check('the citation key', question.cite, limits.cite);
	const options: { text?: string; feedback?: string }[] =
		question.type === 'single' || question.type === 'multiple'
			? question.choices
			: question.type === 'short'
				? question.answers
				: question.type === 'numeric'
					? question.answers
					: question.type === 'ordering'
						? question.items
						: question.type === 'matching'
							? question.pairs.flatMap((p) => [{ text: p.prompt }, { text: p.answer }])
							: [{ feedback: question.feedbackRight }, { feedback: question.feedbackWrong }];
	if (options.length > limits.rows) problems.push(`a question can have at most ${limits.rows} options or answers (it has ${options.length})`);
	options.forEach((option, i) => {
		check(`option ${i + 1}`, option.text, limits.option);
		check(`the feedback of option ${i + 1}`, option.feedback, limits.feedback);
	});
	if (!(question.points <= limits.points)) problems.push(`points can be at most ${limits.points}`);
	if (question.tags.length > limits.tags) problems.push(`a question can have at most ${limits.tags} tags`);
	const longTag = question.tags.find((tag) => tag.length > limits.tag);
	if (longTag) problems.push(`tags can be at most ${limits.tag} characters (“${longTag.slice(0, 20)}…” is longer)`);
	if (question.tags.some((tag) => tag.toLowerCase().startsWith('cite:'))) problems.push('tags cannot start with “cite:” (use // cite: instead)');
	return problems;
}
