import { error, fail, redirect } from '@sveltejs/kit';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import { loadQuestionEditor, runEditorAction } from '$lib/server/instructor/editor';
import { deleteBankQuestion, findCourseQuestion, quizzesUsing } from '$lib/server/instructor/questions';
import type { Actions, PageServerLoad } from './$types';

/** The course (authorised) and one of its bank questions; another course's question id is a 404. */
async function guard(params: { courseId: string; questionId: string }) {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	const row = await findCourseQuestion(course.id, Number(params.questionId));
	if (!row) error(404, 'There is no such question in this course’s bank.');
	return { course, row };
}

export const load: PageServerLoad = async ({ params }) => {
	const { course, row } = await guard(params);
	return { course: { id: course.id, title: course.title }, ...(await loadQuestionEditor(course.id, row)) };
};

const run = (intent: 'save' | 'preview' | 'addRow') =>
	(async ({ params, request }) => {
		const { course, row } = await guard(params);
		// Saving edits the bank question in place, in every quiz that uses it; attempts keep their question versions.
		return runEditorAction(intent, request, { courseId: course.id, questionId: row.id, quiz: null }, () => `/instructor/courses/${course.id}/bank?saved=1`);
	}) satisfies Actions[string];

export const actions = {
	save: run('save'),
	preview: run('preview'),
	addRow: run('addRow'),
	delete: async ({ params, request }) => {
		const { course, row } = await guard(params);
		const confirmed = (await request.formData().catch(() => null))?.get('confirm') === 'yes';
		if (!confirmed) return fail(400, { message: 'Tick the box to confirm that you want to delete this question.' });
		const published = (await quizzesUsing(row.id)).filter((q) => q.status === 'published');
		if (published.length) {
			return fail(400, { message: `This question is in the published quiz ${published.map((q) => `“${q.title}”`).join(', ')}; remove it there first.` });
		}
		await deleteBankQuestion(course.id, row.id);
		redirect(303, `/instructor/courses/${course.id}/bank?deleted=1`);
	}
} satisfies Actions;
