// Submitting a course evaluation: allowed once the course's final is passed, once per learner and course. In the
// same transaction it issues the course certificate when the course is complete, so the two never disagree.

import { and, eq } from 'drizzle-orm';
import type { EvaluationInput } from '$lib/validation/evaluation';
import { db, table } from '../db';
import { issueCourseCertificate, type IssueOutcome } from '../course-certificates/issue';
import { getCourseProgress } from '../progress/course-progress';

export class EvaluationError extends Error {
	constructor(
		message: string,
		readonly status: 403 | 404 | 409
	) {
		super(message);
	}
}

export async function findEvaluation(userId: number, courseId: number) {
	const [row] = await db
		.select()
		.from(table.courseEvaluations)
		.where(and(eq(table.courseEvaluations.userId, userId), eq(table.courseEvaluations.courseId, courseId)));
	return row ?? null;
}

/** Stores the evaluation and issues the course certificate if everything else is in place. */
export async function submitCourseEvaluation(
	userId: number,
	courseId: number,
	input: EvaluationInput,
	now = new Date()
): Promise<IssueOutcome> {
	const progress = await getCourseProgress(userId, courseId);
	if (!progress.finalExam?.passed) throw new EvaluationError('The evaluation opens once you have passed the final exam.', 403);
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(table.courseEvaluations)
			.values({ userId, courseId, ...input, submittedAt: now })
			.onConflictDoNothing()
			.returning({ id: table.courseEvaluations.id });
		if (inserted.length === 0) throw new EvaluationError('You have already evaluated this course. Thank you.', 409);
		return issueCourseCertificate(userId, courseId, now, tx);
	});
}
