// The outgoing-mail queue's state changes, each one statement (so each atomic, also across processes on one sqld):
// enqueue (idempotent on the key), claim with a lease, mark sent, record a failure with backoff.

import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { categoryOfKind } from '$lib/reminders/categories';
import type { DueReminder } from '$lib/reminders/rules';
import { renderReminder } from '$lib/reminders/texts';
import { db, table, type Conn } from '../db';
import type { OutgoingMail } from '../db/schema';

/** How long a claimed mail is ours; after it, another run may take it over (the claimer crashed). */
export const LEASE_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 8;
const CLAIM_BATCH = 50;

/** 1, 2, 4 ... minutes after the nth failed attempt, at most 6 hours. */
export function backoffMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** Inserts the reminders not queued before (INSERT ... ON CONFLICT (idempotency_key) DO NOTHING); how many were new. */
export async function enqueueReminders(rows: (DueReminder & { to: string })[], now: Date, conn: Conn = db): Promise<number> {
	if (rows.length === 0) return 0;
	const inserted = await conn
		.insert(table.outgoingMail)
		.values(
			rows.map((r) => ({
				kind: r.kind,
				category: categoryOfKind[r.kind],
				userId: r.userId,
				idempotencyKey: r.key,
				toAddress: r.to,
				// The subject does not depend on links, so it is fixed here and shown on /admin/mail.
				subject: renderReminder(r.payload, { origin: '', unsubscribeUrl: '' }).subject,
				payload: r.payload as unknown as Record<string, unknown>,
				nextAttemptAt: now,
				createdAt: now,
				updatedAt: now
			}))
		)
		.onConflictDoNothing({ target: table.outgoingMail.idempotencyKey })
		.returning({ id: table.outgoingMail.id });
	return inserted.length;
}

/**
 * Takes due mail in one UPDATE ... RETURNING: queued mail whose attempt time has come, and claimed mail whose lease
 * ran out. Two runners racing both execute this statement, but the database runs them one after the other, so each
 * row is returned to one of them only.
 */
export async function claimDueMail(now: Date): Promise<OutgoingMail[]> {
	const due = db
		.select({ id: table.outgoingMail.id })
		.from(table.outgoingMail)
		.where(
			or(
				and(eq(table.outgoingMail.status, 'queued'), lte(table.outgoingMail.nextAttemptAt, now)),
				and(eq(table.outgoingMail.status, 'claimed'), lte(table.outgoingMail.leaseUntil, now))
			)
		)
		.orderBy(table.outgoingMail.id)
		.limit(CLAIM_BATCH);
	return db
		.update(table.outgoingMail)
		.set({ status: 'claimed', leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${table.outgoingMail.attempts} + 1`, updatedAt: now })
		.where(
			and(
				inArray(table.outgoingMail.id, due),
				or(eq(table.outgoingMail.status, 'queued'), and(eq(table.outgoingMail.status, 'claimed'), lte(table.outgoingMail.leaseUntil, now)))
			)
		)
		.returning();
}

/** Our claim still holds: same lease, not taken over after expiry. */
const ours = (mail: OutgoingMail) =>
	and(eq(table.outgoingMail.id, mail.id), eq(table.outgoingMail.status, 'claimed'), eq(table.outgoingMail.leaseUntil, mail.leaseUntil!));

export async function markSent(mail: OutgoingMail, now: Date): Promise<void> {
	await db.update(table.outgoingMail).set({ status: 'sent', sentAt: now, leaseUntil: null, lastError: null, updatedAt: now }).where(ours(mail));
}

/** Back to the queue with a later attempt time, or failed for good after MAX_ATTEMPTS (or when retrying is pointless). */
export async function markFailed(mail: OutgoingMail, reason: string, now: Date, final = false): Promise<void> {
	const giveUp = final || mail.attempts >= MAX_ATTEMPTS;
	await db
		.update(table.outgoingMail)
		.set({
			status: giveUp ? 'failed' : 'queued',
			nextAttemptAt: new Date(now.getTime() + backoffMs(mail.attempts)),
			leaseUntil: null,
			lastError: reason.slice(0, 500),
			updatedAt: now
		})
		.where(ours(mail));
}
