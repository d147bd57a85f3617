import { catalog } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	courses: catalog.courses.map((c) => ({ slug: c.slug, title: c.title, summary: c.summary, lessons: c.lessons.length }))
});
