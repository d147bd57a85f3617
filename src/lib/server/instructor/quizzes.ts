// Quizzes in the studio: create, settings, duplicate, delete. Every function takes a quiz or course the route has
// already authorised (requireQuizInstructor / requireCourseInstructor).
//
// Editing a quiz that has attempts never changes those attempts or their scores: an attempt froze its questions
// (attempt_questions.version_id) and its score (attempts.points/percent/passed) when it was taken. Settings changed
// here apply to attempts started afterwards; the student's overall grade is recomputed from the stored attempt
// percentages under the current grading method and passing score.
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { QuizSettingsInput } from '$lib/validation/instructor';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';
import { StudioError } from './errors';
import { finalExamSettings, lessonCheckSettings } from '../quiz/defaults';

export async function listCourseLessons(courseId: number) {
	return db
		.select({ id: table.lessons.id, slug: table.lessons.slug, title: table.lessons.title })
		.from(table.lessons)
		.where(and(eq(table.lessons.courseId, courseId), eq(table.lessons.active, true)))
		.orderBy(asc(table.lessons.position));
}

/** lessonId only when the quiz is a lesson check and the lesson belongs to the course; throws a message otherwise. */
async function lessonFor(courseId: number, kind: Quiz['kind'], lessonId: number | null): Promise<number | null> {
	if (kind !== 'lesson') return null;
	const lessons = await listCourseLessons(courseId);
	if (!lessons.some((l) => l.id === lessonId)) throw new StudioError('Choose a lesson of this course.');
	return lessonId;
}

export async function createQuiz(
	courseId: number,
	input: { title: string; description: string; kind: Quiz['kind']; lessonId: number | null }
): Promise<number> {
	const lessonId = await lessonFor(courseId, input.kind, input.lessonId);
	const [row] = await db
		.insert(table.quizzes)
		.values({ courseId, lessonId, kind: input.kind, title: input.title, description: input.description, status: 'draft', ...(input.kind === 'final' ? finalExamSettings : lessonCheckSettings) })
		.returning({ id: table.quizzes.id });
	return row.id;
}

export async function updateQuizSettings(quiz: Quiz, input: QuizSettingsInput): Promise<void> {
	const lessonId = await lessonFor(quiz.courseId, input.kind, input.lessonId);
	await db
		.update(table.quizzes)
		.set({
			title: input.title,
			description: input.description,
			kind: input.kind,
			lessonId,
			passingPercent: input.passingPercent,
			maxAttempts: input.maxAttempts,
			gradingMethod: input.gradingMethod,
			timeLimitSeconds: input.timeLimitMinutes === null ? null : input.timeLimitMinutes * 60,
			shuffleQuestions: input.shuffleQuestions,
			shuffleOptions: input.shuffleOptions,
			drawCount: input.drawCount,
			reviewCorrectness: input.reviewCorrectness,
			reviewFeedback: input.reviewFeedback,
			reviewAnswers: input.reviewAnswers,
			updatedAt: new Date()
		})
		.where(eq(table.quizzes.id, quiz.id));
}

/**
 * A draft copy with the same settings, questions (the same bank questions, in the same order) and draw rules.
 * The copy shares its questions with the original: editing one edits the bank question both use.
 */
export async function duplicateQuiz(quiz: Quiz): Promise<number> {
	return db.transaction(async (tx) => {
		const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, sourceKey: _s, status: _st, title, ...settings } = quiz;
		const [copy] = await tx
			.insert(table.quizzes)
			.values({ ...settings, title: `Copy of ${title}`.slice(0, 200), status: 'draft', sourceKey: null })
			.returning({ id: table.quizzes.id });
		const links = await tx.select().from(table.quizQuestions).where(eq(table.quizQuestions.quizId, quiz.id));
		if (links.length) await tx.insert(table.quizQuestions).values(links.map((l) => ({ ...l, quizId: copy.id })));
		const draws = await tx.select().from(table.quizDraws).where(eq(table.quizDraws.quizId, quiz.id));
		if (draws.length) await tx.insert(table.quizDraws).values(draws.map((d) => ({ ...d, quizId: copy.id })));
		return copy.id;
	});
}

/** Soft delete, audited. Students lose the quiz page; their past attempts and results stay readable. */
export async function deleteQuiz(quiz: Quiz, actorId: number): Promise<void> {
	await db.update(table.quizzes).set({ deletedAt: new Date() }).where(eq(table.quizzes.id, quiz.id));
	await recordAudit('quiz.delete', actorId, `quiz:${quiz.id}`, quiz.title);
}

export async function countAttempts(quizId: number): Promise<number> {
	const [row] = await db.select({ n: count() }).from(table.attempts).where(eq(table.attempts.quizId, quizId));
	return row.n;
}

/** The quiz's own questions in order (deleted bank questions left out), with their bank tags. */
export async function listQuizQuestions(quizId: number) {
	return db
		.select({ id: table.questions.id, position: table.quizQuestions.position, data: table.questions.data, tags: table.questions.tags })
		.from(table.quizQuestions)
		.innerJoin(table.questions, eq(table.questions.id, table.quizQuestions.questionId))
		.where(and(eq(table.quizQuestions.quizId, quizId), isNull(table.questions.deletedAt)))
		.orderBy(asc(table.quizQuestions.position), asc(table.questions.id));
}

export async function listDrawRules(quizId: number) {
	return db
		.select({ tag: table.quizDraws.tag, count: table.quizDraws.count })
		.from(table.quizDraws)
		.where(eq(table.quizDraws.quizId, quizId))
		.orderBy(asc(table.quizDraws.tag));
}
