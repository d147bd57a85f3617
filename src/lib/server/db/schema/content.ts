import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Rows mirror the files in lessons/ (synced at start, keyed by slug) so progress and certificates can reference
// them. A course or lesson removed from the files is marked inactive, never deleted, so history survives.

export const courses = sqliteTable('courses', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	summary: text('summary').notNull(),
	level: text('level').notNull(),
	audience: text('audience').notNull(),
	ceCategory: text('ce_category').notNull(),
	position: integer('position').notNull(),
	wordCount: integer('word_count').notNull(),
	mediaMinutes: integer('media_minutes').notNull().default(0),
	/** CE hours in quarter hours (5 = 1.25 CE), computed from words and media minutes. */
	ceQuarterHours: integer('ce_quarter_hours').notNull(),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	syncedAt: integer('synced_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`)
});

export const lessons = sqliteTable(
	'lessons',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		position: integer('position').notNull(),
		wordCount: integer('word_count').notNull(),
		minutes: integer('minutes').notNull(),
		mediaMinutes: integer('media_minutes').notNull().default(0),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		syncedAt: integer('synced_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [uniqueIndex('lessons_course_slug_idx').on(t.courseId, t.slug), index('lessons_course_idx').on(t.courseId)]
);

export type Course = typeof courses.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
