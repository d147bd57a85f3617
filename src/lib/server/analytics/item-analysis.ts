// Turns the sampled first attempts into Moodle-style item statistics: the attempt × question matrix for facility,
// discrimination and Cronbach's alpha, and how often each option was chosen. Pure: no database.
import {
	analyseItems,
	cronbachAlpha,
	optionFrequencies,
	type ItemStats,
	type ScoreMatrix
} from '$lib/analytics/quiz-stats';
import { maskQuestionIds } from '$lib/quiz/mask';
import type { Question } from '$lib/quiz/types';
import type { ItemSample, SampledAnswer } from './item-sample';

export interface ItemQuestion {
	id: number;
	/** The question as the bank holds it now; option ids are stable across edits of its text. */
	question: Question;
}

export interface OptionDefinition {
	id: string;
	text: string;
	correct: boolean;
}

export interface OptionCount extends OptionDefinition {
	count: number;
	/** 0..1 of the attempts that were asked the question; null without attempts. */
	share: number | null;
}

export interface ItemReport {
	questionId: number;
	stats: ItemStats;
	/** Choice and true/false questions only. */
	options: OptionCount[] | null;
	/** Attempts that left a choice or true/false question blank. */
	blank: number;
}

/** The options a student could pick, in the question's own order. */
export function optionsOf(question: Question): OptionDefinition[] | null {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return question.choices.map((c) => ({ id: c.id, text: c.text, correct: c.weight > 0 }));
		case 'truefalse':
			return [
				{ id: 'true', text: 'True', correct: question.answer },
				{ id: 'false', text: 'False', correct: !question.answer }
			];
		default:
			return null;
	}
}

/**
 * The source option ids one response chose. Responses store the ids masked with the attempt's seed and the
 * question's position (see askedQuestion), so each source id is masked the same way and matched back. Ids that
 * match no current option (an option removed since) are dropped.
 */
export function chosenSourceIds(question: Question, seed: string, position: number, chosen: SampledAnswer['chosen']): string[] {
	if (chosen === null || chosen === undefined) return [];
	if (question.type === 'truefalse') {
		if (typeof chosen === 'number' || typeof chosen === 'boolean') return [chosen ? 'true' : 'false'];
		return [];
	}
	if (question.type !== 'single' && question.type !== 'multiple') return [];
	const picked = Array.isArray(chosen) ? chosen : [chosen];
	if (picked.length === 0) return [];
	const skeleton = skeletonOf(question);
	const masked = maskQuestionIds(skeleton, `${seed}:${position}`) as Extract<Question, { type: 'single' }>;
	const result: string[] = [];
	for (const id of picked) {
		const index = masked.choices.findIndex((c) => c.id === id);
		if (index >= 0) result.push(skeleton.choices[index].id);
	}
	return result;
}

// The question reduced to its option ids, made once per question: masking it (not the texts) is what the
// thousands of sampled responses cost.
const skeletons = new WeakMap<Question, Extract<Question, { type: 'single' }>>();
function skeletonOf(question: Extract<Question, { type: 'single' | 'multiple' }>) {
	let skeleton = skeletons.get(question);
	if (!skeleton) {
		skeleton = { type: 'single', text: '', points: 0, tags: [], choices: question.choices.map((c) => ({ id: c.id, text: '', weight: 0 })) };
		skeletons.set(question, skeleton);
	}
	return skeleton;
}

/**
 * Item statistics for `questions` (in display order; every question id found in the sample must be among them).
 * Questions nobody in the sample was asked still get a row, with no figures.
 */
export function analyseSample(sample: ItemSample, questions: readonly ItemQuestion[]): { items: ItemReport[]; alpha: number | null } {
	const asked = new Set(sample.answers.map((a) => a.questionId));
	const byId = new Map(questions.map((q) => [q.id, q]));
	for (const id of asked) if (!byId.has(id)) throw new Error(`analyseSample: question ${id} was sampled but not given`);

	// Columns asked in the sample come first, so that alpha (which needs complete rows) ignores the others.
	const columns = [...questions.filter((q) => asked.has(q.id)), ...questions.filter((q) => !asked.has(q.id))];
	const columnOf = new Map(columns.map((q, i) => [q.id, i]));
	const rowOf = new Map(sample.attempts.map((a, i) => [a.id, i]));
	const seedOf = new Map(sample.attempts.map((a) => [a.id, a.seed]));
	const matrix: (number | null)[][] = sample.attempts.map(() => new Array<number | null>(asked.size).fill(null));
	const choices = new Map<number, string[][]>();
	const withOptions = new Set(questions.filter((q) => optionsOf(q.question) !== null).map((q) => q.id));

	for (const answer of sample.answers) {
		const row = rowOf.get(answer.attemptId);
		if (row === undefined) continue;
		const fraction = answer.fraction === null ? null : Math.min(1, Math.max(0, answer.fraction));
		matrix[row][columnOf.get(answer.questionId)!] = fraction;
		if (!withOptions.has(answer.questionId)) continue;
		const { question } = byId.get(answer.questionId)!;
		const list = choices.get(answer.questionId) ?? [];
		list.push(chosenSourceIds(question, seedOf.get(answer.attemptId)!, answer.position, answer.chosen));
		choices.set(answer.questionId, list);
	}

	const stats = analyseItems(matrix as ScoreMatrix, { itemIds: columns.map((q) => String(q.id)) });
	const statsOf = new Map(stats.map((s) => [Number(s.itemId), s]));
	const items = questions.map(({ id, question }): ItemReport => {
		const definitions = optionsOf(question);
		const picked = choices.get(id) ?? [];
		const frequencies = definitions ? optionFrequencies(picked, definitions.map((o) => o.id)) : null;
		return {
			questionId: id,
			stats: statsOf.get(id)!,
			options: definitions && frequencies ? definitions.map((o, i) => ({ ...o, count: frequencies[i].count, share: frequencies[i].share })) : null,
			blank: picked.filter((p) => p.length === 0).length
		};
	});
	return { items, alpha: cronbachAlpha(matrix as ScoreMatrix) };
}
