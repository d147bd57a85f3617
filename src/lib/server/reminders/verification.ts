// Email address verification: a one-time link (only its hash stored) that expires, bound to the address it was sent
// to. Reminders go only to verified addresses. Redeeming is a POST (the link opens a page with a button), since a
// GET must never write and mail scanners follow links.

import { and, eq, gt, isNull } from 'drizzle-orm';
import { generateToken, hashToken } from '../auth/token';
import { db, table } from '../db';
import { config } from '../env';
import { sendMail } from '../mail/send';

export const VERIFICATION_LIFETIME_MS = 48 * 60 * 60 * 1000;

/** Stores a new link for the user's current address (older unused links stop working) and mails it. */
export async function sendVerificationMail(userId: number, now = new Date()): Promise<boolean> {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, userId));
	if (!user || user.emailVerifiedAt) return false;
	const token = generateToken();
	await db.transaction(async (tx) => {
		await tx.delete(table.emailVerifications).where(and(eq(table.emailVerifications.userId, userId), isNull(table.emailVerifications.usedAt)));
		await tx.insert(table.emailVerifications).values({
			id: hashToken(token),
			userId,
			email: user.email,
			expiresAt: new Date(now.getTime() + VERIFICATION_LIFETIME_MS)
		});
	});
	const link = `${config.ORIGIN}/confirm-email/${token}`;
	await sendMail({
		to: user.email,
		subject: 'Confirm your email address for Touchstone',
		text: [
			`Hello ${user.name},`,
			'',
			'Open this link and press "Confirm my email" so Touchstone may send you renewal and certificate reminders.',
			'The link works once, within 48 hours.',
			'',
			link,
			'',
			'Why this mail: an account was created, or a new link was asked for, with this address. If it was not you, ignore it.'
		].join('\n')
	});
	return true;
}

const live = (token: string, now: Date) =>
	and(eq(table.emailVerifications.id, hashToken(token)), isNull(table.emailVerifications.usedAt), gt(table.emailVerifications.expiresAt, now));

/** Read-only: the address a live link would confirm, or null. */
export async function findVerification(token: string, now = new Date()): Promise<string | null> {
	const [row] = await db.select({ email: table.emailVerifications.email }).from(table.emailVerifications).where(live(token, now));
	return row?.email ?? null;
}

/**
 * Marks the link used and the address verified, in one transaction; the conditional update makes a second use fail.
 * A link for an address the account no longer has verifies nothing.
 */
export async function confirmEmail(token: string, now = new Date()): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [used] = await tx
			.update(table.emailVerifications)
			.set({ usedAt: now })
			.where(live(token, now))
			.returning({ userId: table.emailVerifications.userId, email: table.emailVerifications.email });
		if (!used) return false;
		const verified = await tx
			.update(table.users)
			.set({ emailVerifiedAt: now })
			.where(and(eq(table.users.id, used.userId), eq(table.users.email, used.email)))
			.returning({ id: table.users.id });
		return verified.length > 0;
	});
}
