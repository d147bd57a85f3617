// The question editor's server side, shared by the quiz routes (/instructor/quizzes/[quizId]/questions/...) and
// the bank routes (/instructor/courses/[courseId]/bank/...). Routes authorise first, then call these.
//
// Saving an existing question edits the bank question in place, so every quiz that uses it changes. Attempts do
// not: each froze its questions as question versions (attempt_questions.version_id) when it started, and grading
// and review read only those. A past attempt's questions, answers and score therefore stay exactly as they were.
import { fail, redirect } from '@sveltejs/kit';
import { addRow, buildQuestion, draftFromQuestion, emptyDraft, isQuestionType, readDraft, type QuestionDraft } from '$lib/studio/draft';
import { findQuestionProblems } from '$lib/quiz/validate';
import { limits } from '$lib/validation/instructor';
import { db } from '../db';
import { addQuestionsToQuiz } from './quiz-questions';
import { bankQuestion, findCourseQuestion, insertQuestion, listBankTags, quizzesUsing, updateQuestion } from './questions';
import { listCourseLessons } from './quizzes';

export interface EditorResult {
	draft: QuestionDraft;
	message?: string;
	errors?: string[];
	previewed?: boolean;
}

/** What every editor page needs besides the draft: lessons to tag, existing tags to suggest, where it is used. */
export async function loadEditorContext(courseId: number, questionId: number | null) {
	const [lessons, tags, usedIn] = await Promise.all([
		listCourseLessons(courseId),
		listBankTags(courseId),
		questionId === null ? Promise.resolve([]) : quizzesUsing(questionId)
	]);
	return { lessons: lessons.map((l) => ({ slug: l.slug, title: l.title })), tags: tags.map((t) => t.tag), usedIn };
}

/** The editor page for a new question of the course: an empty draft of the ?type= asked for (single by default). */
export async function loadNewQuestionEditor(courseId: number, typeParam: string | null) {
	const draft = emptyDraft(isQuestionType(typeParam) ? typeParam : 'single');
	return { draft, ...(await loadEditorContext(courseId, null)) };
}

/** The editor page for one of the course's bank questions (the route has found it in the course or quiz). */
export async function loadQuestionEditor(courseId: number, row: NonNullable<Awaited<ReturnType<typeof findCourseQuestion>>>) {
	const context = await loadEditorContext(courseId, row.id);
	const draft = draftFromQuestion(bankQuestion(row), context.lessons.map((l) => l.slug));
	return { questionId: row.id, draft, ...context };
}

/** Reads the posted editor form. A form with too many rows is refused with a message (nothing is dropped). */
export async function readEditorForm(request: Request): Promise<EditorResult> {
	const form = await request.formData().catch(() => null);
	if (!form) return { draft: emptyDraft('single'), message: 'The form could not be read. Please try again.' };
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !(key in values)) values[key] = value;
	const { draft, tooManyRows } = readDraft(values);
	if (tooManyRows) return { draft, message: `A question can have at most ${limits.rows} options or answers.` };
	const { tooLong } = buildQuestion(draft);
	return tooLong.length ? { draft, message: tooLong[0], errors: tooLong } : { draft };
}

export function withExtraRow(result: EditorResult): EditorResult {
	return { ...result, draft: addRow(result.draft) };
}

/**
 * Creates (questionId null) or updates a bank question of the course from the draft; a new question is appended
 * to quizId when given. Returns the question id, or the errors to show with the form.
 */
export async function saveDraft(
	draft: QuestionDraft,
	target: { courseId: number; questionId: number | null; quiz: { id: number; title: string; status: string } | null }
): Promise<{ id: number } | { errors: string[] }> {
	const { question, errors } = buildQuestion(draft);
	const lessons = await listCourseLessons(target.courseId);
	if (draft.lesson.trim() && !lessons.some((l) => l.slug === draft.lesson.trim())) errors.push('Choose a lesson of this course.');
	if (errors.length) return { errors };

	if (target.questionId !== null) {
		const existing = await findCourseQuestion(target.courseId, target.questionId);
		if (!existing) return { errors: ['That question no longer exists.'] };
		if (existing.type !== question.type) return { errors: ['A question’s type cannot change; create a new question instead.'] };
		// A published quiz must stay answerable: refuse edits that would break it for students.
		const published = (await quizzesUsing(target.questionId)).filter((q) => q.status === 'published');
		const problems = findQuestionProblems(question);
		if (published.length && problems.length) {
			const names = published.map((q) => `“${q.title}”`).join(', ');
			return { errors: problems.map((p) => `This question is in the published quiz ${names}, and it ${p}. Fix it, or unpublish the quiz first.`) };
		}
		await updateQuestion(db, target.courseId, target.questionId, question);
		return { id: target.questionId };
	}
	const quiz = target.quiz;
	if (quiz?.status === 'published') {
		const problems = findQuestionProblems(question);
		if (problems.length) return { errors: problems.map((p) => `“${quiz.title}” is published, and this question ${p}. Fix it, or unpublish the quiz first.`) };
	}
	const id = await db.transaction(async (tx) => {
		const created = await insertQuestion(tx, target.courseId, question);
		if (quiz) await addQuestionsToQuiz(tx, { id: quiz.id, courseId: target.courseId }, [created]);
		return created;
	});
	return { id };
}

/**
 * One of the editor's three buttons. "addRow" and "preview" save nothing: they return the draft (with one more
 * row, or as typed) so the page renders it, which is how both work without JavaScript. "save" redirects to
 * done(id) once saved.
 */
export async function runEditorAction(
	intent: 'save' | 'preview' | 'addRow',
	request: Request,
	target: Parameters<typeof saveDraft>[1],
	done: (id: number) => string
) {
	const result = await readEditorForm(request);
	if (result.message) return fail(400, result);
	if (intent === 'addRow') return withExtraRow(result);
	if (intent === 'preview') return { ...result, previewed: true };
	const saved = await saveDraft(result.draft, target);
	if ('errors' in saved) return fail(400, { draft: result.draft, message: saved.errors[0], errors: saved.errors });
	redirect(303, done(saved.id));
}
