import { and, eq, like } from 'drizzle-orm';
import { db, table, type Conn } from '../db';
import { findLesson } from '../content/catalog';

// A submitted trial appraisal is kept as a knowledge-check answer row (check_answers) whose check id is
// "appraisal:<trial id>" and whose answer is the 11 ratings as y/n letters, item 1 first. That table already keys
// one latest answer per student, lesson and check, and counts as a learning event, so no new table is needed.
// Knowledge-check ids are GIFT titles, which never start with this prefix in the shipped content.
const PREFIX = 'appraisal:';

export const appraisalCheckId = (trialId: string) => `${PREFIX}${trialId}`;

/** The trial ids of the lesson's appraisals this student has submitted. */
export async function findSubmittedAppraisals(userId: number, lessonId: number, conn: Conn = db): Promise<Set<string>> {
	const rows = await conn
		.select({ checkId: table.checkAnswers.checkId })
		.from(table.checkAnswers)
		.where(and(eq(table.checkAnswers.userId, userId), eq(table.checkAnswers.lessonId, lessonId), like(table.checkAnswers.checkId, `${PREFIX}%`)));
	return new Set(rows.map((r) => r.checkId.slice(PREFIX.length)));
}

/** Whether the lesson asks for an appraisal this student has not yet submitted (then it cannot be complete). */
export async function hasAppraisalsOutstanding(userId: number, lessonId: number, conn: Conn = db): Promise<boolean> {
	const [row] = await conn
		.select({ lesson: table.lessons.slug, course: table.courses.slug })
		.from(table.lessons)
		.innerJoin(table.courses, eq(table.courses.id, table.lessons.courseId))
		.where(eq(table.lessons.id, lessonId));
	const required = (row && findLesson(row.course, row.lesson)?.lesson.appraisals) || [];
	if (required.length === 0) return false;
	const submitted = await findSubmittedAppraisals(userId, lessonId, conn);
	return required.some((id) => !submitted.has(id));
}
