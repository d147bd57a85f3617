import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Catalog } from '$lib/content/catalog';
import { db, table, type Tx } from '../db';
import { catalog } from './catalog';


/**
 * Mirrors the content catalog into the database in one transaction: course and lesson rows keyed by slug (ids
 * stay stable across syncs), the full-text index rebuilt, and anything no longer in the files marked inactive
 * rather than deleted, so students' history keeps pointing at real rows. Running it twice changes nothing.
 */
export async function syncContent(source: Catalog = catalog): Promise<void> {
	await syncRows(source);
	syncs++;
}

let syncs = 0;

/**
 * How many times this process has synced the content: course and lesson rows change only then, so a reader may
 * keep them until this number changes (the dashboard does).
 */
export function contentSyncCount(): number {
	return syncs;
}

async function syncRows(source: Catalog): Promise<void> {
	await db.transaction(async (tx) => {
		const courseIds: number[] = [];
		await tx.run(sql`DELETE FROM lesson_fts`);
		for (const course of source.courses) {
			const values = {
				slug: course.slug,
				title: course.title,
				summary: course.summary,
				level: course.level,
				audience: course.audience,
				ceCategory: course.ceCategory,
				position: course.position,
				wordCount: course.wordCount,
				mediaMinutes: course.mediaMinutes,
				ceQuarterHours: course.ceQuarterHours,
				active: true
			};
			const [row] = await tx
				.insert(table.courses)
				.values(values)
				.onConflictDoUpdate({ target: table.courses.slug, set: { ...values, syncedAt: new Date() } })
				.returning({ id: table.courses.id });
			courseIds.push(row.id);
			await syncLessons(tx, row.id, course);
		}
		await tx
			.update(table.courses)
			.set({ active: false })
			.where(courseIds.length ? notInArray(table.courses.id, courseIds) : undefined);
	});
}

async function syncLessons(tx: Tx, courseId: number, course: Catalog['courses'][number]) {
	const lessonIds: number[] = [];
	for (const lesson of course.lessons) {
		const values = {
			courseId,
			slug: lesson.slug,
			title: lesson.title,
			summary: lesson.summary,
			position: lesson.position,
			wordCount: lesson.wordCount,
			minutes: lesson.minutes,
			mediaMinutes: lesson.mediaMinutes,
			active: true
		};
		const [row] = await tx
			.insert(table.lessons)
			.values(values)
			.onConflictDoUpdate({ target: [table.lessons.courseId, table.lessons.slug], set: { ...values, syncedAt: new Date() } })
			.returning({ id: table.lessons.id });
		lessonIds.push(row.id);
		for (const section of lesson.sections) {
			await tx.run(
				sql`INSERT INTO lesson_fts (lesson_id, section_id, heading, body) VALUES (${row.id}, ${section.id}, ${section.heading || lesson.title}, ${section.text})`
			);
		}
	}
	await tx
		.update(table.lessons)
		.set({ active: false })
		.where(
			and(eq(table.lessons.courseId, courseId), lessonIds.length ? notInArray(table.lessons.id, lessonIds) : undefined)
		);
}
