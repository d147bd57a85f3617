import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireUser } from '$lib/server/auth/guards';
import { db, table } from '$lib/server/db';
import { loadOwnAttempt } from '$lib/server/quiz/load';
import { findNextStep } from '$lib/server/quiz/next-step';
import { buildAttemptReview } from '$lib/server/quiz/review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const id = Number(params.attempt);
	const loaded = Number.isSafeInteger(id) && id > 0 ? await loadOwnAttempt(id, user.id) : null;
	if (!loaded) error(404, 'There is no such attempt.');
	if (loaded.attempt.status !== 'submitted') redirect(303, `/attempts/${id}`);
	const review = await buildAttemptReview(loaded, user.id);
	const [course] = await db.select({ slug: table.courses.slug, title: table.courses.title }).from(table.courses).where(eq(table.courses.id, loaded.quiz.courseId));
	const lesson = loaded.quiz.lessonId
		? (await db.select({ slug: table.lessons.slug, title: table.lessons.title }).from(table.lessons).where(eq(table.lessons.id, loaded.quiz.lessonId)))[0]
		: null;
	return {
		course,
		lesson,
		quiz: { id: loaded.quiz.id, title: loaded.quiz.title, passingPercent: loaded.quiz.passingPercent },
		attempt: {
			number: loaded.attempt.number,
			percent: loaded.attempt.percent ?? 0,
			points: loaded.attempt.points ?? 0,
			maxPoints: loaded.attempt.maxPoints ?? 0,
			passed: loaded.attempt.passed ?? false,
			expired: loaded.attempt.expired
		},
		nextStep: await findNextStep(user.id, loaded.quiz, loaded.attempt.passed ?? false),
		...review
	};
};
