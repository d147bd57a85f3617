import { eq } from 'drizzle-orm';
import { clampRetention, DEFAULT_RETENTION } from '$lib/review/schedule';
import { db, table, type Conn } from '../db';

export const DEFAULT_DAILY_NEW_LIMIT = 20;

export async function getReviewSettings(userId: number, conn: Conn = db) {
	const [row] = await conn.select().from(table.reviewSettings).where(eq(table.reviewSettings.userId, userId));
	return {
		dailyNewLimit: row?.dailyNewLimit ?? DEFAULT_DAILY_NEW_LIMIT,
		retention: row ? clampRetention(row.retention) : DEFAULT_RETENTION
	};
}

export async function saveReviewSettings(userId: number, dailyNewLimit: number, retention: number): Promise<void> {
	const values = { dailyNewLimit, retention: clampRetention(retention) };
	await db
		.insert(table.reviewSettings)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: table.reviewSettings.userId, set: values });
}
