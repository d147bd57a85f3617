import { error } from '@sveltejs/kit';
import { requireQuizInstructor } from '$lib/server/instructor/access';
import { loadQuestionEditor, runEditorAction } from '$lib/server/instructor/editor';
import { findCourseQuestion } from '$lib/server/instructor/questions';
import { quizHasQuestion } from '$lib/server/instructor/quiz-questions';
import type { Actions, PageServerLoad } from './$types';

/** The quiz (authorised) and one of its own questions; anything else is a 404. */
async function guard(params: { quizId: string; questionId: string }) {
	const { quiz, course } = await requireQuizInstructor(Number(params.quizId));
	const questionId = Number(params.questionId);
	const row = (await quizHasQuestion(quiz.id, questionId)) ? await findCourseQuestion(course.id, questionId) : null;
	if (!row) error(404, 'There is no such question in this quiz.');
	return { quiz, course, row };
}

export const load: PageServerLoad = async ({ params }) => {
	const { quiz, course, row } = await guard(params);
	return {
		quiz: { id: quiz.id, title: quiz.title, shuffleOptions: quiz.shuffleOptions },
		course: { id: course.id, title: course.title },
		...(await loadQuestionEditor(course.id, row))
	};
};

const run = (intent: 'save' | 'preview' | 'addRow') =>
	(async ({ params, request }) => {
		const { quiz, course, row } = await guard(params);
		// Saving edits the bank question in place; attempts keep their question versions (see editor.ts).
		return runEditorAction(intent, request, { courseId: course.id, questionId: row.id, quiz }, () => `/instructor/quizzes/${quiz.id}?saved=question`);
	}) satisfies Actions[string];

export const actions = { save: run('save'), preview: run('preview'), addRow: run('addRow') } satisfies Actions;
