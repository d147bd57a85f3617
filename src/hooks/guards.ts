import { error, type Handle } from '@sveltejs/kit';
import { takeThrottleSlot } from '$lib/server/auth/throttle';
import { verifyPerAddress } from '$lib/server/auth/throttle-policy';
import { recordDeniedAdminAccess } from '$lib/server/audit/record';
import { runReadOnly } from '$lib/server/db/guard';
import { config } from '$lib/server/env';

/**
 * In development and tests, a GET or HEAD request (a page load, a hover preload, a data request) runs where any
 * database write fails with an error naming the route: loads must be read-only. Writes belong to actions and
 * endpoints that change state, and the bookkeeping below (throttles, refused-access audit) runs before the route.
 */
export const handleReadOnlyLoads: Handle = ({ event, resolve }) => {
	const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (!config.GUARD_LOAD_WRITES || !reading) return resolve(event);
	return runReadOnly(event.route.id ?? event.url.pathname, () => resolve(event));
};

/**
 * Public certificate lookups count toward a per-address limit, so codes cannot be enumerated (they carry 95 random
 * bits anyway). Counted and checked in one statement, so a burst of concurrent lookups gets no more than the limit.
 */
export const handleVerifyThrottle: Handle = async ({ event, resolve }) => {
	if (event.route.id === '/(public)/verify/[code]' || event.route.id === '/(public)/verify/course/[code]') {
		const allowed = await takeThrottleSlot(`verify:ip:${event.getClientAddress()}`, verifyPerAddress);
		if (!allowed) error(429, 'Too many certificate lookups from your network. Wait a minute, then try again.');
	}
	return resolve(event);
};

/**
 * A signed-in non-admin who opens an admin page or posts to one is refused by the route's requireAdmin(); the attempt
 * is recorded here, at most once per account and page every ten minutes (see recordDeniedAdminAccess). The page's
 * route ("/admin/users"), not the spelling of the address, so "/admin/%75sers" adds no row of its own.
 */
export const handleAdminAudit: Handle = async ({ event, resolve }) => {
	const route = event.route.id;
	const user = event.locals.user;
	if (route?.startsWith('/(admin)/') && user && user.role !== 'admin') {
		await recordDeniedAdminAccess(user.id, route.replace(/\/\([^)]*\)/g, ''));
	}
	return resolve(event);
};
