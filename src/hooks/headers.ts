import type { Handle } from '@sveltejs/kit';

/** Headers for every response; the Content-Security-Policy itself comes from kit.csp in svelte.config.js. */
export const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = (name: string, value: string) => {
		if (!response.headers.has(name)) response.headers.set(name, value);
	};
	set('X-Content-Type-Options', 'nosniff');
	set('Referrer-Policy', 'strict-origin-when-cross-origin');
	set('X-Frame-Options', 'DENY');
	set('Cross-Origin-Opener-Policy', 'same-origin');
	set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	// Pages can show personal data: never let a shared cache keep them.
	if (event.locals.user && !response.headers.has('Cache-Control')) set('Cache-Control', 'private, no-store');
	return response;
};
