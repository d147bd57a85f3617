// Signed unsubscribe tokens: "<user>.<category>.<HMAC-SHA256 of both>", so a link from a mail switches off exactly
// one category of one user without a login. Nothing is stored per token; rotating the key (unsubscribe.ts)
// revokes every link signed before.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { isMailCategory, type MailCategory } from '$lib/reminders/categories';

function mac(secret: string, userId: number, category: MailCategory): Buffer {
	return createHmac('sha256', secret).update(`unsubscribe:${userId}:${category}`).digest();
}

export function signUnsubscribeToken(secret: string, userId: number, category: MailCategory): string {
	return `${userId}.${category}.${mac(secret, userId, category).toString('base64url')}`;
}

/** The user and category a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(secret: string, token: string): { userId: number; category: MailCategory } | null {
	const match = /^([1-9][0-9]{0,15})\.([a-z-]{1,32})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match) return null;
	const userId = Number(match[1]);
	const category = match[2];
	if (!Number.isSafeInteger(userId) || !isMailCategory(category)) return null;
	const given = Buffer.from(match[3], 'base64url');
	const expected = mac(secret, userId, category);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	return { userId, category };
}
