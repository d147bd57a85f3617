// The JSON sidecar beside a GIFT file: { "questions": [...] } for anything GIFT cannot express (ordering),
// though every type is accepted. Each question is validated on its own, so one bad entry does not hide the rest.
import { z } from 'zod';
import { questionTypes, type Question, type QuestionType } from '../quiz/types';
import { createChoiceId } from './answers';

export interface QuestionsJsonError {
	/** 0-based index in the questions array; null when the document itself is wrong. */
	index: number | null;
	/** Path inside the question, e.g. "choices[1].weight"; "" for the question or document itself. */
	field: string;
	/** Full message naming the index and field, ready to print. */
	message: string;
}

export interface QuestionsJsonResult {
	questions: Question[];
	errors: QuestionsJsonError[];
}

const nonEmpty = z.string().refine((text) => text.trim() !== '', 'expected non-empty text');
const weight = z.number().min(-100).max(100);
const feedback = z.string().optional();

const common = {
	title: z.string().optional(),
	text: nonEmpty,
	points: z.number().positive().default(1),
	explanation: z.string().optional(),
	cite: nonEmpty.optional(),
	tags: z.array(nonEmpty).default([])
};

const choices = z
	.array(z.strictObject({ id: nonEmpty.optional(), text: nonEmpty, weight, feedback }))
	.min(2, 'expected at least 2 choices')
	.refine((list) => list.some((choice) => choice.weight > 0), 'expected at least one choice with a positive weight')
	.transform((list) => list.map((choice, i) => ({ ...choice, id: choice.id ?? createChoiceId(i) })));

const toleranceAnswer = z.strictObject({
	kind: z.literal('tolerance'),
	value: z.number(),
	tolerance: z.number().min(0).default(0),
	weight: weight.default(100),
	feedback
});
const rangeAnswer = z
	.strictObject({ kind: z.literal('range'), min: z.number(), max: z.number(), weight: weight.default(100), feedback })
	.refine((answer) => answer.min <= answer.max, 'expected min to be at most max');
// "kind" may be left out: min/max means a range, anything else a value with a tolerance.
const numericAnswer = z.preprocess(
	(value) =>
		isRecord(value) && value.kind === undefined
			? { ...value, kind: 'min' in value || 'max' in value ? 'range' : 'tolerance' }
			: value,
	z.discriminatedUnion('kind', [toleranceAnswer, rangeAnswer])
);

const pairs = z
	.array(z.strictObject({ id: nonEmpty.optional(), prompt: z.string(), answer: nonEmpty }))
	.refine(
		(list) => list.filter((pair) => pair.prompt.trim() !== '').length >= 2,
		'expected at least 2 pairs with a prompt'
	)
	.transform((list) => list.map((pair, i) => ({ ...pair, id: pair.id ?? `m${i + 1}` })));

// Authors may list ordering items as plain strings, in the correct order.
const items = z
	.array(z.union([nonEmpty, z.strictObject({ id: nonEmpty.optional(), text: nonEmpty })]))
	.min(2, 'expected at least 2 items')
	.transform((list) =>
		list.map((item, i) =>
			typeof item === 'string' ? { id: `o${i + 1}`, text: item } : { id: item.id ?? `o${i + 1}`, text: item.text }
		)
	);

const schemas: Record<QuestionType, z.ZodType> = {
	single: z.strictObject({ ...common, type: z.literal('single'), choices }),
	multiple: z.strictObject({ ...common, type: z.literal('multiple'), choices }),
	truefalse: z.strictObject({
		...common,
		type: z.literal('truefalse'),
		answer: z.boolean(),
		feedbackWrong: feedback,
		feedbackRight: feedback
	}),
	short: z.strictObject({
		...common,
		type: z.literal('short'),
		answers: z
			.array(z.strictObject({ text: nonEmpty, weight: weight.default(100), feedback }))
			.min(1, 'expected at least 1 answer')
	}),
	numeric: z.strictObject({
		...common,
		type: z.literal('numeric'),
		answers: z.array(numericAnswer).min(1, 'expected at least 1 answer')
	}),
	matching: z.strictObject({ ...common, type: z.literal('matching'), pairs }),
	ordering: z.strictObject({ ...common, type: z.literal('ordering'), items })
};

export function parseQuestionsJson(text: string): QuestionsJsonResult {
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error) {
		return { questions: [], errors: [documentError(`invalid JSON: ${(error as Error).message}`)] };
	}
	if (!isRecord(document) || !Array.isArray(document.questions)) {
		return { questions: [], errors: [documentError('expected an object with a "questions" array')] };
	}
	const questions: Question[] = [];
	const errors: QuestionsJsonError[] = [];
	document.questions.forEach((entry: unknown, index: number) => {
		const type = isRecord(entry) ? entry.type : undefined;
		if (!questionTypes.includes(type as QuestionType)) {
			const found = type === undefined ? 'nothing' : JSON.stringify(type);
			errors.push(questionError(index, 'type', `expected one of ${questionTypes.join(', ')} but found ${found}`));
			return;
		}
		const result = schemas[type as QuestionType].safeParse(entry);
		if (result.success) {
			const duplicate = findDuplicateId(result.data as Question);
			if (duplicate) errors.push(questionError(index, '', `expected unique ids but "${duplicate}" appears twice`));
			else questions.push(result.data as Question);
		} else {
			for (const issue of result.error.issues) {
				errors.push(questionError(index, formatPath(issue.path), describeIssue(issue)));
			}
		}
	});
	return { questions, errors };
}

/** Pretty-printed sidecar document; only model fields are written (parse-only fields like line are dropped). */
export function writeQuestionsJson(questions: Question[]): string {
	const clean = questions.map((question) => {
		const { line: _line, category: _category, ...rest } = question as Question & { line?: unknown; category?: unknown };
		return rest;
	});
	return JSON.stringify({ questions: clean }, null, 2) + '\n';
}

function findDuplicateId(question: Question): string | undefined {
	const ids =
		question.type === 'single' || question.type === 'multiple'
			? question.choices.map((c) => c.id)
			: question.type === 'matching'
				? question.pairs.map((p) => p.id)
				: question.type === 'ordering'
					? question.items.map((i) => i.id)
					: [];
	return ids.find((id, i) => ids.indexOf(id) !== i);
}

function describeIssue(issue: { code: string; message: string }): string {
	if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'is required';
	return issue.message;
}

function formatPath(path: PropertyKey[]): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

function questionError(index: number, field: string, detail: string): QuestionsJsonError {
	const where = field ? `questions[${index}].${field}` : `questions[${index}]`;
	return { index, field, message: `${where.replace('.[', '[')}: ${detail}` };
}

function documentError(message: string): QuestionsJsonError {
	return { index: null, field: '', message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
