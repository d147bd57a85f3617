import { fail } from '@sveltejs/kit';

export type UserErrorStatus = 400 | 403 | 404 | 409 | 410 | 413 | 429;

/**
 * A refusal the person should read ("You have used all 3 attempts at this quiz."). Commands throw it; routes turn it
 * into fail(status, { message }) with userAction. Anything else is a bug and propagates to the error page.
 */
export class UserError extends Error {
	constructor(
		message: string,
		readonly status: UserErrorStatus = 400
	) {
		super(message);
		this.name = 'UserError';
	}
}

/**
 * Runs an action body; a UserError becomes fail(status) with its message plus `context` (the page section that made
 * the request, as { action }, and the echoed fields), so the refusal is shown where the person acted.
 */
export async function userAction<T, C extends Record<string, unknown>>(context: C, run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof UserError) return fail(e.status, { ...context, message: e.message });
		throw e;
	}
}
