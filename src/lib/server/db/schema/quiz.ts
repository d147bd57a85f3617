import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { gradingMethods, quizKinds, reviewMoments } from '../../../quiz/policy';
import type { Question, Response } from '../../../quiz/types';
import { users } from './auth';
import { courses, lessons } from './content';

export { gradingMethods, reviewMoments, type GradingMethod, type ReviewMoment } from '../../../quiz/policy';

const now = sql`(unixepoch('subsec') * 1000)`;

/** A quiz belongs to a course, and to a lesson when it is that lesson's check; kind 'final' is the final exam. */
export const quizzes = sqliteTable(
	'quizzes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		lessonId: integer('lesson_id').references(() => lessons.id),
		kind: text('kind', { enum: quizKinds }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
		passingPercent: integer('passing_percent').notNull().default(70),
		/** null = unlimited. */
		maxAttempts: integer('max_attempts'),
		gradingMethod: text('grading_method', { enum: gradingMethods }).notNull().default('highest'),
		/** null = no time limit. */
		timeLimitSeconds: integer('time_limit_seconds'),
		shuffleQuestions: integer('shuffle_questions', { mode: 'boolean' }).notNull().default(true),
		shuffleOptions: integer('shuffle_options', { mode: 'boolean' }).notNull().default(true),
		/** Draw this many questions from the pool for each attempt; null = all of them. */
		drawCount: integer('draw_count'),
		reviewCorrectness: text('review_correctness', { enum: reviewMoments }).notNull().default('after-submit'),
		reviewFeedback: text('review_feedback', { enum: reviewMoments }).notNull().default('after-submit'),
		reviewAnswers: text('review_answers', { enum: reviewMoments }).notNull().default('after-pass'),
		/** Set for quizzes imported from lessons/ ("course/lesson/quiz"), so each is imported once. */
		sourceKey: text('source_key').unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
		/**
		 * Bumped by database triggers (migration 0009) whenever a submitted attempt of this quiz is added, changed or
		 * removed: analytics reuse their cached figures while it stays the same, a lookup that costs the same at any
		 * number of attempts. A migration that rebuilds `attempts` must recreate those triggers.
		 */
		submissionsVersion: integer('submissions_version').notNull().default(0)
	},
	(t) => [index('quizzes_course_idx').on(t.courseId), index('quizzes_lesson_idx').on(t.lessonId)]
);

/** The course's question bank. data holds the full Question (answers included): server-side only. */
export const questions = sqliteTable(
	'questions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		type: text('type').notNull(),
		data: text('data', { mode: 'json' }).$type<Question>().notNull(),
		tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('questions_course_idx').on(t.courseId)]
);

export const quizQuestions = sqliteTable(
	'quiz_questions',
	{
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quizzes.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => questions.id),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.quizId, t.questionId] }), index('quiz_questions_question_idx').on(t.questionId)]
);

export const attempts = sqliteTable(
	'attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quizzes.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		number: integer('number').notNull(),
		status: text('status', { enum: ['open', 'submitted'] }).notNull().default('open'),
		/** Seeds the question draw, the shuffles and the per-attempt option ids: a reload shows the same quiz. */
		seed: text('seed').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		points: real('points'),
		maxPoints: real('max_points'),
		percent: real('percent'),
		passed: integer('passed', { mode: 'boolean' }),
		/** True when the server closed the attempt because its time ran out. */
		expired: integer('expired', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		uniqueIndex('attempts_number_idx').on(t.quizId, t.userId, t.number),
		uniqueIndex('attempts_one_open_idx').on(t.quizId, t.userId).where(sql`status = 'open'`),
		index('attempts_user_idx').on(t.userId, t.submittedAt),
		index('attempts_quiz_idx').on(t.quizId, t.status)
	]
);

/**
 * Every question content ever asked, stored once: attempts and review cards reference a version instead of each
 * keeping a copy. A version never changes; editing a question makes the next attempt store (or reuse) another.
 * hash is the SHA3-256 of snapshot's exact JSON text (lower(hex(sha3(snapshot))) in SQL), unique on its own, not per
 * question: a lesson's knowledge checks have no bank id (NULLs never conflict in a unique index), and equal content
 * is then one row whichever question it came from. question_id records where it was first seen; readers use the
 * attempt's or card's own question_id.
 */
export const questionVersions = sqliteTable(
	'question_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		questionId: integer('question_id').references(() => questions.id),
		hash: text('hash').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).$type<Question>().notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('question_versions_hash_idx').on(t.hash)]
);

/**
 * What one attempt asked, frozen when it started: editing or deleting a question later never changes a past
 * attempt or its score, because grading and review read the attempt's question version, never the live question.
 * The per-attempt part (draw, order, masked option ids) is not stored: it follows from the attempt's seed.
 */
export const attemptQuestions = sqliteTable(
	'attempt_questions',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionId: integer('question_id')
			.notNull()
			.references(() => questions.id),
		versionId: integer('version_id')
			.notNull()
			.references(() => questionVersions.id),
		response: text('response', { mode: 'json' }).$type<Response>(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		fraction: real('fraction'),
		points: real('points')
	},
	// No index on question_id: no query looks rows up by question (analytics go through attempts), questions are
	// never deleted (only marked deleted), and it cost as much space as the rows themselves.
	(t) => [primaryKey({ columns: [t.attemptId, t.position] })]
);

export type Quiz = typeof quizzes.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type AttemptQuestion = typeof attemptQuestions.$inferSelect;
export type QuestionVersion = typeof questionVersions.$inferSelect;
