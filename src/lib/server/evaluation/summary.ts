// Evaluation results per course and period, for the course's instructors and admins (never with names).

import { and, eq, gte, lt } from 'drizzle-orm';
import { summarizeEvaluations } from '$lib/compliance/evaluation-summary';
import { db, table } from '../db';

export interface Period {
	/** YYYY-MM-DD, inclusive. */
	from: string;
	/** YYYY-MM-DD, inclusive. */
	to: string;
}

export const periodBounds = (p: Period) => ({ start: new Date(`${p.from}T00:00:00Z`), end: new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000) });

export async function courseEvaluationSummary(courseId: number, period: Period) {
	const { start, end } = periodBounds(period);
	const e = table.courseEvaluations;
	const rows = await db
		.select({ objectives: e.objectives, accuracy: e.accuracy, relevance: e.relevance, materials: e.materials, timeFit: e.timeFit, comments: e.comments })
		.from(e)
		.where(and(eq(e.courseId, courseId), gte(e.submittedAt, start), lt(e.submittedAt, end)));
	return summarizeEvaluations(rows);
}
