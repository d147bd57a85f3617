import type { Cookies } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { db, table } from '../db';
import { config } from '../env';
import { judgeSession, sessionExpiryFrom } from './session-policy';
import { generateToken, hashToken } from './token';

export const SESSION_COOKIE = 'touchstone_session';

export { generateToken as generateSessionToken };

export async function createSession(token: string, userId: number): Promise<SessionRecord> {
	const session = { id: hashToken(token), userId, expiresAt: sessionExpiryFrom() };
	await db.insert(table.sessions).values(session);
	return session;
}

// Every request runs this query: built once (drizzle's prepared query) instead of on each request.
const sessionWithUser = db
	.select({
		session: { id: table.sessions.id, userId: table.sessions.userId, expiresAt: table.sessions.expiresAt },
		user: { id: table.users.id, email: table.users.email, name: table.users.name, role: table.users.role }
	})
	.from(table.sessions)
	.innerJoin(table.users, eq(table.users.id, table.sessions.userId))
	.where(eq(table.sessions.id, sql.placeholder('id')))
	.prepare();

export async function validateSessionToken(token: string) {
	const id = hashToken(token);
	const [row] = await sessionWithUser.all({ id });
	if (!row) return { session: null, user: null };
	const freshness = judgeSession(row.session.expiresAt);
	if (freshness === 'expired') {
		await db.delete(table.sessions).where(eq(table.sessions.id, id));
		return { session: null, user: null };
	}
	if (freshness === 'renew') {
		row.session.expiresAt = sessionExpiryFrom();
		await db.update(table.sessions).set({ expiresAt: row.session.expiresAt }).where(eq(table.sessions.id, id));
	}
	return row;
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await db.delete(table.sessions).where(eq(table.sessions.id, sessionId));
}

export async function invalidateUserSessions(userId: number): Promise<void> {
	await db.delete(table.sessions).where(eq(table.sessions.userId, userId));
}

/** Secure everywhere except plain-http localhost, where browsers would drop a Secure cookie. */
export function setSessionTokenCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: config.ORIGIN.startsWith('https:'),
		expires: expiresAt
	});
}

export function deleteSessionTokenCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: config.ORIGIN.startsWith('https:') });
}

export type SessionRecord = { id: string; userId: number; expiresAt: Date };
export type SessionValidationResult = Awaited<ReturnType<typeof validateSessionToken>>;
export type SessionUser = NonNullable<SessionValidationResult['user']>;

/**
 * Signs this browser in as the user with a new session and token, ending the session it carried before (planted by
 * someone else, or an older one of its own), so no session is ever fixed from outside.
 */
export async function startSession(cookies: Cookies, userId: number, previousSessionId: string | null = null): Promise<void> {
	if (previousSessionId) await invalidateSession(previousSessionId);
	const token = generateToken();
	const session = await createSession(token, userId);
	setSessionTokenCookie(cookies, token, session.expiresAt);
}
