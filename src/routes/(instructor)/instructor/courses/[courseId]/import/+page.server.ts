// GIFT/JSON import: check and preview first (nothing saved), then confirm. The preview carries the source in a
// hidden field and confirm parses it again, so what is saved is exactly what was checked; the save is one
// transaction, so a file with any error saves nothing.
import { fail, redirect } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { markdownToPlainText } from '$lib/markdown/render';
import { findQuestionProblems } from '$lib/quiz/validate';
import { db, table } from '$lib/server/db';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import { readImportRequest, resolveTarget } from '$lib/server/instructor/import-form';
import { planImport, saveImport } from '$lib/server/instructor/transfer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	const quizzes = await db
		.select({ id: table.quizzes.id, title: table.quizzes.title, status: table.quizzes.status })
		.from(table.quizzes)
		.where(and(eq(table.quizzes.courseId, course.id), isNull(table.quizzes.deletedAt)))
		.orderBy(asc(table.quizzes.title));
	return { course: { id: course.id, title: course.title }, quizzes };
};

const shown = 300;

async function check(courseId: number, request: Request) {
	const read = await readImportRequest(request);
	if (!read.ok) return { failure: fail(read.status, { message: `Nothing was saved. ${read.message}`, errors: [] as string[], ...read.echo }) };
	const { source: _source, ...echo } = read.data; // the preview carries the source itself, for confirm
	const target = await resolveTarget(courseId, read.data);
	if (typeof target === 'string') return { failure: fail(400, { message: target, errors: [] as string[], ...echo }) };
	const plan = planImport(read.data.source, read.data.format);
	if (plan.errors.length) {
		const message = `Nothing was saved: the ${plan.format === 'gift' ? 'GIFT' : 'JSON'} has ${plan.errors.length} ${plan.errors.length === 1 ? 'problem' : 'problems'}.`;
		return { failure: fail(400, { message, errors: plan.errors.slice(0, 100), ...echo }) };
	}
	if (target.kind === 'quiz' && target.quiz.status === 'published') {
		const broken = plan.questions.flatMap((q, i) => findQuestionProblems(q).map((p) => `Question ${i + 1} ${p}.`));
		if (broken.length) {
			const message = `Nothing was saved: “${target.quiz.title}” is published, and these questions would break it.`;
			return { failure: fail(400, { message, errors: broken.slice(0, 100), ...echo }) };
		}
	}
	return { plan, target, request: read.data };
}

export const actions: Actions = {
	preview: async ({ params, request }) => {
		const { course } = await requireCourseInstructor(Number(params.courseId));
		const checked = await check(course.id, request);
		if ('failure' in checked) return checked.failure;
		const { plan, request: data } = checked;
		const byType: Record<string, number> = {};
		for (const q of plan.questions) byType[q.type] = (byType[q.type] ?? 0) + 1;
		return {
			...data,
			pasted: '',
			plan: {
				format: plan.format,
				count: plan.questions.length,
				byType,
				items: plan.questions.slice(0, shown).map((q) => ({
					type: q.type,
					text: markdownToPlainText(q.title ? `${q.title}: ${q.text}` : q.text).replace(/\s+/g, ' ').slice(0, 160),
					points: q.points,
					tags: [...q.tags, ...(q.cite ? [`cite:${q.cite}`] : [])]
				}))
			}
		};
	},
	confirm: async ({ params, request }) => {
		const { course } = await requireCourseInstructor(Number(params.courseId));
		const checked = await check(course.id, request);
		if ('failure' in checked) return checked.failure;
		const { count, quizId } = await saveImport(course.id, checked.plan.questions, checked.target);
		redirect(303, quizId !== null ? `/instructor/quizzes/${quizId}?imported=${count}` : `/instructor/courses/${course.id}/bank?imported=${count}`);
	}
};
