import { courseEvaluationSummary } from '$lib/server/evaluation/summary';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import { MIN_RESPONSES_FOR_COMMENTS } from '$lib/compliance/evaluation-summary';
import { readPeriod } from '$lib/validation/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(/^\d{1,15}$/.test(params.courseId) ? Number(params.courseId) : NaN);
	const period = readPeriod(url.searchParams);
	return {
		course: { id: course.id, title: course.title },
		period,
		summary: await courseEvaluationSummary(course.id, period),
		minimum: MIN_RESPONSES_FOR_COMMENTS
	};
};
