import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { courses, lessons } from './content';

const now = sql`(unixepoch('subsec') * 1000)`;

export const enrollments = sqliteTable(
	'enrollments',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		enrolledAt: integer('enrolled_at', { mode: 'timestamp_ms' }).notNull().default(now),
		/** Set once, when every lesson is complete and the final exam is passed. */
		completedAt: integer('completed_at', { mode: 'timestamp_ms' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('enrollments_course_idx').on(t.courseId)]
);

/** Complete means the student reached the end of the lesson and passed its lesson check, not that they opened it. */
export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull().default(now),
		reachedEndAt: integer('reached_end_at', { mode: 'timestamp_ms' }),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		activeSeconds: integer('active_seconds').notNull().default(0),
		lastSection: text('last_section'),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId] }), index('lesson_progress_lesson_idx').on(t.lessonId)]
);

/** Latest answer to each inline knowledge check. */
export const checkAnswers = sqliteTable(
	'check_answers',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id),
		checkId: text('check_id').notNull(),
		answer: text('answer').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId, t.checkId] })]
);

/** Per-day activity for the dashboard chart: active reading seconds and learning events. */
export const activityDays = sqliteTable(
	'activity_days',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		day: text('day').notNull(),
		seconds: integer('seconds').notNull().default(0),
		events: integer('events').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.userId, t.day] })]
);

export type Enrollment = typeof enrollments.$inferSelect;
export type LessonProgress = typeof lessonProgress.$inferSelect;
