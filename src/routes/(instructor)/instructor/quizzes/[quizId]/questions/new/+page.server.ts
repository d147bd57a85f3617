import { requireQuizInstructor } from '$lib/server/instructor/access';
import { loadNewQuestionEditor, runEditorAction } from '$lib/server/instructor/editor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { quiz, course } = await requireQuizInstructor(Number(params.quizId));
	return {
		quiz: { id: quiz.id, title: quiz.title, shuffleOptions: quiz.shuffleOptions },
		course: { id: course.id, title: course.title },
		...(await loadNewQuestionEditor(course.id, url.searchParams.get('type')))
	};
};

const run = (intent: 'save' | 'preview' | 'addRow') =>
	(async ({ params, request }) => {
		const { quiz, course } = await requireQuizInstructor(Number(params.quizId));
		return runEditorAction(intent, request, { courseId: course.id, questionId: null, quiz }, () => `/instructor/quizzes/${quiz.id}?saved=question`);
	}) satisfies Actions[string];

export const actions = { save: run('save'), preview: run('preview'), addRow: run('addRow') } satisfies Actions;
