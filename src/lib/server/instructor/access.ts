import { error } from '@sveltejs/kit';
import { and, eq, isNull } from 'drizzle-orm';
import { requireRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { db, table } from '../db';

/** Course ids the user may manage: admins manage every course, instructors only those assigned to them. */
export async function manageableCourseIds(user: SessionUser): Promise<number[]> {
	if (user.role === 'admin') {
		return (await db.select({ id: table.courses.id }).from(table.courses)).map((c) => c.id);
	}
	const rows = await db
		.select({ id: table.courseInstructors.courseId })
		.from(table.courseInstructors)
		.where(eq(table.courseInstructors.userId, user.id));
	return rows.map((r) => r.id);
}

/** The signed-in instructor or admin, if they may manage the course; 403 otherwise, 404 for an unknown course. */
export async function requireCourseInstructor(courseId: number) {
	const user = requireRole('instructor', 'admin');
	if (!Number.isSafeInteger(courseId) || courseId <= 0) error(404, 'There is no such course.');
	const [course] = await db.select().from(table.courses).where(eq(table.courses.id, courseId));
	if (!course) error(404, 'There is no such course.');
	if (user.role !== 'admin') {
		const [assigned] = await db
			.select({ userId: table.courseInstructors.userId })
			.from(table.courseInstructors)
			.where(and(eq(table.courseInstructors.userId, user.id), eq(table.courseInstructors.courseId, courseId)));
		if (!assigned) error(403, 'You do not teach this course.');
	}
	return { user, course };
}

/** The quiz (not deleted) and its course, if the signed-in user may manage that course. */
export async function requireQuizInstructor(quizId: number) {
	requireRole('instructor', 'admin');
	if (!Number.isSafeInteger(quizId) || quizId <= 0) error(404, 'There is no such quiz.');
	const [quiz] = await db
		.select()
		.from(table.quizzes)
		.where(and(eq(table.quizzes.id, quizId), isNull(table.quizzes.deletedAt)));
	if (!quiz) error(404, 'There is no such quiz.');
	const { user, course } = await requireCourseInstructor(quiz.courseId);
	return { user, course, quiz };
}
