export const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used with less than half its life left is extended, so active users stay signed in. */
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

export type SessionFreshness = 'expired' | 'renew' | 'fresh';

export function judgeSession(expiresAt: Date, now = new Date()): SessionFreshness {
	const left = expiresAt.getTime() - now.getTime();
	if (left <= 0) return 'expired';
	return left < SESSION_RENEW_BEFORE_MS ? 'renew' : 'fresh';
}

export function sessionExpiryFrom(now = new Date()): Date {
	return new Date(now.getTime() + SESSION_LIFETIME_MS);
}
