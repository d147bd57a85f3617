// Per-user switches for each mail category. A category without a row takes its default (categories.ts).

import { and, eq, sql } from 'drizzle-orm';
import { categoryInfo, mailCategories, type MailCategory } from '$lib/reminders/categories';
import { db, table, type Conn } from '../db';

export type Preferences = Record<MailCategory, boolean>;

export async function readPreferences(userId: number, conn: Conn = db): Promise<Preferences> {
	const rows = await conn.select().from(table.emailPreferences).where(eq(table.emailPreferences.userId, userId));
	const prefs = Object.fromEntries(mailCategories.map((c) => [c, categoryInfo[c].defaultOn])) as Preferences;
	for (const row of rows) prefs[row.category] = row.enabled;
	return prefs;
}

export async function isCategoryOn(userId: number, category: MailCategory, conn: Conn = db): Promise<boolean> {
	const [row] = await conn
		.select({ enabled: table.emailPreferences.enabled })
		.from(table.emailPreferences)
		.where(and(eq(table.emailPreferences.userId, userId), eq(table.emailPreferences.category, category)));
	return row ? row.enabled : categoryInfo[category].defaultOn;
}

/** Saves every switch at once (the preferences form sends them all). */
export async function savePreferences(userId: number, prefs: Preferences): Promise<void> {
	await db.transaction(async (tx) => {
		for (const category of mailCategories) await setCategory(tx, userId, category, prefs[category]);
	});
}

/** Switches one category off (the unsubscribe link). */
export async function switchCategoryOff(userId: number, category: MailCategory): Promise<void> {
	await setCategory(db, userId, category, false);
}

async function setCategory(conn: Conn, userId: number, category: MailCategory, enabled: boolean): Promise<void> {
	await conn
		.insert(table.emailPreferences)
		.values({ userId, category, enabled })
		.onConflictDoUpdate({
			target: [table.emailPreferences.userId, table.emailPreferences.category],
			set: { enabled, updatedAt: sql`(unixepoch('subsec') * 1000)` }
		});
}
