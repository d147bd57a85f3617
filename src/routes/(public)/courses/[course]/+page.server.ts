import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db, table } from '$lib/server/db';
import { enrollInCourse } from '$lib/server/progress/enroll';
import { getCourseProgress, nextStep } from '$lib/server/progress/course-progress';
import { formatCe } from '$lib/content/ce';
import { listTracksOfCourse } from '$lib/server/certification/progress';
import { claimsFor, findCourse } from '$lib/server/content/catalog';
import { courseCeStatus } from '$lib/server/course-certificates/queries';
import type { Actions, PageServerLoad } from './$types';

async function courseRowOr404(slug: string) {
	const course = findCourse(slug);
	if (!course) error(404, `There is no course called “${slug.slice(0, 80)}”.`);
	const [row] = await db.select({ id: table.courses.id }).from(table.courses).where(eq(table.courses.slug, course.slug));
	return { course, courseId: row.id };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { course, courseId } = await courseRowOr404(params.course);
	const progress = locals.user ? await getCourseProgress(locals.user.id, courseId) : null;
	const ceStatus = await courseCeStatus(locals.user?.id ?? null, courseId, course.slug, !!progress?.finalExam?.passed);
	return {
		ceStatus,
		progress: progress && {
			enrolled: progress.enrolled,
			completedAt: progress.completedAt,
			done: progress.lessons.filter((l) => l.completedAt).length,
			lessons: Object.fromEntries(progress.lessons.map((l) => [l.slug, { started: !!l.startedAt, completed: !!l.completedAt, check: l.check && { id: l.check.id, best: l.check.best, passed: l.check.passed } }])),
			finalExam: progress.finalExam && { id: progress.finalExam.id, best: progress.finalExam.best, passed: progress.finalExam.passed, title: progress.finalExam.title },
			next: nextStep(progress)
		},
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
		lessons: course.lessons.map((l) => ({ slug: l.slug, title: l.title, summary: l.summary, minutes: l.minutes })),
		// The intro's <Claim /> badges read their registry entries from page data, as in a lesson.
		claims: claimsFor(course.claims),
		tracks: listTracksOfCourse(course.slug)
	};
};

export const actions: Actions = {
	enroll: async ({ params, locals }) => {
		const { courseId } = await courseRowOr404(params.course);
		if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(`/courses/${params.course}`)}`);
		await enrollInCourse(locals.user.id, courseId);
		return { enrolled: true };
	}
};
