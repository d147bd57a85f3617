// Unsubscribe links: the HMAC key, kept in the database (like the issuer key) so every process and restart signs
// alike, and the link's two steps, reading what it names (the confirmation page) and switching that category off
// (the POST). The newest key row is the key; rotating adds a row, which revokes every link signed before it. A
// token that does not verify against the current key, or names no user, does nothing.

import { desc, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { MailCategory } from '$lib/reminders/categories';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';
import { switchCategoryOff } from './preferences';
import { verifyUnsubscribeToken } from './unsubscribe-token';

async function newestKey(): Promise<string | null> {
	const [row] = await db
		.select({ secret: table.unsubscribeKeys.secret })
		.from(table.unsubscribeKeys)
		.orderBy(desc(table.unsubscribeKeys.id))
		.limit(1);
	return row?.secret ?? null;
}

/** The current key; created (once, whatever races: the check and insert share one write transaction) when none exists. */
export async function ensureUnsubscribeKey(): Promise<string> {
	const existing = await newestKey();
	if (existing) return existing;
	await db.transaction(async (tx) => {
		const [again] = await tx.select({ id: table.unsubscribeKeys.id }).from(table.unsubscribeKeys).limit(1);
		if (!again) await tx.insert(table.unsubscribeKeys).values({ secret: randomBytes(32).toString('hex') });
	});
	return (await newestKey())!;
}

/** Read-only lookup for loads: null before the first key exists (no link can be valid then). */
export function readUnsubscribeKey(): Promise<string | null> {
	return newestKey();
}

/** Replaces the key: links in mail already sent stop working (they answer 400). Recorded in the audit log. */
export async function rotateUnsubscribeKey(adminId: number): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.insert(table.unsubscribeKeys).values({ secret: randomBytes(32).toString('hex') });
		await recordAudit('mail.rotate-key', adminId, undefined, 'every unsubscribe link sent before now stops working', tx);
	});
}

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
