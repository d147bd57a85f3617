// The course question bank. Every question lives in the bank (questions table); quizzes point at bank questions
// through quiz_questions. So editing a question that several quizzes use edits it in all of them. Past attempts
// never change: each attempt froze its questions (attempt_questions.version_id) when it started, and grading and
// review read that version, never the bank.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Question } from '$lib/quiz/types';
import { db, table, type Conn } from '../db';


/**
 * The tags stored on the bank row (used by draw rules and the bank filter): the question's own tags (topics, its
 * lesson) plus "cite:<key>" for its citation.
 */
export function rowTagsOf(question: Question): string[] {
	return [...new Set([...question.tags, ...(question.cite ? [`cite:${question.cite}`] : [])])];
}

/** The question as the editor and exports see it: its tags are the row's tags (minus the derived cite: ones). */
export function bankQuestion(row: { data: Question; tags: string[] }): Question {
	return { ...row.data, tags: row.tags.filter((tag) => !tag.startsWith('cite:')) };
}

/** A non-deleted question of this course, or null (another course's question id reads as missing). */
export async function findCourseQuestion(courseId: number, questionId: number) {
	if (!Number.isSafeInteger(questionId) || questionId <= 0) return null;
	const [row] = await db
		.select()
		.from(table.questions)
		.where(and(eq(table.questions.id, questionId), eq(table.questions.courseId, courseId), isNull(table.questions.deletedAt)));
	return row ?? null;
}

export async function insertQuestion(conn: Conn, courseId: number, question: Question): Promise<number> {
	const [row] = await conn
		.insert(table.questions)
		.values({ courseId, type: question.type, data: question, tags: rowTagsOf(question) })
		.returning({ id: table.questions.id });
	return row.id;
}

/** Edits the bank question in place (every quiz using it sees the change; attempts keep their question versions). */
export async function updateQuestion(conn: Conn, courseId: number, questionId: number, question: Question) {
	await conn
		.update(table.questions)
		.set({ type: question.type, data: question, tags: rowTagsOf(question), updatedAt: new Date() })
		.where(and(eq(table.questions.id, questionId), eq(table.questions.courseId, courseId)));
}

/** Soft delete: attempts keep pointing at the row; new attempts no longer ask it. */
export async function deleteBankQuestion(courseId: number, questionId: number) {
	await db
		.update(table.questions)
		.set({ deletedAt: new Date() })
		.where(and(eq(table.questions.id, questionId), eq(table.questions.courseId, courseId), isNull(table.questions.deletedAt)));
}

/** The (not deleted) quizzes that ask this question. */
export async function quizzesUsing(questionId: number) {
	return db
		.select({ id: table.quizzes.id, title: table.quizzes.title, status: table.quizzes.status })
		.from(table.quizQuestions)
		.innerJoin(table.quizzes, eq(table.quizzes.id, table.quizQuestions.quizId))
		.where(and(eq(table.quizQuestions.questionId, questionId), isNull(table.quizzes.deletedAt)))
		.orderBy(asc(table.quizzes.title));
}

const hasTag = (tag: string) => sql`exists (select 1 from json_each(${table.questions.tags}) where json_each.value = ${tag})`;

/** Bank questions of the course, newest first, optionally only those carrying a tag; with how many quizzes use each. */
export async function listBank(courseId: number, tag: string | null, limit = 500) {
	const rows = await db
		.select({ id: table.questions.id, data: table.questions.data, tags: table.questions.tags, updatedAt: table.questions.updatedAt })
		.from(table.questions)
		.where(and(eq(table.questions.courseId, courseId), isNull(table.questions.deletedAt), tag ? hasTag(tag) : undefined))
		.orderBy(desc(table.questions.id))
		.limit(limit);
	const ids = rows.map((r) => r.id);
	const usage = ids.length
		? await db
				.select({ questionId: table.quizQuestions.questionId, quizzes: count() })
				.from(table.quizQuestions)
				.innerJoin(table.quizzes, eq(table.quizzes.id, table.quizQuestions.quizId))
				.where(and(inArray(table.quizQuestions.questionId, ids), isNull(table.quizzes.deletedAt)))
				.groupBy(table.quizQuestions.questionId)
		: [];
	const used = new Map(usage.map((u) => [u.questionId, u.quizzes]));
	return rows.map((row) => ({ ...row, question: bankQuestion(row), usedIn: used.get(row.id) ?? 0 }));
}

/** Every tag in the course's bank with how many (non-deleted) questions carry it. */
export async function listBankTags(courseId: number) {
	return db.all<{ tag: string; questions: number }>(sql`
		select j.value as tag, count(*) as questions
		from ${table.questions}, json_each(${table.questions.tags}) as j
		where ${table.questions.courseId} = ${courseId} and ${table.questions.deletedAt} is null
		group by j.value
		order by j.value collate nocase`);
}

/** Non-deleted bank questions carrying `tag`, oldest first (what a draw rule may pick, before excluding the quiz's own). */
export async function listTaggedQuestions(courseId: number, tag: string) {
	return db
		.select({ id: table.questions.id, data: table.questions.data, tags: table.questions.tags })
		.from(table.questions)
		.where(and(eq(table.questions.courseId, courseId), isNull(table.questions.deletedAt), hasTag(tag)))
		.orderBy(asc(table.questions.id));
}
