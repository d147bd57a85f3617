import { classCsvFilename, classViewCsv } from '$lib/server/analytics/class-csv';
import { parseClassQuery } from '$lib/server/analytics/class-query';
import { getClassView } from '$lib/server/analytics/class-view';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import type { RequestHandler } from './$types';

// The class view as CSV: the same filter and sort as the page, every matching student (no paging).
export const GET: RequestHandler = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(/^\d{1,15}$/.test(params.courseId) ? Number(params.courseId) : NaN);
	const view = await getClassView(course, parseClassQuery(url.searchParams), { all: true });
	// The byte-order mark makes Excel read the file as UTF-8 (names with accents).
	return new Response('\uFEFF' + classViewCsv(view), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${classCsvFilename(course.slug)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
