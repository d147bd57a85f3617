// What /admin/mail shows: counts per status and the latest mail with its state and failure reason. Never the body
// (it is not even stored: the payload is rendered at send time), so the page exposes no user's message.

import { count, desc, eq } from 'drizzle-orm';
import { mailStatuses, type MailStatus } from '$lib/reminders/categories';
import { db, table } from '../db';

export const MAIL_LIST_LIMIT = 100;

export async function listOutgoingMail(status: MailStatus | null) {
	const counts = await db.select({ status: table.outgoingMail.status, n: count() }).from(table.outgoingMail).groupBy(table.outgoingMail.status);
	const rows = await db
		.select({
			id: table.outgoingMail.id,
			kind: table.outgoingMail.kind,
			to: table.outgoingMail.toAddress,
			subject: table.outgoingMail.subject,
			status: table.outgoingMail.status,
			attempts: table.outgoingMail.attempts,
			nextAttemptAt: table.outgoingMail.nextAttemptAt,
			lastError: table.outgoingMail.lastError,
			createdAt: table.outgoingMail.createdAt,
			sentAt: table.outgoingMail.sentAt
		})
		.from(table.outgoingMail)
		.where(status ? eq(table.outgoingMail.status, status) : undefined)
		.orderBy(desc(table.outgoingMail.id))
		.limit(MAIL_LIST_LIMIT);
	return {
		counts: Object.fromEntries(mailStatuses.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0])) as Record<MailStatus, number>,
		rows
	};
}
