import { sql } from 'drizzle-orm';
import { MARK_END, MARK_START, splitSnippet, toFtsQuery } from '$lib/content/search-query';
import { db } from '../db';

export interface SearchHit {
	course: string;
	courseTitle: string;
	lesson: string;
	lessonTitle: string;
	section: string;
	heading: string;
	snippet: { text: string; hit: boolean }[];
}

/** Full-text search over lesson sections (FTS5, ranked by bm25). Returns null when the query has no words. */
export async function searchLessons(input: string, limit = 20): Promise<SearchHit[] | null> {
	const query = toFtsQuery(input);
	if (!query) return null;
	const rows = await db.all<{
		course: string;
		course_title: string;
		lesson: string;
		lesson_title: string;
		section: string;
		heading: string;
		snippet: string;
	}>(sql`
		SELECT c.slug AS course, c.title AS course_title, l.slug AS lesson, l.title AS lesson_title,
		       f.section_id AS section, f.heading AS heading,
		       snippet(lesson_fts, 3, ${MARK_START}, ${MARK_END}, '…', 14) AS snippet
		FROM lesson_fts f
		JOIN lessons l ON l.id = f.lesson_id AND l.active = 1
		JOIN courses c ON c.id = l.course_id AND c.active = 1
		WHERE lesson_fts MATCH ${query}
		ORDER BY bm25(lesson_fts, 0, 0, 4, 1)
		LIMIT ${limit}`);
	return rows.map((r) => ({
		course: r.course,
		courseTitle: r.course_title,
		lesson: r.lesson,
		lessonTitle: r.lesson_title,
		section: r.section,
		heading: r.heading,
		snippet: splitSnippet(r.snippet)
	}));
}
