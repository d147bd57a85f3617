// Everything the quiz analytics page shows: the score distribution of every first attempt, and item statistics
// from a bounded sample of them. A fresh computation is four queries whatever the number of attempts; a repeat
// visit with nothing new costs two cheap ones (see the cache below).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { describeScores, passRate, scoreHistogram } from '$lib/analytics/quiz-stats';
import { renderMarkdown } from '$lib/markdown/render';
import type { Question, QuestionType } from '$lib/quiz/types';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';
import { analyseSample, type ItemQuestion } from './item-analysis';
import { ITEM_SAMPLE_SIZE, loadItemSample } from './item-sample';
import { loadQuizScores } from './quiz-scores';

/** Below this many first attempts the page warns that the figures are rough. */
export const FEW_ATTEMPTS = 30;

const typeLabels: Record<QuestionType, string> = {
	single: 'Multiple choice',
	multiple: 'Multiple response',
	truefalse: 'True/false',
	short: 'Short answer',
	numeric: 'Numeric',
	matching: 'Matching',
	ordering: 'Ordering'
};

async function loadCurrentQuestions(quizId: number): Promise<ItemQuestion[]> {
	return db
		.select({ id: table.questions.id, question: table.questions.data })
		.from(table.quizQuestions)
		.innerJoin(table.questions, eq(table.questions.id, table.quizQuestions.questionId))
		.where(eq(table.quizQuestions.quizId, quizId))
		.orderBy(asc(table.quizQuestions.position));
}

/** Questions the sample asked that are no longer in the quiz (removed since, or drawn from the bank by tag). */
async function loadOtherQuestions(ids: number[]): Promise<ItemQuestion[]> {
	if (ids.length === 0) return [];
	return db
		.select({ id: table.questions.id, question: table.questions.data })
		.from(table.questions)
		.where(inArray(table.questions.id, ids))
		.orderBy(asc(table.questions.id));
}

/** Changes whenever an attempt at the quiz is submitted. Answered from attempts_quiz_idx alone. */
async function submittedFingerprint(quizId: number): Promise<string> {
	// One row by primary key: triggers bump the version on every change to the quiz's submitted attempts.
	const [row] = await db.all<{ version: number }>(sql`SELECT submissions_version AS version FROM quizzes WHERE id = ${quizId}`);
	return String(row?.version ?? 0);
}

function describeQuestion(question: Question) {
	return {
		title: question.title?.trim() || null,
		textHtml: renderMarkdown(question.text),
		type: question.type,
		typeLabel: typeLabels[question.type] ?? question.type
	};
}

async function computeQuizAnalytics(quiz: Pick<Quiz, 'id' | 'passingPercent'>, current: ItemQuestion[], sampleSize: number) {
	const scores = await loadQuizScores(quiz.id);
	const sample = await loadItemSample(quiz.id, sampleSize);
	const currentIds = new Set(current.map((q) => q.id));
	const otherIds = [...new Set(sample.answers.map((a) => a.questionId))].filter((id) => !currentIds.has(id));
	const other = await loadOtherQuestions(otherIds);
	const questions = [...current, ...other];
	const { items, alpha } = analyseSample(sample, questions);
	const byId = new Map(questions.map((q) => [q.id, q.question]));
	const students = scores.firstPercents.length;
	return {
		submitted: scores.submitted,
		students,
		summary: describeScores(scores.firstPercents),
		passRate: passRate(scores.firstPercents, quiz.passingPercent),
		histogram: scoreHistogram(scores.firstPercents, 10),
		sample: { size: sample.attempts.length, limit: sampleSize, partial: sample.attempts.length < students },
		few: students < FEW_ATTEMPTS,
		/** The page states this threshold from here, not from its own copy. */
		fewBelow: FEW_ATTEMPTS,
		alpha,
		items: items.map((item) => ({
			...item,
			...describeQuestion(byId.get(item.questionId)!),
			inQuiz: currentIds.has(item.questionId),
			options: item.options?.map((o) => ({ ...o, textHtml: renderMarkdown(o.text, { inline: true }) })) ?? null
		}))
	};
}

export type QuizAnalytics = Awaited<ReturnType<typeof computeQuizAnalytics>>;

// Results of recently viewed quizzes, reused while nothing they depend on has changed: no attempt submitted since
// (fingerprint), the same passing mark, and the quiz's questions unchanged (compared by content). A question
// that is no longer in the quiz is shown as it was when the entry was computed, until the next submission.
// Each server process keeps its own entries; they are exact, never stale statistics.
const CACHED_QUIZZES = 32;
const cache = new Map<number, { key: string; value: QuizAnalytics }>();

export async function getQuizAnalytics(quiz: Pick<Quiz, 'id' | 'passingPercent'>, sampleSize = ITEM_SAMPLE_SIZE): Promise<QuizAnalytics> {
	const [fingerprint, current] = await Promise.all([submittedFingerprint(quiz.id), loadCurrentQuestions(quiz.id)]);
	const key = JSON.stringify([fingerprint, quiz.passingPercent, sampleSize, current]);
	const hit = cache.get(quiz.id);
	if (hit && hit.key === key) {
		// Refresh its place in the eviction order.
		cache.delete(quiz.id);
		cache.set(quiz.id, hit);
		return hit.value;
	}
	const value = await computeQuizAnalytics(quiz, current, sampleSize);
	cache.delete(quiz.id);
	cache.set(quiz.id, { key, value });
	if (cache.size > CACHED_QUIZZES) cache.delete(cache.keys().next().value!);
	return value;
}
