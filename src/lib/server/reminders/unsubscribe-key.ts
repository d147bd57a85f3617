// The HMAC key of unsubscribe links, kept in the database (like the issuer key) so every process and restart signs
// alike. The newest row is the key; rotateUnsubscribeKey adds a row, which revokes every link signed before it.

import { desc } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';

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
