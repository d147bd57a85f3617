import type { Handle } from '@sveltejs/kit';

/**
 * One line per request with the route pattern (not the path, which may carry a reset token or verification
 * code), status and duration. Cookies, headers, query strings and bodies are never logged.
 */
export const handleLogging: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	if (process.env.LOG_REQUESTS !== '0') {
		const ms = (performance.now() - started).toFixed(1);
		console.log(`${event.request.method} ${event.route.id ?? '(no route)'} ${response.status} ${ms}ms`);
	}
	return response;
};
