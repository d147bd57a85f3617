import { text, type Handle } from '@sveltejs/kit';
import { dev } from '$app/environment';

// SvelteKit's own cross-site form check (turned off in svelte.config.js) refuses every form POST without a matching
// Origin header. Mail clients send RFC 8058 one-click unsubscribes as exactly that, from their servers; so this hook
// applies the same check to every route except the unsubscribe route, whose token alone authorizes the one change it
// makes (switching a mail category off) and which reads no session.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXEMPT_ROUTES = new Set(['/(public)/unsubscribe/[token]']);

function isFormContent(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

export const handleCrossSiteForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	const crossSite = !dev && UNSAFE.has(request.method) && isFormContent(request) && request.headers.get('origin') !== url.origin;
	if (crossSite && !EXEMPT_ROUTES.has(event.route.id ?? '')) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		if (request.headers.get('accept') === 'application/json') return Response.json({ message }, { status: 403 });
		return text(message, { status: 403 });
	}
	return resolve(event);
};
