import { buildCatalog, type ContentFiles } from '$lib/content/catalog';

// The one content index, built once when the server starts from the files bundled at build time. The same
// validation ran in the build (scripts/vite-plugin-lessons.ts), so a bad file never reaches this point.
const files = import.meta.glob(['/lessons/**/*.{md,gift,json,yaml}', '!/lessons/README.md'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as ContentFiles;

export const catalog = buildCatalog(files);

export function findCourse(slug: string) {
	return catalog.courses.find((c) => c.slug === slug) ?? null;
}

export function findLesson(courseSlug: string, lessonSlug: string) {
	const course = findCourse(courseSlug);
	if (!course) return null;
	const index = course.lessons.findIndex((l) => l.slug === lessonSlug);
	if (index < 0) return null;
	return {
		course,
		lesson: course.lessons[index],
		previous: course.lessons[index - 1] ?? null,
		next: course.lessons[index + 1] ?? null
	};
}

export function referencesFor(keys: string[]) {
	return keys.map((key) => catalog.bibliography.get(key)!);
}

/** The registry entries a lesson's <Claim /> badges show, keyed by id. */
export function claimsFor(ids: string[]) {
	return Object.fromEntries(
		ids.map((id) => {
			const { grade, certainty, statement, sources } = catalog.claims.get(id)!;
			return [id, { grade, certainty, statement, sources }];
		})
	);
}
