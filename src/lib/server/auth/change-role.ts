import { eq } from 'drizzle-orm';
import type { Role } from '$lib/auth/roles';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';
import { UserError } from '../errors';

const article = (role: Role) => (role === 'student' ? 'a' : 'an');

/**
 * An admin changes another account's role: the change and its audit event are one transaction. Changing a role to
 * the one it already has records nothing and says so; an admin cannot change their own role.
 */
export async function changeUserRole(adminId: number, userId: number, role: Role): Promise<{ changed: boolean; message: string }> {
	if (userId === adminId) throw new UserError('You cannot change your own role. Ask another admin.');
	return db.transaction(async (tx) => {
		const [target] = await tx.select({ name: table.users.name, role: table.users.role }).from(table.users).where(eq(table.users.id, userId));
		if (!target) throw new UserError('That user no longer exists.', 404);
		if (target.role === role) return { changed: false, message: `${target.name} is already ${article(role)} ${role}.` };
		await tx.update(table.users).set({ role }).where(eq(table.users.id, userId));
		await recordAudit('role.change', adminId, `user:${userId}`, `${target.role} -> ${role}`, tx);
		return { changed: true, message: `${target.name} is now ${article(role)} ${role}.` };
	});
}
