import { and, eq, gt, isNull } from 'drizzle-orm';
import { db, table } from '../db';
import { invalidateUserSessions } from './session';
import { hashPassword } from './password';
import { generateToken, hashToken } from './token';

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Returns the raw token for the email; only its hash is stored. Older unused links of the user stop working. */
export async function createPasswordResetToken(userId: number): Promise<string> {
	const token = generateToken();
	await db.transaction(async (tx) => {
		await tx.delete(table.passwordResets).where(and(eq(table.passwordResets.userId, userId), isNull(table.passwordResets.usedAt)));
		await tx.insert(table.passwordResets).values({
			id: hashToken(token),
			userId,
			expiresAt: new Date(Date.now() + RESET_LIFETIME_MS)
		});
	});
	return token;
}

/** The user id a live, unused token belongs to, or null. */
export async function findPasswordReset(token: string): Promise<number | null> {
	const [row] = await db
		.select({ userId: table.passwordResets.userId })
		.from(table.passwordResets)
		.where(
			and(
				eq(table.passwordResets.id, hashToken(token)),
				isNull(table.passwordResets.usedAt),
				gt(table.passwordResets.expiresAt, new Date())
			)
		);
	return row?.userId ?? null;
}

/**
 * Marks the token used and sets the password in one transaction; the conditional update makes a second redemption
 * of the same token (even a concurrent one) fail. Every session of the user ends.
 */
export async function redeemPasswordReset(token: string, password: string): Promise<number | null> {
	const passwordHash = await hashPassword(password);
	const userId = await db.transaction(async (tx) => {
		const [used] = await tx
			.update(table.passwordResets)
			.set({ usedAt: new Date() })
			.where(
				and(
					eq(table.passwordResets.id, hashToken(token)),
					isNull(table.passwordResets.usedAt),
					gt(table.passwordResets.expiresAt, new Date())
				)
			)
			.returning({ userId: table.passwordResets.userId });
		if (!used) return null;
		await tx.update(table.users).set({ passwordHash }).where(eq(table.users.id, used.userId));
		return used.userId;
	});
	if (userId !== null) await invalidateUserSessions(userId);
	return userId;
}
