// The studio's start page: the courses an instructor manages and their quizzes, with the questions each attempt asks.
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { db, table } from '../db';
import { countQuizQuestions } from '../quiz/question-count';
import { manageableCourseIds } from './access';

export async function listStudioCourses(user: SessionUser) {
	const ids = await manageableCourseIds(user);
	if (ids.length === 0) return [];
	const courses = await db
		.select({ id: table.courses.id, slug: table.courses.slug, title: table.courses.title })
		.from(table.courses)
		.where(inArray(table.courses.id, ids))
		.orderBy(asc(table.courses.position));
	const quizzes = await db
		.select({
			id: table.quizzes.id,
			courseId: table.quizzes.courseId,
			title: table.quizzes.title,
			kind: table.quizzes.kind,
			status: table.quizzes.status,
			drawCount: table.quizzes.drawCount,
			lessonTitle: table.lessons.title
		})
		.from(table.quizzes)
		.leftJoin(table.lessons, eq(table.lessons.id, table.quizzes.lessonId))
		.where(and(inArray(table.quizzes.courseId, ids), isNull(table.quizzes.deletedAt)))
		.orderBy(asc(table.quizzes.courseId), asc(table.lessons.position), asc(table.quizzes.kind), asc(table.quizzes.title));
	const quizIds = quizzes.map((q) => q.id);
	const [perAttempt, attemptCounts] = quizIds.length
		? await Promise.all([
				Promise.all(quizzes.map(async (q) => [q.id, (await countQuizQuestions(q)).perAttempt] as const)),
				db
					.select({ quizId: table.attempts.quizId, n: count() })
					.from(table.attempts)
					.where(inArray(table.attempts.quizId, quizIds))
					.groupBy(table.attempts.quizId)
			])
		: [[], []];
	const questionsOf = new Map(perAttempt);
	const attemptsOf = new Map(attemptCounts.map((r) => [r.quizId, r.n]));
	return courses.map((course) => ({
		...course,
		quizzes: quizzes
			.filter((q) => q.courseId === course.id)
			.map((q) => ({ ...q, questions: questionsOf.get(q.id) ?? 0, attempts: attemptsOf.get(q.id) ?? 0 }))
	}));
}
