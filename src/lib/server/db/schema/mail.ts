import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { mailCategories, mailKinds, mailStatuses } from '../../../reminders/categories';
import { users } from './auth';

const now = sql`(unixepoch('subsec') * 1000)`;

/** id is the SHA-256 of the emailed token; single use (usedAt) and bound to the address it was sent to. */
export const emailVerifications = sqliteTable(
	'email_verifications',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('email_verifications_user_idx').on(t.userId)]
);

/**
 * Outgoing mail, one row per reminder. The unique idempotency key (user, kind, cycle or certificate, threshold) makes
 * a reminder enqueued twice (two processes, a restart) a no-op; status and lease make it sent by one process only.
 */
export const outgoingMail = sqliteTable(
	'outgoing_mail',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: mailKinds }).notNull(),
		category: text('category', { enum: mailCategories }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		idempotencyKey: text('idempotency_key').notNull().unique(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		/** The reminder's facts (JSON), rendered into text and HTML when sent. */
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		status: text('status', { enum: mailStatuses }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('outgoing_mail_due_idx').on(t.status, t.nextAttemptAt), index('outgoing_mail_user_idx').on(t.userId)]
);

/** A user's switch per mail category; a missing row means the category's default (categories.ts). */
export const emailPreferences = sqliteTable(
	'email_preferences',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		category: text('category', { enum: mailCategories }).notNull(),
		enabled: integer('enabled', { mode: 'boolean' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [primaryKey({ columns: [t.userId, t.category] })]
);

/** HMAC keys of unsubscribe links. The newest signs and verifies; rotating (a new row) revokes every older link. */
export const unsubscribeKeys = sqliteTable('unsubscribe_keys', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	secret: text('secret').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

export type OutgoingMail = typeof outgoingMail.$inferSelect;
