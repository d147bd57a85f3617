import { z } from 'zod';
import { deceptiveTextMessage, hasDeceptiveCharacters } from './text';

// The course evaluation NCBTMB expects at the end of each course: five statements rated 1-5, and comments.

export const evaluationQuestions = [
	{ id: 'objectives', label: 'The course met its stated learning objectives.' },
	{ id: 'accuracy', label: 'The content was accurate and supported by its sources.' },
	{ id: 'relevance', label: 'The course is relevant to my practice.' },
	{ id: 'materials', label: 'The reading, examples and assessments were of good quality.' },
	{ id: 'timeFit', label: 'The time the course took matched its stated CE hours.' }
] as const;

export type EvaluationQuestionId = (typeof evaluationQuestions)[number]['id'];

export const likertLabels = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'] as const;

const likert = z.coerce
	.number({ error: 'Rate every statement from 1 to 5.' })
	.int('Rate every statement from 1 to 5.')
	.min(1, 'Rate every statement from 1 to 5.')
	.max(5, 'Rate every statement from 1 to 5.');

export const COMMENTS_MAX = 2000;

export const evaluationSchema = z.object({
	objectives: likert,
	accuracy: likert,
	relevance: likert,
	materials: likert,
	timeFit: likert,
	comments: z
		.string()
		.optional()
		.default('')
		.transform((v) => v.trim())
		.refine((v) => v.length <= COMMENTS_MAX, `Comments can be at most ${COMMENTS_MAX} characters.`)
		.refine((v) => !hasDeceptiveCharacters(v, { multiline: true }), deceptiveTextMessage('Your comments'))
});

export type EvaluationInput = z.infer<typeof evaluationSchema>;
