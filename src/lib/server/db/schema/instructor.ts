import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { courses } from './content';
import { quizzes } from './quiz';

/** Which courses an instructor teaches: they manage quizzes and see students only there. */
export const courseInstructors = sqliteTable(
	'course_instructors',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => courses.id)
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('course_instructors_course_idx').on(t.courseId)]
);

/** A quiz may draw `count` random bank questions carrying `tag`, in addition to its own questions. */
export const quizDraws = sqliteTable(
	'quiz_draws',
	{
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quizzes.id, { onDelete: 'cascade' }),
		tag: text('tag').notNull(),
		count: integer('count').notNull()
	},
	(t) => [primaryKey({ columns: [t.quizId, t.tag] })]
);
