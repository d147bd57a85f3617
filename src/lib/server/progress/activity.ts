import { sql } from 'drizzle-orm';
import { db, table } from '../db';
import type { RunSql } from '../db/raw';

type Conn = Pick<typeof db, 'insert'>;

export function dayOf(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** bumpActivity as one SQL statement, for a transaction's hot path (a quiz submission, in db/raw.ts's terms). */
export async function bumpActivityIn(run: RunSql, userId: number, at: Date, seconds: number, events: number): Promise<void> {
	await run(
		'INSERT INTO activity_days (user_id, day, seconds, events) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, day) DO UPDATE SET seconds = seconds + ?3, events = events + ?4',
		[userId, dayOf(at), seconds, events]
	);
}

/** Adds reading seconds and learning events to the student's day (UTC), for the dashboard chart. */
export async function bumpActivity(userId: number, at: Date, seconds: number, events: number, conn: Conn = db): Promise<void> {
	await conn
		.insert(table.activityDays)
		.values({ userId, day: dayOf(at), seconds, events })
		.onConflictDoUpdate({
			target: [table.activityDays.userId, table.activityDays.day],
			set: {
				seconds: sql`${table.activityDays.seconds} + ${seconds}`,
				events: sql`${table.activityDays.events} + ${events}`
			}
		});
}
