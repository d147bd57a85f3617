import { lt, sql } from 'drizzle-orm';
import { db, table } from '../db';
import { throttleDelay, type ThrottlePolicy } from './throttle-policy';

// Throttle state lives in the database, so every app process behind one database shares it, and memory use does
// not grow with the number of attackers.

export async function isThrottled(key: string, now = Date.now()): Promise<boolean> {
	const rows = await db
		.select({ blockedUntil: table.throttles.blockedUntil })
		.from(table.throttles)
		.where(sql`${table.throttles.key} = ${key}`);
	return rows.length > 0 && rows[0].blockedUntil.getTime() > now;
}

/** Counts one event (a failed login, a verification lookup) and blocks the key once the policy's limit is hit. */
export async function recordThrottleHit(key: string, policy: ThrottlePolicy, now = Date.now()): Promise<void> {
	const windowStart = now - policy.windowMs;
	const [row] = await db
		.insert(table.throttles)
		.values({ key, failures: 1, blockedUntil: new Date(0), updatedAt: new Date(now) })
		.onConflictDoUpdate({
			target: table.throttles.key,
			set: {
				failures: sql`CASE WHEN ${table.throttles.updatedAt} < ${windowStart} THEN 1 ELSE ${table.throttles.failures} + 1 END`,
				updatedAt: new Date(now)
			}
		})
		.returning({ failures: table.throttles.failures });
	const delay = throttleDelay(row.failures, policy);
	if (delay > 0) {
		await db
			.update(table.throttles)
			.set({ blockedUntil: new Date(now + delay) })
			.where(sql`${table.throttles.key} = ${key}`);
	}
	if (Math.random() < 0.01) await pruneThrottles(now);
}

export async function clearThrottle(key: string): Promise<void> {
	await db.delete(table.throttles).where(sql`${table.throttles.key} = ${key}`);
}

export async function pruneThrottles(now = Date.now()): Promise<void> {
	await db.delete(table.throttles).where(lt(table.throttles.updatedAt, new Date(now - 24 * 60 * 60 * 1000)));
}
