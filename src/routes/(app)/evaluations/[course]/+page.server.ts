import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireUser } from '$lib/server/auth/guards';
import { findCourse } from '$lib/server/content/catalog';
import { db, table } from '$lib/server/db';
import { EvaluationError, findEvaluation, submitCourseEvaluation } from '$lib/server/evaluation/submit';
import { readForm } from '$lib/server/forms';
import { getCourseProgress } from '$lib/server/progress/course-progress';
import { evaluationQuestions, evaluationSchema, likertLabels } from '$lib/validation/evaluation';
import type { Actions, PageServerLoad } from './$types';

async function courseOr404(slug: string) {
	const course = findCourse(slug);
	if (!course) error(404, 'There is no such course.');
	const [row] = await db.select({ id: table.courses.id }).from(table.courses).where(eq(table.courses.slug, course.slug));
	return { course, courseId: row.id };
}

const OUTCOMES = {
	'not-complete': 'Your certificate is issued once every lesson of the course is complete.',
	'no-evaluation': 'Your evaluation could not be read back. Please try again.',
	'no-approval': 'This course has no valid CE approval, so no CE certificate is issued. Your completion is recorded.',
	'no-course': 'This course no longer exists.'
} as const;

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const { course, courseId } = await courseOr404(params.course);
	const [progress, evaluation] = await Promise.all([getCourseProgress(user.id, courseId), findEvaluation(user.id, courseId)]);
	return {
		course: { slug: course.slug, title: course.title },
		finalPassed: !!progress.finalExam?.passed,
		submitted: !!evaluation,
		questions: [...evaluationQuestions],
		likert: [...likertLabels]
	};
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const user = requireUser();
		const { courseId } = await courseOr404(params.course);
		const form = await readForm(request, evaluationSchema);
		if (!form.ok) return fail(400, { message: form.message, values: form.values });
		try {
			const outcome = await submitCourseEvaluation(user.id, courseId, form.data);
			if (outcome.certificate)
				return { success: 'Thank you. Your Certificate of Achievement is ready.', certificate: { id: outcome.certificate.id, code: outcome.certificate.code } };
			return { success: `Thank you for your evaluation. ${'reason' in outcome ? OUTCOMES[outcome.reason] : ''}`, certificate: null };
		} catch (e) {
			if (e instanceof EvaluationError) return fail(e.status, { message: e.message, values: form.values });
			throw e;
		}
	}
};
