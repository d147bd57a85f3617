import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

/** Append-only record of security-relevant actions. Nothing in the app updates or deletes these rows. */
export const auditEvents = sqliteTable(
	'audit_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		target: text('target'),
		detail: text('detail')
	},
	(t) => [index('audit_events_at_idx').on(t.at), index('audit_events_action_idx').on(t.action, t.id)]
);

export type AuditEvent = typeof auditEvents.$inferSelect;
