import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { db, table } from '../db';

/**
 * How long a course's ranking of forgotten questions is reused. Summing every lapsed card of a course reads all
 * of them (about 200 ms for 80,000 lapsed cards at 100,000 students), and the ranking moves slowly; a lapse
 * recorded by this process drops the entry at once (noteLapses), one recorded by another process shows within
 * this time. The page says so.
 */
export const FORGOTTEN_MAX_AGE_MS = 60_000;
const forgottenCache = new Map<string, { at: number; rows: Forgotten[] }>();
type Forgotten = Awaited<ReturnType<typeof computeMostForgotten>>[number];

/** Per course: the questions students forget most (lapses summed over every student's card, current text). */
export async function mostForgotten(courseId: number, limit = 10, now = Date.now()): Promise<Forgotten[]> {
	const key = `${courseId}:${limit}`;
	const hit = forgottenCache.get(key);
	if (hit && now - hit.at < FORGOTTEN_MAX_AGE_MS) return hit.rows;
	const rows = await computeMostForgotten(courseId, limit);
	forgottenCache.set(key, { at: now, rows });
	return rows;
}

/** Called after cards of these courses lapsed: their rankings are recomputed on the next view. */
export function noteLapses(courseIds: Iterable<number>): void {
	const courses = new Set([...courseIds].map(String));
	for (const key of forgottenCache.keys()) if (courses.has(key.split(':')[0])) forgottenCache.delete(key);
}

async function computeMostForgotten(courseId: number, limit: number) {
	const top = await db
		.select({
			questionId: table.reviewCards.questionId,
			lapses: sql<number>`sum(${table.reviewCards.lapses})`.as('lapses'),
			students: sql<number>`count(*)`.as('students')
		})
		.from(table.reviewCards)
		.where(and(eq(table.reviewCards.courseId, courseId), sql`${table.reviewCards.lapses} > 0`, isNotNull(table.reviewCards.questionId)))
		.groupBy(table.reviewCards.questionId)
		.orderBy(desc(sql`lapses`))
		.limit(limit);
	const ids = top.map((t) => t.questionId!).filter(Boolean);
	const texts = ids.length
		? await db.select({ id: table.questions.id, data: table.questions.data }).from(table.questions).where(inArray(table.questions.id, ids))
		: [];
	const textOf = new Map(texts.map((q) => [q.id, q.data.text]));
	return top.map((t) => ({ ...t, text: textOf.get(t.questionId!) ?? '' }));
}
