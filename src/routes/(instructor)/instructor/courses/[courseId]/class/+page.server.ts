import { parseClassQuery } from '$lib/server/analytics/class-query';
import { getClassView } from '$lib/server/analytics/class-view';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(/^\d{1,15}$/.test(params.courseId) ? Number(params.courseId) : NaN);
	const query = parseClassQuery(url.searchParams);
	return {
		course: { id: course.id, title: course.title, ceQuarterHours: course.ceQuarterHours },
		query,
		view: await getClassView(course, query)
	};
};
