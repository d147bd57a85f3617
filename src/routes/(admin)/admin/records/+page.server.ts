import { requireAdmin } from '$lib/server/auth/guards';
import { catalog } from '$lib/server/content/catalog';
import { courseFromParam } from '$lib/server/records/course-param';
import { courseRoster, ROSTER_HEADER } from '$lib/server/records/roster';
import { RETENTION_YEARS } from '$lib/server/records/retention';
import { readPeriod } from '$lib/validation/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const period = readPeriod(url.searchParams);
	const course = (await courseFromParam(url.searchParams)) ?? null;
	return {
		period,
		course,
		courses: catalog.courses.map((c) => ({ slug: c.slug, title: c.title })),
		header: [...ROSTER_HEADER],
		roster: course ? await courseRoster(course.id, period) : [],
		retentionYears: RETENTION_YEARS
	};
};
