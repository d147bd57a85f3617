import { sql } from 'drizzle-orm';
import { db, table } from '../db';

type Conn = Pick<typeof db, 'insert'>;

export function dayOf(date: Date): string {
	return date.toISOString().slice(0, 10);
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
