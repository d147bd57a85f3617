import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';

/** The signed-in user, or a redirect to the login page that brings them back here afterwards. */
export function requireUser(): SessionUser {
	const { locals, url } = getRequestEvent();
	if (!locals.user) {
		const back = url.pathname + url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

/** The signed-in user if their role is one of roles; 403 for anyone else who is signed in. */
export function requireRole(...roles: Role[]): SessionUser {
	const user = requireUser();
	if (!roles.includes(user.role)) error(403, 'You do not have permission to open this page.');
	return user;
}

/** Only same-site paths are followed after login, so a crafted link cannot bounce users to another site. */
export { safeRedirectTarget } from './redirect';

/**
 * requireRole('admin') that also records refused attempts by signed-in users in the audit log: at most one event
 * per account and page every ten minutes (see recordDeniedAdminAccess), so requests in a loop cannot flood the log.
 * The refusal itself is the same every time.
 */
export async function requireAdmin(): Promise<SessionUser> {
	const { locals, url, route } = getRequestEvent();
	if (locals.user && locals.user.role !== 'admin') {
		// The page's route ("/admin/users"), not the spelling of the address: "/admin/%75sers" and "/%61dmin/users"
		// open the same page and must not add rows of their own.
		const page = route.id?.replace(/\/\([^)]*\)/g, '') || url.pathname;
		const { recordDeniedAdminAccess } = await import('../audit/record');
		await recordDeniedAdminAccess(locals.user.id, page);
	}
	return requireRole('admin');
}
