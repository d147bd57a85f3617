import { fail } from '@sveltejs/kit';

/** A refusal the instructor should read: the route turns it into fail(400, { message }). */
export class StudioError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StudioError';
	}
}

/** Runs an action body; a StudioError becomes a 400 with its message, anything else propagates. */
export async function studioAction<T>(run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof StudioError) return fail(400, { message: e.message });
		throw e;
	}
}
