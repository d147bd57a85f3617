import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { courses } from './content';

// What a CE provider must keep: learners' licences (with history), the provider's own details, course evaluations,
// per-course certificates and what was reported to state tracking systems. Nothing here is deleted (records are
// kept at least 6 years; see src/lib/server/records/retention.ts).

const now = sql`(unixepoch('subsec') * 1000)`;

/** A licence a learner holds. The changing details live in licence_versions; a withdrawn licence keeps its row. */
export const licences = sqliteTable(
	'licences',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		jurisdiction: text('jurisdiction').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		removedAt: integer('removed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('licences_user_idx').on(t.userId), index('licences_jurisdiction_idx').on(t.jurisdiction)]
);

/** Every edit of a licence is a new version; certificates name the version in force when they were issued. */
export const licenceVersions = sqliteTable(
	'licence_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		licenceId: integer('licence_id')
			.notNull()
			.references(() => licences.id),
		version: integer('version').notNull(),
		number: text('number').notNull(),
		profession: text('profession').notNull(),
		/** The learner agreed that completions are reported to the state's tracking system (asked where a rule needs it). */
		reportConsent: integer('report_consent', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('licence_versions_idx').on(t.licenceId, t.version)]
);

/** The provider's details printed on certificates: one row (id 1), set by an admin. */
export const providerSettings = sqliteTable('provider_settings', {
	id: integer('id').primaryKey(),
	name: text('name').notNull(),
	providerNumber: text('provider_number').notNull(),
	contact: text('contact').notNull(),
	signatoryName: text('signatory_name').notNull(),
	signatoryTitle: text('signatory_title').notNull(),
	/** PNG, base64, optional. */
	signaturePng: text('signature_png'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
	updatedBy: integer('updated_by').references(() => users.id)
});

/** Codes CE Broker assigns (profession codes, course numbers): admin configuration, keyed "FL:massage-therapist". */
export const reportingCodes = sqliteTable(
	'reporting_codes',
	{
		kind: text('kind', { enum: ['profession', 'course'] }).notNull(),
		key: text('key').notNull(),
		value: text('value').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [primaryKey({ columns: [t.kind, t.key] })]
);

/** A learner's evaluation of a course (Likert 1-5 each), once per learner and course. */
export const courseEvaluations = sqliteTable(
	'course_evaluations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		objectives: integer('objectives').notNull(),
		accuracy: integer('accuracy').notNull(),
		relevance: integer('relevance').notNull(),
		materials: integer('materials').notNull(),
		timeFit: integer('time_fit').notNull(),
		comments: text('comments').notNull().default(''),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('course_evaluations_idx').on(t.userId, t.courseId), index('course_evaluations_course_idx').on(t.courseId, t.submittedAt)]
);

export interface CertificateLicence {
	licenceId: number;
	versionId: number;
	jurisdiction: string;
	number: string;
	profession: string;
}

/** Per-course Certificates of Achievement. What they state is frozen at issue (approved title and hours). */
export const courseCertificates = sqliteTable(
	'course_certificates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		courseSlug: text('course_slug').notNull(),
		approvalBody: text('approval_body').notNull(),
		approvalNumber: text('approval_number').notNull(),
		approvedTitle: text('approved_title').notNull(),
		/** Approved hours in quarter hours. */
		ceQuarterHours: integer('ce_quarter_hours').notNull(),
		category: text('category').notNull(),
		deliveryType: text('delivery_type').notNull(),
		holderName: text('holder_name').notNull(),
		holderEmail: text('holder_email').notNull(),
		licences: text('licences', { mode: 'json' }).$type<CertificateLicence[]>().notNull(),
		finalPercent: integer('final_percent'),
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => courseEvaluations.id),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		credentialSalt: text('credential_salt').notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		// Exactly one live certificate per learner and course, whatever races.
		uniqueIndex('course_certificates_live_idx').on(t.userId, t.courseId).where(sql`revoked_at IS NULL`),
		index('course_certificates_course_idx').on(t.courseId, t.completedAt)
	]
);

/** A completion reported to a state tracking system for one licence; the batch is also in the audit log. */
export const completionReports = sqliteTable(
	'completion_reports',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		licenceId: integer('licence_id')
			.notNull()
			.references(() => licences.id),
		batch: text('batch').notNull(),
		reportedAt: integer('reported_at', { mode: 'timestamp_ms' }).notNull(),
		reportedBy: integer('reported_by').references(() => users.id)
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId, t.licenceId] })]
);

export type Licence = typeof licences.$inferSelect;
export type LicenceVersion = typeof licenceVersions.$inferSelect;
export type CourseCertificate = typeof courseCertificates.$inferSelect;
export type CourseEvaluation = typeof courseEvaluations.$inferSelect;
export type ProviderSettings = typeof providerSettings.$inferSelect;
