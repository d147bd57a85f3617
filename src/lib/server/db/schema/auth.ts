import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { roles } from '../../../auth/roles';

export { roles, type Role } from '../../../auth/roles';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: roles }).notNull().default('student'),
	/** Set when the user redeems an emailed verification link; reminders go only to verified addresses. */
	emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

/** id is the SHA-256 of the session token (hex); the token itself is only ever in the cookie. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** id is the SHA-256 of the emailed token. Single use: usedAt is set when it is redeemed. */
export const passwordResets = sqliteTable(
	'password_resets',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('password_resets_user_idx').on(t.userId)]
);

/**
 * Throttle state per key ("login:ip:1.2.3.4", "login:email:a@b.c", "verify:ip:..."): kept in the database so it
 * holds across several app processes, and bounded because stale rows are pruned.
 */
export const throttles = sqliteTable(
	'throttles',
	{
		key: text('key').primaryKey(),
		failures: integer('failures').notNull().default(0),
		blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('throttles_updated_idx').on(t.updatedAt)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
