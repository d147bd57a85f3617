import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ratings } from '../../../review/ratings';
import { users } from './auth';
import { courses } from './content';
import { questions, questionVersions, quizzes } from './quiz';

const now = sql`(unixepoch('subsec') * 1000)`;

/**
 * One spaced-repetition card per student and question (FSRS state in columns). version_id is the question as the
 * student last met it, so review shows what was asked even if an instructor edits the question later.
 */
export const reviewCards = sqliteTable(
	'review_cards',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id),
		/** Quiz questions have a bank id; inline knowledge checks are keyed by lesson file and check id instead. */
		questionId: integer('question_id').references(() => questions.id),
		checkKey: text('check_key'),
		/** The quiz the card came from: its review policy decides when the card may be shown. */
		quizId: integer('quiz_id').references(() => quizzes.id),
		versionId: integer('version_id')
			.notNull()
			.references(() => questionVersions.id),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		state: text('state', { enum: ['new', 'learning', 'review', 'relearning'] }).notNull(),
		lastReview: integer('last_review', { mode: 'timestamp_ms' }),
		/** When the student first met the card in /review; the daily new-card limit counts these per day. */
		introducedAt: integer('introduced_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('review_cards_question_idx').on(t.userId, t.questionId).where(sql`question_id IS NOT NULL`),
		uniqueIndex('review_cards_check_idx').on(t.userId, t.checkKey).where(sql`check_key IS NOT NULL`),
		index('review_cards_due_idx').on(t.userId, t.due),
		index('review_cards_course_idx').on(t.courseId, t.questionId),
		// Only lapsed cards, for the instructor's "forgotten most" list: small even when every student has cards.
		index('review_cards_lapsed_idx').on(t.courseId, t.questionId).where(sql`lapses > 0`)
	]
);

export const reviewLogs = sqliteTable(
	'review_logs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cardId: integer('card_id')
			.notNull()
			.references(() => reviewCards.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		rating: text('rating', { enum: ratings }).notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		stateBefore: text('state_before').notNull(),
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
		scheduledDays: integer('scheduled_days').notNull()
	},
	(t) => [index('review_logs_user_idx').on(t.userId, t.reviewedAt), index('review_logs_card_idx').on(t.cardId)]
);

export const reviewSettings = sqliteTable('review_settings', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => users.id),
	dailyNewLimit: integer('daily_new_limit').notNull().default(20),
	retention: real('retention').notNull().default(0.9)
});

export type ReviewCard = typeof reviewCards.$inferSelect;
