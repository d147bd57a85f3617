import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

// Runs the real sync against a real libSQL database (file, or sqld with TEST_DB=sqld), in process: the catalog is
// swapped to simulate editing lessons/.
const dir = mkdtempSync(join(tmpdir(), 'touchstone-sync-'));
const database = await createTestDatabase(dir);
process.env.DATABASE_URL = database.url;

const { migrateDatabase } = await import('$lib/server/db/migrate');
const { db, table } = await import('$lib/server/db');
const { syncContent } = await import('$lib/server/content/sync');
const { catalog } = await import('$lib/server/content/catalog');
const { searchLessons } = await import('$lib/server/content/search');

beforeAll(async () => {
	await migrateDatabase();
});
afterAll(async () => {
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

async function snapshot() {
	const courses = await db.select().from(table.courses).orderBy(table.courses.id);
	const lessons = await db.select().from(table.lessons).orderBy(table.lessons.id);
	const strip = <T extends { syncedAt: Date }>(rows: T[]) => rows.map(({ syncedAt: _s, ...rest }) => rest);
	return { courses: strip(courses), lessons: strip(lessons) };
}

describe('content sync', () => {
	it('mirrors every course and lesson, with word counts, minutes and CE hours', async () => {
		await syncContent();
		const { courses, lessons } = await snapshot();
		expect(courses.map((c) => c.slug)).toEqual(catalog.courses.map((c) => c.slug));
		expect(lessons).toHaveLength(catalog.courses.reduce((n, c) => n + c.lessons.length, 0));
		const first = catalog.courses[0];
		expect(courses[0].wordCount).toBe(first.wordCount);
		expect(courses[0].ceQuarterHours).toBe(first.ceQuarterHours);
		expect(lessons[0].minutes).toBe(first.lessons[0].minutes);
	});

	it('is idempotent: a second sync changes nothing and keeps ids', async () => {
		const before = await snapshot();
		await syncContent();
		await syncContent();
		expect(await snapshot()).toEqual(before);
		expect((await searchLessons('lactate'))!.length).toBeGreaterThan(0);
	});

	it('keeps the rows of a removed lesson (inactive, same id) and drops it from search; restoring reactivates it', async () => {
		const before = await snapshot();
		const course = catalog.courses[0];
		const removed = course.lessons.find((l) => l.slug === 'circulation-toxins-and-lactate')!;
		// "lactate" is taught in this lesson and in others: search finds it here before the removal.
		const lessonsFound = async () => new Set((await searchLessons('lactate'))!.map((h) => h.lesson));
		expect(await lessonsFound()).toContain(removed.slug);
		const edited = {
			...catalog,
			courses: [{ ...course, lessons: course.lessons.filter((l) => l !== removed) }, ...catalog.courses.slice(1)]
		};
		await syncContent(edited);
		const after = await snapshot();
		expect(after.lessons).toHaveLength(before.lessons.length);
		const row = after.lessons.find((l) => l.slug === removed.slug)!;
		expect(row.id).toBe(before.lessons.find((l) => l.slug === removed.slug)!.id);
		expect(row.active).toBe(false);
		// The same search still finds the other lessons (so an empty result cannot pass), but not the removed one.
		const found = await lessonsFound();
		expect(found.size).toBeGreaterThan(0);
		expect(found).not.toContain(removed.slug);

		await syncContent();
		expect(await snapshot()).toEqual(before);
	});

	it('reads hostile search input as plain words: FTS syntax never errors, and real words in it still match', async () => {
		// Nothing but syntax: there is no word to look for.
		for (const q of ['*', '"', '()', '^-']) expect(await searchLessons(q), q).toBeNull();
		// Words wrapped in FTS syntax find what the bare word finds.
		const plain = (await searchLessons('cortisol'))!.map((h) => `${h.lesson}#${h.section}`);
		expect(plain.length).toBeGreaterThan(0);
		for (const q of ['"cortisol', 'cortisol*', 'cortisol)', '(cortisol', 'cortisol -']) {
			const hits = (await searchLessons(q))?.map((h) => `${h.lesson}#${h.section}`) ?? [];
			expect(hits.length, q).toBeGreaterThan(0);
		}
		expect((await searchLessons('x'.repeat(1000))) ?? []).toEqual([]);
		// SQL typed into the box is only words to look for: the lessons are all still there afterwards.
		await searchLessons("'; DROP TABLE lessons; --");
		expect((await searchLessons('cortisol'))!.map((h) => `${h.lesson}#${h.section}`)).toEqual(plain);
	});
});
