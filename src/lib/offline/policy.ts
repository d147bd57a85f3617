/**
 * What the offline service worker may keep, and how its caches are named. Framework-free: the service worker,
 * the pages and the server's heartbeat endpoint all read their limits from here.
 */

/** Every cache this app creates starts with this, so activation never touches another app's caches. */
export const CACHE_PREFIX = 'touchstone';

/** A late (queued offline) heartbeat is accepted this long after it was made, and no longer. */
export const LATE_HEARTBEAT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Device clocks drift: a heartbeat this far "in the future" is still taken as now. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Response header with the signed-in user's id, so the worker files a page in that user's cache and no other. */
export const USER_HEADER = 'x-touchstone-user';
/** Attribute the worker sets on <html> of a page it serves from its cache (the layout then shows a note). */
export const OFFLINE_COPY_ATTRIBUTE = 'data-offline-copy';

/** Areas holding answers, grading or someone else's data: never cached, even if a rule below would match. */
const NEVER = ['/instructor', '/admin', '/attempts', '/quizzes', '/review', '/account', '/api', '/logout', '/login'];
const LESSON = /^\/courses\/([a-z0-9-]+)\/([a-z0-9-]+)(\/__data\.json)?$/;

export function shellCacheName(version: string): string {
	return `${CACHE_PREFIX}-shell-${version}`;
}

/** Lessons are kept per user and per build: a new build's pages need that build's scripts. */
export function userCacheName(version: string, userId: number): string {
	return `${CACHE_PREFIX}-user-${userId}-${version}`;
}

export function isUserCache(name: string): boolean {
	return name.startsWith(`${CACHE_PREFIX}-user-`);
}

/** The lesson a path shows (its page or its __data.json), when the path may be kept for offline reading. */
export function keepableLesson(pathname: string): { course: string; lesson: string; data: boolean } | null {
	if (NEVER.some((prefix) => pathname === prefix || pathname.startsWith(prefix + '/'))) return null;
	const match = LESSON.exec(pathname);
	return match ? { course: match[1], lesson: match[2], data: !!match[3] } : null;
}

/** On activation: every cache of ours that is not this build's shell or a user cache of this build goes. */
export function staleCaches(names: string[], version: string): string[] {
	return names.filter(
		(name) => name.startsWith(CACHE_PREFIX) && name !== shellCacheName(version) && !(isUserCache(name) && name.endsWith(`-${version}`))
	);
}

/** When a page says who is signed in (null: nobody), every user cache of anyone else goes. */
export function otherUsersCaches(names: string[], version: string, userId: number | null): string[] {
	const keep = userId === null ? null : userCacheName(version, userId);
	return names.filter((name) => isUserCache(name) && name !== keep);
}

/**
 * When a heartbeat was made, for the server: now for a live one; the client's time for a queued one within the
 * window (a little ahead of the server's clock counts as now); null when it is too old or too far ahead.
 */
export function heartbeatTime(at: string | undefined, now: Date): Date | null {
	if (at === undefined) return now;
	const time = new Date(at).getTime();
	if (Number.isNaN(time)) return null;
	if (time > now.getTime() + CLOCK_SKEW_MS || time < now.getTime() - LATE_HEARTBEAT_WINDOW_MS) return null;
	return new Date(Math.min(time, now.getTime()));
}
