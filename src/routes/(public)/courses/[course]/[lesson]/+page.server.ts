import { error, fail, redirect } from '@sveltejs/kit';
import { claimsFor, findLesson, referencesFor } from '$lib/server/content/catalog';
import { knowledgeChecksOf } from '$lib/server/content/checks';
import { stripAnswers } from '$lib/quiz/answer-key';
import { answerKnowledgeCheck, finishLesson } from '$lib/server/progress/lesson-commands';
import { findLessonCheck, findLessonIds, readLessonState } from '$lib/server/progress/lessons';
import { publicTrial } from '$lib/appraisal/trials';
import { readAppraisalForm } from '$lib/appraisal/form';
import { submitAppraisal, UnknownTrialError } from '$lib/server/appraisal/submit';
import { findSubmittedAppraisals } from '$lib/server/progress/appraisals';
import { lessonHtml, spliceInto } from '$lib/content/lesson-html';
import type { Actions, PageServerLoad } from './$types';

function lessonOr404(course: string, lesson: string) {
	const found = findLesson(course, lesson);
	if (!found) error(404, 'There is no such lesson. It may have been renamed or removed.');
	return found;
}

type Found = NonNullable<ReturnType<typeof findLesson>>;

/**
 * Everything the page shows that depends only on the lesson (changed only by a deploy): computed once per process
 * instead of on every request. Returned objects are shared, so nothing may modify them.
 */
const lessonViews = new WeakMap<Found['lesson'], ReturnType<typeof buildLessonView>>();

function buildLessonView({ course, lesson, previous, next }: Found) {
	// References are numbered in order of first citation; listed but uncited ones follow.
	const order = [...lesson.cites, ...lesson.references.filter((k) => !lesson.cites.includes(k))];
	const references = referencesFor(order);
	const citations = Object.fromEntries(
		references.map((r, i) => [r.key, { n: i + 1, label: `${r.authors.split(',')[0]} ${r.year ?? ''}`.trim() }])
	);
	// Choices are shuffled with a seed of the lesson and check, so every request would get the same order anyway.
	const checks = Object.fromEntries(
		[...knowledgeChecksOf(lesson)].map(([id, question]) => [id, stripAnswers(question, `${lesson.file}:${id}`, { shuffleChoices: true })])
	);
	// The trials' summaries only: their expert keys reach the browser in a scored result, never before.
	const appraisals = Object.fromEntries(lesson.appraisals.map((id) => [id, publicTrial(course.trials.get(id)!)]));
	return {
		// Rendered into the cached HTML only (lessonHtml), never sent as data.
		render: { references, citations, claims: claimsFor(lesson.claims), checks, appraisals },
		course: { slug: course.slug, title: course.title },
		lesson: {
			slug: lesson.slug,
			title: lesson.title,
			summary: lesson.summary,
			objectives: lesson.objectives,
			minutes: lesson.minutes,
			position: course.lessons.indexOf(lesson) + 1,
			count: course.lessons.length,
			appraisals: lesson.appraisals.length,
			file: lesson.file
		},
		toc: lesson.sections.filter((s) => s.depth === 2).map((s) => ({ id: s.id, heading: s.heading })),
		previous: previous && { slug: previous.slug, title: previous.title },
		next: next && { slug: next.slug, title: next.title }
	};
}

function lessonView(found: Found) {
	let view = lessonViews.get(found.lesson);
	if (!view) lessonViews.set(found.lesson, (view = buildLessonView(found)));
	return view;
}

export const load: PageServerLoad = async ({ params, locals, isDataRequest, request }) => {
	const found = lessonOr404(params.course, params.lesson);
	const { course, lesson } = found;
	const { render, ...view } = lessonView(found);
	const rendered = await lessonHtml(lesson.file, () => render);
	// A page gets the HTML written in place of its markers (+page.ts); a navigation gets it as data.
	if (!isDataRequest) spliceInto(request, rendered);
	const ids = await findLessonIds(course.slug, lesson.slug);
	const check = ids ? await findLessonCheck(ids.lessonId) : null;
	// Read-only: the page's first reading heartbeat (or "I've finished reading") records the visit.
	const state = locals.user && ids ? await readLessonState(locals.user.id, ids, check) : null;
	const submitted = locals.user && ids && lesson.appraisals.length ? await findSubmittedAppraisals(locals.user.id, ids.lessonId) : null;
	return {
		...view,
		body: { islands: rendered.islands, html: isDataRequest ? rendered.html : null },
		appraisalsSubmitted: submitted ? lesson.appraisals.filter((id) => submitted.has(id)) : null,
		lessonCheck: check,
		state
	};
};

export const actions: Actions = {
	/** "I've finished reading": records the end of the lesson and goes on to its check (or back to the course). */
	finish: async ({ params, locals }) => {
		lessonOr404(params.course, params.lesson);
		if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(`/courses/${params.course}/${params.lesson}`)}`);
		const ids = await findLessonIds(params.course, params.lesson);
		if (!ids) error(404, 'There is no such lesson.');
		await finishLesson(locals.user.id, ids);
		const check = await findLessonCheck(ids.lessonId);
		redirect(303, check ? `/quizzes/${check.id}` : `/courses/${params.course}`);
	},
	check: async ({ request, params, locals }) => {
		const { lesson } = lessonOr404(params.course, params.lesson);
		const form = await request.formData().catch(() => null);
		const id = form?.get('check');
		const question = typeof id === 'string' ? knowledgeChecksOf(lesson).get(id) : undefined;
		if (!form || !question || typeof id !== 'string') return fail(400, { check: { id: String(id ?? ''), message: 'Unknown question.' } });
		const field = form.get('answer');
		// A form sent without an answer is graded as blank and records nothing.
		const answer = typeof field === 'string' ? field : undefined;
		const ids = locals.user && answer !== undefined ? await findLessonIds(params.course, params.lesson) : null;
		const result = await answerKnowledgeCheck(locals.user?.id ?? null, { ids, checkId: id, cardKey: `${lesson.file}#${id}`, question }, answer ?? '');
		return {
			check: {
				id,
				status: result.status,
				feedback: result.feedback,
				explanation: question.explanation,
				answer
			}
		};
	},
	/** "Appraise this trial": scores the student's PEDro ratings on the server and, when signed in, records them. */
	appraise: async ({ request, params, locals }) => {
		lessonOr404(params.course, params.lesson);
		const posted = await request.formData().catch(() => null);
		const values: Record<string, string> = {};
		for (const [key, value] of posted ?? []) {
			if (typeof value === 'string' && !(key in values)) values[key] = value;
		}
		const form = readAppraisalForm(values);
		if (!form.ok) return fail(400, { appraisal: { trial: form.trial, message: form.message, chosen: form.chosen } });
		try {
			const result = await submitAppraisal(locals.user?.id ?? null, params, form.trial, form.answers);
			return { appraisal: { trial: form.trial, answers: form.answers, ...result } };
		} catch (e) {
			if (e instanceof UnknownTrialError) return fail(400, { appraisal: { trial: form.trial, message: e.message, chosen: {} } });
			throw e;
		}
	}
};
