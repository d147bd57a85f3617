import { and, eq, isNull } from 'drizzle-orm';
import { db, table } from '../db';
import { hasPassedQuiz } from './completion';

/** The database ids of a lesson, by slugs, for recording progress against it. */
export async function findLessonIds(courseSlug: string, lessonSlug: string) {
	const [row] = await db
		.select({ courseId: table.courses.id, lessonId: table.lessons.id })
		.from(table.lessons)
		.innerJoin(table.courses, eq(table.courses.id, table.lessons.courseId))
		.where(and(eq(table.courses.slug, courseSlug), eq(table.lessons.slug, lessonSlug)));
	return row ?? null;
}

export async function findLessonCheck(lessonId: number) {
	const [quiz] = await db
		.select({ id: table.quizzes.id, title: table.quizzes.title, passingPercent: table.quizzes.passingPercent })
		.from(table.quizzes)
		.where(
			and(
				eq(table.quizzes.lessonId, lessonId),
				eq(table.quizzes.kind, 'lesson'),
				eq(table.quizzes.status, 'published'),
				isNull(table.quizzes.deletedAt)
			)
		);
	return quiz ?? null;
}

/** What the lesson page shows about the student's progress on it. */
export async function getLessonState(userId: number, lessonId: number, checkId: number | null) {
	const [progress] = await db
		.select({ reachedEndAt: table.lessonProgress.reachedEndAt, completedAt: table.lessonProgress.completedAt })
		.from(table.lessonProgress)
		.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, lessonId)));
	return {
		reachedEnd: !!progress?.reachedEndAt,
		completed: !!progress?.completedAt,
		checkPassed: checkId === null ? false : await hasPassedQuiz(userId, checkId)
	};
}
