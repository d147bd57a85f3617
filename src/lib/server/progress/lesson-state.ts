import { and, eq, isNull } from 'drizzle-orm';
import type { GradingMethod } from '$lib/quiz/policy';
import { db, table } from '../db';
import { hasPassed } from './completion';
import { enrollInCourse } from './enroll';

// Course and lesson rows are keyed by slug and never deleted, so their ids are stable for the life of the process.
const idCache = new Map<string, { courseId: number; lessonId: number }>();

/** The database ids of a lesson, by slugs, for recording progress against it. */
export async function findLessonIds(courseSlug: string, lessonSlug: string) {
	const cached = idCache.get(`${courseSlug}/${lessonSlug}`);
	if (cached) return cached;
	const [row] = await db
		.select({ courseId: table.courses.id, lessonId: table.lessons.id })
		.from(table.lessons)
		.innerJoin(table.courses, eq(table.courses.id, table.lessons.courseId))
		.where(and(eq(table.courses.slug, courseSlug), eq(table.lessons.slug, lessonSlug)));
	if (row) idCache.set(`${courseSlug}/${lessonSlug}`, row);
	return row ?? null;
}

export async function findLessonCheck(lessonId: number) {
	const [quiz] = await db
		.select({
			id: table.quizzes.id,
			title: table.quizzes.title,
			passingPercent: table.quizzes.passingPercent,
			gradingMethod: table.quizzes.gradingMethod
		})
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

/** "Continue" needs to know roughly when a lesson was last open; closer than this, a visit writes nothing. */
const VISIT_GRANULARITY_MS = 5 * 60 * 1000;

/**
 * Records that the student opened the lesson and returns what the page shows about their progress on it. Opening
 * starts the lesson (and enrolls, the first time) but never completes it. Repeat views within a few minutes are
 * read-only, so reading a lesson costs no database write.
 */
export async function visitLesson(
	userId: number,
	ids: { courseId: number; lessonId: number },
	check: { id: number; gradingMethod: GradingMethod; passingPercent: number } | null,
	now = new Date()
) {
	const [progress] = await db
		.select({ reachedEndAt: table.lessonProgress.reachedEndAt, completedAt: table.lessonProgress.completedAt, lastSeenAt: table.lessonProgress.lastSeenAt })
		.from(table.lessonProgress)
		.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, ids.lessonId)));
	if (!progress) {
		await enrollInCourse(userId, ids.courseId);
		await db.insert(table.lessonProgress).values({ userId, lessonId: ids.lessonId, startedAt: now, lastSeenAt: now }).onConflictDoNothing();
	} else if (now.getTime() - progress.lastSeenAt.getTime() > VISIT_GRANULARITY_MS) {
		await db
			.update(table.lessonProgress)
			.set({ lastSeenAt: now })
			.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, ids.lessonId)));
	}
	return {
		reachedEnd: !!progress?.reachedEndAt,
		completed: !!progress?.completedAt,
		checkPassed: check === null ? false : await hasPassed(userId, check)
	};
}
