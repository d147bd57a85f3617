import { requireCourseInstructor } from '$lib/server/instructor/access';
import { loadNewQuestionEditor, runEditorAction } from '$lib/server/instructor/editor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	return { course: { id: course.id, title: course.title }, ...(await loadNewQuestionEditor(course.id, url.searchParams.get('type'))) };
};

const run = (intent: 'save' | 'preview' | 'addRow') =>
	(async ({ params, request }) => {
		const { course } = await requireCourseInstructor(Number(params.courseId));
		return runEditorAction(intent, request, { courseId: course.id, questionId: null, quiz: null }, () => `/instructor/courses/${course.id}/bank?saved=1`);
	}) satisfies Actions[string];

export const actions = { save: run('save'), preview: run('preview'), addRow: run('addRow') } satisfies Actions;
