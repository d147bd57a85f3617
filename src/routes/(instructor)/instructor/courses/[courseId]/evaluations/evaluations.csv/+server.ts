import { toCsv } from '$lib/analytics/csv';
import { evaluationSummaryRows } from '$lib/compliance/evaluation-summary';
import { courseEvaluationSummary } from '$lib/server/evaluation/summary';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import { readPeriod } from '$lib/validation/period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(/^\d{1,15}$/.test(params.courseId) ? Number(params.courseId) : NaN);
	const period = readPeriod(url.searchParams);
	const summary = await courseEvaluationSummary(course.id, period);
	return new Response('\uFEFF' + toCsv(evaluationSummaryRows(course.title, `${period.from} to ${period.to}`, summary)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="evaluations-${course.slug}-${period.from}-${period.to}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
