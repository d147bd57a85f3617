import { error, fail, redirect } from '@sveltejs/kit';
import { isAnswered } from '$lib/quiz/answered';
import { attemptsLeft, isPastDeadline } from '$lib/quiz/policy';
import { requireUser } from '$lib/server/auth/guards';
import { readFormFields } from '$lib/server/forms';
import { saveAttempt, submitAttempt } from '$lib/server/quiz/attempt-commands';
import { UserError } from '$lib/server/errors';
import { loadOwnAttempt, publicQuestions } from '$lib/server/quiz/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const id = Number(params.attempt);
	const loaded = await loadOwnAttempt(id, user.id);
	if (!loaded) error(404, 'There is no such attempt.');
	if (loaded.attempt.status === 'submitted') redirect(303, `/attempts/${id}/result`);
	return {
		attempt: { id, number: loaded.attempt.number, deadlineAt: loaded.attempt.deadlineAt },
		// Past the deadline the page offers only to grade what was saved; the load itself never closes the attempt.
		timeUp: isPastDeadline(loaded.attempt.deadlineAt, new Date()),
		quiz: { id: loaded.quiz.id, title: loaded.quiz.title },
		// Attempts numbered after this one that the student may still start once it is submitted.
		attemptsLeftAfter: attemptsLeft(loaded.quiz.maxAttempts, loaded.attempt.number),
		questions: publicQuestions(loaded).map((question, i) => ({
			question,
			name: `q${loaded.questions[i].position}`,
			response: loaded.questions[i].response,
			answered: isAnswered(loaded.questions[i].response, question)
		}))
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const user = requireUser();
		try {
			await saveAttempt(Number(params.attempt), user.id, await readFormFields(request));
		} catch (e) {
			if (e instanceof UserError) return fail(e.status, { message: e.message });
			throw e;
		}
		return { saved: new Date().toISOString() };
	},
	// Submit's first step: save what is on the page, then show the confirmation (the page without JavaScript; with
	// JavaScript a dialog asks the same before posting to ?/submit).
	review: async ({ params, request }) => {
		const user = requireUser();
		try {
			await saveAttempt(Number(params.attempt), user.id, await readFormFields(request));
		} catch (e) {
			if (e instanceof UserError) return fail(e.status, { message: e.message });
			throw e;
		}
		return { confirm: true };
	},
	submit: async ({ params, request }) => {
		const user = requireUser();
		const id = Number(params.attempt);
		try {
			await submitAttempt(id, user.id, await readFormFields(request));
		} catch (e) {
			if (e instanceof UserError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/attempts/${id}/result`);
	}
};
