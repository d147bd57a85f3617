import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { rosterCsv } from '$lib/server/records/audit-pack';
import { courseFromParam } from '$lib/server/records/course-param';
import { readPeriod } from '$lib/validation/period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	await requireAdmin();
	const course = await courseFromParam(url.searchParams);
	if (!course) error(404, 'Choose a course.');
	const period = readPeriod(url.searchParams);
	return new Response(await rosterCsv(course.id, period), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="roster-${course.slug}-${period.from}-${period.to}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
