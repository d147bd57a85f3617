import { eq, lt, sql } from 'drizzle-orm';
import { db, table } from '../db';
import { throttleDelay, type ThrottlePolicy } from './throttle-policy';

// Throttle state lives in the database, so every app process behind one database shares it, and memory use does
// not grow with the number of attackers.

const t = table.throttles;

/** A cheap read to refuse requests from a blocked key before any work (no write while under attack). */
export async function isThrottled(key: string, now = Date.now()): Promise<boolean> {
	const rows = await db.select({ blockedUntil: t.blockedUntil }).from(t).where(eq(t.key, key));
	return rows.length > 0 && rows[0].blockedUntil.getTime() > now;
}

/**
 * Counts one attempt (a login, a registration, a verification lookup) and says whether it may go ahead, in one
 * atomic statement: while the key is blocked nothing is counted and the answer is no; otherwise the attempt is
 * counted and, when the count reaches the policy's limit, the key is blocked by the same statement. Counting
 * before the slow work (a password hash) means a burst of concurrent requests gets no more attempts than the limit;
 * checking first and counting afterwards let every request of a burst through the check.
 */
export async function takeThrottleSlot(key: string, policy: ThrottlePolicy, now = Date.now()): Promise<boolean> {
	const windowStart = now - policy.windowMs;
	const next = sql`(CASE WHEN ${t.updatedAt} < ${windowStart} THEN 1 ELSE ${t.failures} + 1 END)`;
	// throttleDelay(next, policy) in SQL: blockMs doubled per event past the limit (at most 20 times), capped.
	const blockedUntil = sql`(CASE WHEN ${next} >= ${policy.limit}
		THEN ${now} + min(${policy.blockMs} << min(${next} - ${policy.limit}, 20), ${policy.maxBlockMs}) ELSE 0 END)`;
	const firstDelay = throttleDelay(1, policy);
	const counted = await db
		.insert(t)
		.values({ key, failures: 1, blockedUntil: new Date(firstDelay ? now + firstDelay : 0), updatedAt: new Date(now) })
		.onConflictDoUpdate({
			target: t.key,
			set: { failures: next, blockedUntil, updatedAt: new Date(now) },
			setWhere: sql`${t.blockedUntil} <= ${now}`
		})
		.returning({ failures: t.failures });
	if (Math.random() < 0.01) await pruneThrottles(now);
	return counted.length > 0;
}

/**
 * Gives back a slot taken for an attempt that turned out not to count (a successful login from an address), and
 * lifts the block if that attempt was the one that reached the limit.
 */
export async function refundThrottleSlot(key: string, policy: ThrottlePolicy): Promise<void> {
	await db
		.update(t)
		.set({
			failures: sql`max(${t.failures} - 1, 0)`,
			blockedUntil: sql`(CASE WHEN ${t.failures} - 1 < ${policy.limit} THEN 0 ELSE ${t.blockedUntil} END)`
		})
		.where(eq(t.key, key));
}

export async function clearThrottle(key: string): Promise<void> {
	await db.delete(t).where(eq(t.key, key));
}

export async function pruneThrottles(now = Date.now()): Promise<void> {
	await db.delete(t).where(lt(t.updatedAt, new Date(now - 24 * 60 * 60 * 1000)));
}
