import { count, eq, or, sql, type Column } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import { db, table, type Conn } from '../db';
import type { Role } from '../db/schema';
import { hashPassword } from './password';
import { invalidateUserSessions } from './session';

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

type NewUser = { email: string; name: string; password: string; role?: Role };

async function insertUser(conn: Conn, input: NewUser, passwordHash: string) {
	const [user] = await conn
		.insert(table.users)
		.values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash, role: input.role ?? 'student' })
		.onConflictDoNothing({ target: table.users.email })
		.returning({ id: table.users.id, email: table.users.email, name: table.users.name, role: table.users.role });
	return user ?? null;
}

/** A new account, or null when the email is taken. */
export async function createUser(input: NewUser) {
	return insertUser(db, input, await hashPassword(input.password));
}

/**
 * An account created by the operator CLI (npm run user:create), with its role, recorded in the audit log as
 * 'user.create' with no actor (the page shows the operator CLI) in the same transaction: no account made this
 * way, an admin above all, exists without its audit event.
 */
export async function createUserByOperator(input: NewUser) {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const user = await insertUser(tx, input, passwordHash);
		if (user) await recordAudit('user.create', null, `user:${user.id}`, `role ${user.role}`, tx);
		return user;
	});
}

export async function getUserByEmail(email: string) {
	const [user] = await db.select().from(table.users).where(eq(table.users.email, normalizeEmail(email)));
	return user ?? null;
}

export async function getUserById(id: number) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, id));
	return user ?? null;
}

export async function updateUserName(userId: number, name: string): Promise<void> {
	await db.update(table.users).set({ name: name.trim() }).where(eq(table.users.id, userId));
}

/** A new password ends every session of the user; the caller starts a fresh one if the user stays signed in. */
export async function updateUserPassword(userId: number, password: string): Promise<void> {
	const passwordHash = await hashPassword(password);
	await db.update(table.users).set({ passwordHash }).where(eq(table.users.id, userId));
	await invalidateUserSessions(userId);
}

export async function setUserRole(userId: number, role: Role): Promise<void> {
	await db.update(table.users).set({ role }).where(eq(table.users.id, userId));
}

const PAGE_SIZE = 50;

export async function searchUsers(query: string, page = 1) {
	const q = query.trim().toLowerCase();
	// LIKE wildcards typed by the admin are matched literally.
	const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const matches = (column: Column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
	const where = q ? or(matches(table.users.email), matches(table.users.name)) : undefined;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({ id: table.users.id, email: table.users.email, name: table.users.name, role: table.users.role, createdAt: table.users.createdAt })
			.from(table.users)
			.where(where)
			.orderBy(table.users.email)
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE),
		db.select({ total: count() }).from(table.users).where(where)
	]);
	return { rows, total, pageSize: PAGE_SIZE };
}
