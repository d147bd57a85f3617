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
 * requireRole('admin'). Refused attempts by signed-in users are recorded in the audit log by the handleAdminAudit
 * hook before the route runs, so loads stay read-only.
 */
export async function requireAdmin(): Promise<SessionUser> {
	return requireRole('admin');
}
