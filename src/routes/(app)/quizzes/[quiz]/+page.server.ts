import { error, fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireUser } from '$lib/server/auth/guards';
import { db, table } from '$lib/server/db';
import { enrollInCourse } from '$lib/server/progress/enroll';
import { startAttempt } from '$lib/server/quiz/attempts';
import { UserError } from '$lib/server/errors';
import { findPublishedQuiz } from '$lib/server/quiz/load';
import { countQuizQuestions } from '$lib/server/quiz/question-count';
import { getQuizStanding } from '$lib/server/quiz/student';
import type { Actions, PageServerLoad } from './$types';

async function quizOr404(param: string) {
	const id = Number(param);
	const quiz = Number.isSafeInteger(id) && id > 0 ? await findPublishedQuiz(id) : null;
	if (!quiz) error(404, 'There is no such quiz, or it is not published yet.');
	return quiz;
}

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const quiz = await quizOr404(params.quiz);
	const [course] = await db.select({ slug: table.courses.slug, title: table.courses.title }).from(table.courses).where(eq(table.courses.id, quiz.courseId));
	const lesson = quiz.lessonId
		? (await db.select({ slug: table.lessons.slug, title: table.lessons.title }).from(table.lessons).where(eq(table.lessons.id, quiz.lessonId)))[0]
		: null;
	return {
		quiz: {
			id: quiz.id,
			title: quiz.title,
			description: quiz.description,
			kind: quiz.kind,
			passingPercent: quiz.passingPercent,
			maxAttempts: quiz.maxAttempts,
			gradingMethod: quiz.gradingMethod,
			timeLimitMinutes: quiz.timeLimitSeconds === null ? null : Math.round(quiz.timeLimitSeconds / 60),
			questionCount: (await countQuizQuestions(quiz)).perAttempt
		},
		course,
		lesson,
		standing: await getQuizStanding(quiz, user.id)
	};
};

export const actions: Actions = {
	start: async ({ params }) => {
		const user = requireUser();
		const quiz = await quizOr404(params.quiz);
		let attemptId: number;
		try {
			await enrollInCourse(user.id, quiz.courseId);
			attemptId = await startAttempt(quiz, user.id);
		} catch (e) {
			if (e instanceof UserError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/attempts/${attemptId}`);
	}
};
