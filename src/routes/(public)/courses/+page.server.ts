import { formatCe } from '$lib/content/ce';
import { catalog } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	courses: catalog.courses.map((c) => ({
		slug: c.slug,
		title: c.title,
		summary: c.summary,
		level: c.level,
		lessons: c.lessons.length,
		minutes: c.lessons.reduce((sum, l) => sum + l.minutes, 0),
		ce: formatCe(c.ceQuarterHours)
	})),
	tracks: catalog.tracks.map((t) => ({ slug: t.id, title: t.title, description: t.description, courses: t.requiredCourses.length }))
});
