import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { buildAuditPack } from '$lib/server/records/audit-pack';
import { courseFromParam } from '$lib/server/records/course-param';
import { readPeriod } from '$lib/validation/period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	await requireAdmin();
	const course = await courseFromParam(url.searchParams);
	if (!course) error(404, 'Choose a course.');
	const period = readPeriod(url.searchParams);
	const zip = await buildAuditPack(course, period);
	return new Response(zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="audit-pack-${course.slug}-${period.from}-${period.to}.zip"`,
			'cache-control': 'private, no-store'
		}
	});
};
