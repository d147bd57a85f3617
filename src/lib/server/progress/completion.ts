import { and, eq, isNull } from 'drizzle-orm';
import { aggregateGrade, type GradingMethod } from '$lib/quiz/policy';
import { db, table, type Conn } from '../db';
import { hasAppraisalsOutstanding } from './appraisals';

/** Whether the student passed the quiz under its grading method (highest, last, first or average attempt). */
export async function hasPassedQuiz(userId: number, quizId: number, conn: Conn = db): Promise<boolean> {
	const [quiz] = await conn
		.select({ id: table.quizzes.id, gradingMethod: table.quizzes.gradingMethod, passingPercent: table.quizzes.passingPercent })
		.from(table.quizzes)
		.where(eq(table.quizzes.id, quizId));
	return quiz ? hasPassed(userId, quiz, conn) : false;
}

/** hasPassedQuiz when the quiz's settings are already at hand: one query. */
export async function hasPassed(userId: number, quiz: { id: number; gradingMethod: GradingMethod; passingPercent: number }, conn: Conn = db) {
	const quizId = quiz.id;
	const rows = await conn
		.select({ percent: table.attempts.percent })
		.from(table.attempts)
		.where(and(eq(table.attempts.quizId, quizId), eq(table.attempts.userId, userId), eq(table.attempts.status, 'submitted')))
		.orderBy(table.attempts.number);
	const grade = aggregateGrade(quiz.gradingMethod, rows.map((r) => r.percent ?? 0));
	return grade !== null && grade >= quiz.passingPercent;
}

/** The lesson's published check, if it has one: what a lesson page shows and what completing the lesson requires. */
export async function findLessonCheck(lessonId: number, conn: Conn = db) {
	const [quiz] = await conn
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

/**
 * Completes the lesson once its end was reached, its check passed and each of its trial appraisals submitted.
 * Idempotent: completedAt is set once.
 * Returns true when this also completed the course.
 */
export async function refreshLessonCompletion(userId: number, lessonId: number, now = new Date(), conn: Conn = db): Promise<boolean> {
	const [progress] = await conn
		.select()
		.from(table.lessonProgress)
		.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, lessonId)));
	if (!progress?.reachedEndAt || progress.completedAt) return false;
	const check = await findLessonCheck(lessonId, conn);
	if (check && !(await hasPassed(userId, check, conn))) return false;
	if (await hasAppraisalsOutstanding(userId, lessonId, conn)) return false;
	await conn
		.update(table.lessonProgress)
		.set({ completedAt: now })
		.where(
			and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, lessonId), isNull(table.lessonProgress.completedAt))
		);
	const [lesson] = await conn.select({ courseId: table.lessons.courseId }).from(table.lessons).where(eq(table.lessons.id, lessonId));
	return lesson ? refreshCourseCompletion(userId, lesson.courseId, now, conn) : false;
}

/** Completes the course when every active lesson is complete and the final exam is passed. Set once. */
export async function refreshCourseCompletion(userId: number, courseId: number, now = new Date(), conn: Conn = db): Promise<boolean> {
	const lessons = await conn
		.select({ id: table.lessons.id, completedAt: table.lessonProgress.completedAt })
		.from(table.lessons)
		.leftJoin(
			table.lessonProgress,
			and(eq(table.lessonProgress.lessonId, table.lessons.id), eq(table.lessonProgress.userId, userId))
		)
		.where(and(eq(table.lessons.courseId, courseId), eq(table.lessons.active, true)));
	if (lessons.length === 0 || lessons.some((l) => !l.completedAt)) return false;
	const finals = await conn
		.select({ id: table.quizzes.id })
		.from(table.quizzes)
		.where(
			and(
				eq(table.quizzes.courseId, courseId),
				eq(table.quizzes.kind, 'final'),
				eq(table.quizzes.status, 'published'),
				isNull(table.quizzes.deletedAt)
			)
		);
	for (const final of finals) if (!(await hasPassedQuiz(userId, final.id, conn))) return false;
	const updated = await conn
		.update(table.enrollments)
		.set({ completedAt: now })
		.where(
			and(eq(table.enrollments.userId, userId), eq(table.enrollments.courseId, courseId), isNull(table.enrollments.completedAt))
		)
		.returning({ courseId: table.enrollments.courseId });
	return updated.length > 0;
}

/** After a graded attempt: the lesson or course it belongs to may now be complete. True when the course just was. */
export async function refreshAfterAttempt(
	userId: number,
	quiz: { kind: string; lessonId: number | null; courseId: number },
	now = new Date(),
	conn: Conn = db
): Promise<boolean> {
	if (quiz.kind === 'lesson' && quiz.lessonId !== null) return refreshLessonCompletion(userId, quiz.lessonId, now, conn);
	return refreshCourseCompletion(userId, quiz.courseId, now, conn);
}
