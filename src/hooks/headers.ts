import type { Handle } from '@sveltejs/kit';
import { USER_HEADER } from '$lib/offline/policy';

/** For HTML that kit.csp does not cover: no script at all; the inline style of SvelteKit's plain error page. */
const FALLBACK_CSP =
	"default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
	// Pages rendered by SvelteKit carry kit.csp's policy (with a nonce). HTML it does not render itself (the plain
	// error page of an endpoint, e.g. a certificate PDF that does not exist) gets a policy that allows no script.
	if (!response.headers.has('Content-Security-Policy') && response.headers.get('content-type')?.startsWith('text/html')) {
		set('Content-Security-Policy', FALLBACK_CSP);
	}
	// Pages can show personal data: never let a shared cache keep them.
	if (event.locals.user && !response.headers.has('Cache-Control')) set('Cache-Control', 'private, no-store');
	// The offline service worker files a kept page in the cache of the user it was rendered for (never a stale guess).
	if (event.locals.user && !event.isSubRequest) set(USER_HEADER, String(event.locals.user.id));
	return response;
};
