// The unsubscribe link's two steps: reading what it names (for the confirmation page) and switching that category
// off (the POST). A token that does not verify against the current key, or names no user, does nothing.

import { eq } from 'drizzle-orm';
import type { MailCategory } from '$lib/reminders/categories';
import { db, table } from '../db';
import { switchCategoryOff } from './preferences';
import { readUnsubscribeKey } from './unsubscribe-key';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export async function readUnsubscribeLink(token: string): Promise<{ userId: number; category: MailCategory } | null> {
	const secret = await readUnsubscribeKey();
	const link = secret ? verifyUnsubscribeToken(secret, token) : null;
	if (!link) return null;
	const [user] = await db.select({ id: table.users.id }).from(table.users).where(eq(table.users.id, link.userId));
	return user ? link : null;
}

/** Switches the token's category off; the category, or null when the token is not valid. Repeating it is harmless. */
export async function unsubscribe(token: string): Promise<MailCategory | null> {
	const link = await readUnsubscribeLink(token);
	if (!link) return null;
	await switchCategoryOff(link.userId, link.category);
	return link.category;
}
