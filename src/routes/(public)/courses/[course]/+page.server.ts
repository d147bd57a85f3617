import { error } from '@sveltejs/kit';
import { formatCe } from '$lib/content/ce';
import { findCourse } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const course = findCourse(params.course);
	if (!course) error(404, `There is no course called “${params.course.slice(0, 80)}”.`);
	return {
		course: {
			slug: course.slug,
			title: course.title,
			summary: course.summary,
			level: course.level,
			audience: course.audience,
			ceCategory: course.ceCategory,
			ce: formatCe(course.ceQuarterHours),
			wordCount: course.wordCount,
			file: course.hasIntro ? course.file : null
		},
		lessons: course.lessons.map((l) => ({ slug: l.slug, title: l.title, summary: l.summary, minutes: l.minutes }))
	};
};
