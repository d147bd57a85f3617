// Aggregating course evaluations for instructors and admins. Pure. Comments are shown only once at least
// MIN_RESPONSES_FOR_COMMENTS learners answered, and never with names or dates, so no answer can be traced back.

import { evaluationQuestions, type EvaluationQuestionId } from '../validation/evaluation';

export const MIN_RESPONSES_FOR_COMMENTS = 5;

export type EvaluationAnswers = Record<EvaluationQuestionId, number> & { comments: string };

export interface QuestionSummary {
	id: EvaluationQuestionId;
	label: string;
	mean: number | null;
	/** How many answered 1, 2, 3, 4 and 5. */
	counts: [number, number, number, number, number];
}

export interface EvaluationSummary {
	responses: number;
	questions: QuestionSummary[];
	/** Null until enough learners answered; then the non-empty comments in alphabetical order (not submission order). */
	comments: string[] | null;
}

export function summarizeEvaluations(rows: readonly EvaluationAnswers[]): EvaluationSummary {
	const questions = evaluationQuestions.map((q) => {
		const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
		let sum = 0;
		for (const r of rows) {
			counts[r[q.id] - 1]++;
			sum += r[q.id];
		}
		return { id: q.id, label: q.label, mean: rows.length ? Math.round((sum / rows.length) * 100) / 100 : null, counts };
	});
	const comments =
		rows.length >= MIN_RESPONSES_FOR_COMMENTS
			? rows.map((r) => r.comments.trim()).filter(Boolean).sort((a, b) => a.localeCompare(b))
			: null;
	return { responses: rows.length, questions, comments };
}

/** The summary as CSV rows: one per statement with its mean and counts, then the comments when they may be shown. */
export function evaluationSummaryRows(courseTitle: string, period: string, s: EvaluationSummary): (string | number | null)[][] {
	const rows: (string | number | null)[][] = [
		['Course', courseTitle],
		['Period', period],
		['Responses', s.responses],
		[],
		['Statement', 'Mean (1-5)', '1', '2', '3', '4', '5'],
		...s.questions.map((q) => [q.label, q.mean, ...q.counts])
	];
	rows.push([]);
	if (s.comments) rows.push(['Comments'], ...s.comments.map((c) => [c]));
	else rows.push([`Comments are shown once at least ${MIN_RESPONSES_FOR_COMMENTS} learners have answered.`]);
	return rows;
}
