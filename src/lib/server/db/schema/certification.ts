import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { courses } from './content';

const now = sql`(unixepoch('subsec') * 1000)`;

export interface CertificateCourse {
	slug: string;
	title: string;
	ceQuarterHours: number;
	finalPercent: number | null;
	completedAt: string;
}

/**
 * Issued certificates. What the certificate states (holder name, track title, courses, hours) is frozen at issue,
 * so later edits to an account or a course never change a certificate already handed to a board. Rows are never
 * deleted: revocation and reissue are recorded on them.
 */
export const certificates = sqliteTable(
	'certificates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		trackSlug: text('track_slug').notNull(),
		trackTitle: text('track_title').notNull(),
		holderName: text('holder_name').notNull(),
		holderEmail: text('holder_email').notNull(),
		courses: text('courses', { mode: 'json' }).$type<CertificateCourse[]>().notNull(),
		ceQuarterHours: integer('ce_quarter_hours').notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
		/** Salt of the hashed email in the Open Badge, kept so the credential can be rebuilt identically. */
		credentialSalt: text('credential_salt').notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		revokedBy: integer('revoked_by').references(() => users.id),
		/** The certificate issued to replace this one (reissue), if any. */
		replacedById: integer('replaced_by_id')
	},
	(t) => [
		// At most one live certificate per student and track: concurrent issuing cannot create two.
		uniqueIndex('certificates_live_idx').on(t.userId, t.trackSlug).where(sql`revoked_at IS NULL`),
		index('certificates_user_idx').on(t.userId)
	]
);

/** The Ed25519 key that signs Open Badges, generated on first start. The public half is published at /issuer/keys. */
export const issuerKeys = sqliteTable('issuer_keys', {
	kid: text('kid').primaryKey(),
	publicJwk: text('public_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
	privateJwk: text('private_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/** The CE-hours ledger: hours earned here (one row per completed course) and hours the student reports from elsewhere. */
export const ceEntries = sqliteTable(
	'ce_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		source: text('source', { enum: ['course', 'self-reported'] }).notNull(),
		courseId: integer('course_id').references(() => courses.id),
		provider: text('provider').notNull(),
		title: text('title').notNull(),
		earnedOn: text('earned_on').notNull(),
		/** Hundredths of an hour (250 = 2.5 CE). */
		hundredths: integer('hundredths').notNull(),
		category: text('category').notNull(),
		selfStudy: integer('self_study', { mode: 'boolean' }).notNull().default(true),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('ce_entries_user_idx').on(t.userId, t.earnedOn),
		uniqueIndex('ce_entries_course_idx').on(t.userId, t.courseId).where(sql`source = 'course'`)
	]
);

/** Which renewal profiles (NCBTMB, a state board) a student tracks, and when their current cycle began. */
export const ceProfileChoices = sqliteTable(
	'ce_profile_choices',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		profileId: text('profile_id').notNull(),
		cycleStart: text('cycle_start').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.profileId] })]
);

export type Certificate = typeof certificates.$inferSelect;
export type CeEntry = typeof ceEntries.$inferSelect;
