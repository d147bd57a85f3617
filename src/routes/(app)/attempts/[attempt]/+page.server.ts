import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { expireIfOverdue, saveResponses, submitAttempt } from '$lib/server/quiz/attempts';
import { QuizError } from '$lib/server/quiz/errors';
import { loadOwnAttempt, publicQuestions } from '$lib/server/quiz/load';
import { afterAttemptGraded } from '$lib/server/quiz/after-grading';
import type { FormFields } from '$lib/quiz/responses';
import type { Actions, PageServerLoad } from './$types';

function attemptIdOf(param: string): number {
	const id = Number(param);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'There is no such attempt.');
	return id;
}

async function formFields(request: Request): Promise<FormFields> {
	const data = await request.formData().catch(() => null);
	if (!data) return {};
	const fields: FormFields = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		const existing = fields[key];
		fields[key] = existing === undefined ? value : [...[existing].flat(), value];
	}
	return fields;
}

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const id = attemptIdOf(params.attempt);
	const loaded = await loadOwnAttempt(id, user.id);
	if (!loaded) error(404, 'There is no such attempt.');
	if (await expireIfOverdue(id, user.id)) {
		await afterAttemptGraded(user.id, loaded.quiz, id);
		redirect(303, `/attempts/${id}/result`);
	}
	if (loaded.attempt.status === 'submitted') redirect(303, `/attempts/${id}/result`);
	return {
		attempt: { id, number: loaded.attempt.number, deadlineAt: loaded.attempt.deadlineAt },
		quiz: { id: loaded.quiz.id, title: loaded.quiz.title },
		questions: publicQuestions(loaded).map((question, i) => ({
			question,
			name: `q${loaded.questions[i].position}`,
			response: loaded.questions[i].response
		}))
	};
};

async function handle<T>(run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof QuizError) return fail(e.status, { message: e.message });
		throw e;
	}
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const user = requireUser();
		const id = attemptIdOf(params.attempt);
		const fields = await formFields(request);
		return handle(async () => {
			try {
				await saveResponses(id, user.id, fields);
			} catch (e) {
				// The attempt was just closed for running out of time: completion may follow from it.
				if (e instanceof QuizError && e.status === 409) {
					const loaded = await loadOwnAttempt(id, user.id);
					if (loaded) await afterAttemptGraded(user.id, loaded.quiz, id);
				}
				throw e;
			}
			return { saved: new Date().toISOString() };
		});
	},
	submit: async ({ params, request }) => {
		const user = requireUser();
		const id = attemptIdOf(params.attempt);
		const fields = await formFields(request);
		const result = await handle(() => submitAttempt(id, user.id, fields));
		if ('status' in result) return result;
		if (!result.alreadySubmitted) await afterAttemptGraded(user.id, result.quiz, id);
		redirect(303, `/attempts/${id}/result`);
	}
};
