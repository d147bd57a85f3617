// Publishing: drafts are invisible to students (findPublishedQuiz). A quiz goes live only when publish validation
// ($lib/quiz/validate) finds nothing wrong with every question it can ask, including bank questions its draw rules
// may pick, and no other published quiz already holds its place (one lesson check per lesson, one final exam).
import { and, eq, isNull, ne } from 'drizzle-orm';
import { labelQuestion, validateQuizForPublish, type PublishProblem } from '$lib/quiz/validate';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';
import { bankQuestion, listTaggedQuestions } from './questions';
import { listCourseLessons, listDrawRules, listQuizQuestions } from './quizzes';

export async function findPublishProblems(quiz: Quiz): Promise<PublishProblem[]> {
	const own = await listQuizQuestions(quiz.id);
	const ownIds = new Set(own.map((q) => q.id));
	const draws = await Promise.all(
		(await listDrawRules(quiz.id)).map(async (rule) => ({
			tag: rule.tag,
			count: rule.count,
			candidates: (await listTaggedQuestions(quiz.courseId, rule.tag))
				.filter((q) => !ownIds.has(q.id))
				.map((q) => ({ id: q.id, label: labelQuestion(`Bank question #${q.id}`, q.data), question: bankQuestion(q) }))
		}))
	);
	const problems = validateQuizForPublish({
		passingPercent: quiz.passingPercent,
		drawCount: quiz.drawCount,
		questions: own.map((q, i) => ({ label: labelQuestion(`Question ${i + 1}`, q.data), question: q.data })),
		draws
	});
	return [...(await findPlaceProblems(quiz)), ...problems];
}

/** A lesson has one lesson check and a course one final exam: completion and certificates depend on it. */
async function findPlaceProblems(quiz: Quiz): Promise<PublishProblem[]> {
	if (quiz.kind === 'practice') return [];
	if (quiz.kind === 'lesson') {
		const lessons = await listCourseLessons(quiz.courseId);
		if (!lessons.some((l) => l.id === quiz.lessonId)) return [{ where: 'Settings', message: 'a lesson check must belong to a lesson of this course' }];
	}
	const [other] = await db
		.select({ id: table.quizzes.id, title: table.quizzes.title })
		.from(table.quizzes)
		.where(
			and(
				eq(table.quizzes.courseId, quiz.courseId),
				eq(table.quizzes.kind, quiz.kind),
				quiz.kind === 'lesson' && quiz.lessonId !== null ? eq(table.quizzes.lessonId, quiz.lessonId) : undefined,
				eq(table.quizzes.status, 'published'),
				isNull(table.quizzes.deletedAt),
				ne(table.quizzes.id, quiz.id)
			)
		);
	if (!other) return [];
	const what = quiz.kind === 'lesson' ? 'this lesson already has a published lesson check' : 'this course already has a published final exam';
	return [{ where: 'Settings', message: `${what} (“${other.title}”); unpublish it first or make this a practice quiz` }];
}

/** Publishes when nothing is wrong; otherwise changes nothing and returns the problems. */
export async function publishQuiz(quiz: Quiz, actorId: number): Promise<PublishProblem[]> {
	const problems = await findPublishProblems(quiz);
	if (problems.length > 0) return problems;
	await db.update(table.quizzes).set({ status: 'published', updatedAt: new Date() }).where(eq(table.quizzes.id, quiz.id));
	await recordAudit('quiz.publish', actorId, `quiz:${quiz.id}`, 'published');
	return [];
}

/** Back to draft: students can no longer start it (their past attempts stay readable). */
export async function unpublishQuiz(quiz: Quiz, actorId: number): Promise<void> {
	await db.update(table.quizzes).set({ status: 'draft', updatedAt: new Date() }).where(eq(table.quizzes.id, quiz.id));
	await recordAudit('quiz.publish', actorId, `quiz:${quiz.id}`, 'unpublished');
}
