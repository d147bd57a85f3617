import { fail, redirect } from '@sveltejs/kit';
import { readForm, echo } from '$lib/server/forms';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import { studioAction } from '$lib/server/instructor/errors';
import { createQuiz, listCourseLessons } from '$lib/server/instructor/quizzes';
import { createQuizSchema } from '$lib/validation/instructor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	return { course: { id: course.id, title: course.title }, lessons: await listCourseLessons(course.id) };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { course } = await requireCourseInstructor(Number(params.courseId));
		const form = await readForm(request, createQuizSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'title', 'description', 'kind', 'lessonId') });
		const result = await studioAction(echo(form.values, 'title', 'description', 'kind', 'lessonId'), () => createQuiz(course.id, form.data));
		if (typeof result !== 'number') return result;
		redirect(303, `/instructor/quizzes/${result}?created=1`);
	}
};
