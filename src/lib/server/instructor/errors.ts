import { fail } from '@sveltejs/kit';

/** A refusal the instructor should read: the route turns it into fail(400, { message }). */
export class StudioError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StudioError';
	}
}

/**
 * Runs an action body; a StudioError becomes a 400 with its message plus `context` (the page section that made the
 * request, as { action }, and the echoed fields), so the refusal is shown where the instructor acted. Anything else
 * propagates.
 */
export async function studioAction<T, C extends Record<string, unknown>>(context: C, run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof StudioError) return fail(400, { ...context, message: e.message });
		throw e;
	}
}
