// The quiz page of the studio. Every load and action authorises with requireQuizInstructor: another course's quiz
// id gives 403 (or 404 when it does not exist), never data. Edits here change what attempts started from now on
// ask; attempts already taken keep their frozen questions and scores (see $lib/server/instructor/quizzes.ts).
import { fail, redirect } from '@sveltejs/kit';
import { markdownToPlainText } from '$lib/markdown/render';
import { echo, readForm } from '$lib/server/forms';
import { requireQuizInstructor } from '$lib/server/instructor/access';
import { studioAction } from '$lib/server/instructor/errors';
import { findAssessmentWarnings } from '$lib/server/instructor/assessment-lint';
import { findPublishProblems, publishQuiz, unpublishQuiz } from '$lib/server/instructor/publish';
import { countQuizQuestions } from '$lib/server/quiz/question-count';
import { saveQuizSettings } from '$lib/server/instructor/settings';
import { bankQuestion, listBank, listBankTags, listTaggedQuestions } from '$lib/server/instructor/questions';
import { addQuestionsFromBank, moveQuestion, removeDrawRule, removeQuestionFromQuiz, setDrawRule } from '$lib/server/instructor/quiz-questions';
import {
	countAttempts,
	deleteQuiz,
	duplicateQuiz,
	listCourseLessons,
	listDrawRules,
	listQuizQuestions
} from '$lib/server/instructor/quizzes';
import { deleteQuizSchema, drawRuleSchema, moveQuestionSchema, questionRefSchema, quizSettingsSchema } from '$lib/validation/instructor';
import type { Actions, PageServerLoad } from './$types';

const guard = (param: string) => requireQuizInstructor(Number(param));
const excerpt = (markdown: string) => {
	const text = markdownToPlainText(markdown).replace(/\s+/g, ' ');
	return text.length > 140 ? `${text.slice(0, 139)}…` : text;
};

export const load: PageServerLoad = async ({ params, url }) => {
	const { quiz, course } = await guard(params.quizId);
	const bankTag = url.searchParams.get('tag')?.slice(0, 100) || null;
	const [questions, rules, lessons, tags, attempts, problems, bank, questionCount, assessment] = await Promise.all([
		listQuizQuestions(quiz.id),
		listDrawRules(quiz.id),
		listCourseLessons(course.id),
		listBankTags(course.id),
		countAttempts(quiz.id),
		findPublishProblems(quiz),
		listBank(course.id, bankTag, 300),
		countQuizQuestions(quiz),
		findAssessmentWarnings(quiz, course.slug)
	]);
	const inQuiz = new Set(questions.map((q) => q.id));
	const draws = await Promise.all(
		rules.map(async (rule) => ({ ...rule, available: (await listTaggedQuestions(course.id, rule.tag)).filter((q) => !inQuiz.has(q.id)).length }))
	);
	return {
		questionCount,
		course: { id: course.id, title: course.title },
		quiz: {
			id: quiz.id,
			title: quiz.title,
			description: quiz.description,
			kind: quiz.kind,
			lessonId: quiz.lessonId,
			status: quiz.status,
			passingPercent: quiz.passingPercent,
			maxAttempts: quiz.maxAttempts,
			gradingMethod: quiz.gradingMethod,
			timeLimitMinutes: quiz.timeLimitSeconds === null ? null : Math.round(quiz.timeLimitSeconds / 60),
			shuffleQuestions: quiz.shuffleQuestions,
			shuffleOptions: quiz.shuffleOptions,
			drawCount: quiz.drawCount,
			reviewCorrectness: quiz.reviewCorrectness,
			reviewFeedback: quiz.reviewFeedback,
			reviewAnswers: quiz.reviewAnswers
		},
		questions: questions.map((q) => ({ id: q.id, type: q.data.type, points: q.data.points, text: excerpt(q.data.text), tags: bankQuestion(q).tags })),
		draws,
		lessons,
		tags,
		attempts,
		problems,
		assessment,
		bankTag,
		bank: bank
			.filter((q) => !inQuiz.has(q.id))
			.map((q) => ({ id: q.id, type: q.question.type, text: excerpt(q.question.text), tags: q.question.tags })),
		created: url.searchParams.has('created'),
		saved: url.searchParams.get('saved'),
		imported: Number(url.searchParams.get('imported')) || 0
	};
};

/** Question ids posted as repeated "questionId" fields (checkboxes). */
async function readQuestionIds(request: Request): Promise<number[] | null> {
	const form = await request.formData().catch(() => null);
	if (!form) return null;
	const ids = form.getAll('questionId').map((v) => Number(v));
	return ids.every((id) => Number.isSafeInteger(id) && id > 0) ? ids : null;
}

export const actions: Actions = {
	settings: async ({ params, request }) => {
		const { quiz } = await guard(params.quizId);
		const form = await readForm(request, quizSettingsSchema);
		if (!form.ok) return fail(400, { action: 'settings', message: form.message, values: form.values });
		const result = await studioAction({ action: 'settings', values: form.values }, () => saveQuizSettings(quiz, form.data));
		if ('status' in result) return result;
		if (!result.saved) {
			return fail(400, { action: 'settings', message: 'These settings would break the published quiz; nothing was saved.', problems: result.problems, values: form.values });
		}
		return { action: 'settings', success: 'Settings saved. They apply to attempts started from now on.' };
	},
	publish: async ({ params }) => {
		const { quiz, user } = await guard(params.quizId);
		const problems = await publishQuiz(quiz, user.id);
		if (problems.length) return fail(400, { action: 'publish', message: 'The quiz cannot be published yet. Fix the problems below.', problems });
		return { action: 'publish', success: 'Published: students can now take this quiz.' };
	},
	unpublish: async ({ params }) => {
		const { quiz, user } = await guard(params.quizId);
		await unpublishQuiz(quiz, user.id);
		return { action: 'publish', success: 'Unpublished: the quiz is a draft again and students cannot start it.' };
	},
	move: async ({ params, request }) => {
		const { quiz } = await guard(params.quizId);
		const form = await readForm(request, moveQuestionSchema);
		if (!form.ok) return fail(400, { action: 'questions', message: form.message });
		const result = await studioAction({ action: 'questions' }, () => moveQuestion(quiz.id, form.data.questionId, form.data.direction));
		if (typeof result !== 'boolean') return result;
		return { action: 'questions', success: result ? `Question moved ${form.data.direction}.` : `The question is already at the ${form.data.direction === 'up' ? 'top' : 'bottom'}.` };
	},
	remove: async ({ params, request }) => {
		const { quiz } = await guard(params.quizId);
		const form = await readForm(request, questionRefSchema);
		if (!form.ok) return fail(400, { action: 'questions', message: form.message });
		const removed = await removeQuestionFromQuiz(quiz.id, form.data.questionId);
		if (!removed) return fail(404, { action: 'questions', message: 'That question is not in this quiz.' });
		return { action: 'questions', success: 'Question removed from the quiz. It stays in the question bank.' };
	},
	addFromBank: async ({ params, request }) => {
		const { quiz } = await guard(params.quizId);
		const ids = await readQuestionIds(request);
		if (!ids) return fail(400, { action: 'bank', message: 'Choose questions from the list.' });
		if (ids.length === 0) return fail(400, { action: 'bank', message: 'Tick the questions to add first.' });
		const added = await studioAction({ action: 'bank' }, () => addQuestionsFromBank(quiz, ids));
		if (typeof added !== 'number') return added;
		return { action: 'bank', success: `${added} ${added === 1 ? 'question' : 'questions'} added to the quiz.` };
	},
	addDraw: async ({ params, request }) => {
		const { quiz } = await guard(params.quizId);
		const form = await readForm(request, drawRuleSchema);
		if (!form.ok) return fail(400, { action: 'draws', message: form.message, ...echo(form.values, 'tag', 'count') });
		const tags = await listBankTags(quiz.courseId);
		if (!tags.some((t) => t.tag === form.data.tag)) return fail(400, { action: 'draws', message: 'Choose a tag used in this course’s bank.', ...echo(form.values, 'tag', 'count') });
		await setDrawRule(quiz.id, form.data.tag, form.data.count);
		return { action: 'draws', success: `Each attempt now draws ${form.data.count} random ${form.data.count === 1 ? 'question' : 'questions'} tagged “${form.data.tag}”.` };
	},
	removeDraw: async ({ params, request }) => {
		const { quiz } = await guard(params.quizId);
		const tag = (await request.formData().catch(() => null))?.get('tag');
		if (typeof tag !== 'string' || !tag) return fail(400, { action: 'draws', message: 'Choose a draw rule.' });
		await removeDrawRule(quiz.id, tag);
		return { action: 'draws', success: `The draw rule for “${tag}” was removed.` };
	},
	duplicate: async ({ params }) => {
		const { quiz } = await guard(params.quizId);
		const copy = await duplicateQuiz(quiz);
		redirect(303, `/instructor/quizzes/${copy}?created=copy`);
	},
	delete: async ({ params, request }) => {
		const { quiz, user } = await guard(params.quizId);
		const form = await readForm(request, deleteQuizSchema);
		if (!form.ok) return fail(400, { action: 'delete', message: form.message });
		await deleteQuiz(quiz, user.id);
		redirect(303, '/instructor?deleted=1');
	}
};
