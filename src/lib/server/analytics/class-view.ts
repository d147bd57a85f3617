// The class view of one course: every enrolled student's lessons completed, best quiz scores, last activity and CE
// hours. Each measure is one grouped query (never one query per student), so a page costs the same eight queries
// for ten students or ten thousand.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { db, table } from '../db';
import { CLASS_PAGE_SIZE, type ClassQuery } from './class-query';

/**
 * The course's published quizzes, lesson checks in lesson order, then practice quizzes, then the final exam. `short`
 * names the column in words an instructor knows: the lesson's title for its check, the quiz title otherwise.
 */
export async function listCourseQuizzes(courseId: number) {
	const rows = await db
		.select({ id: table.quizzes.id, title: table.quizzes.title, kind: table.quizzes.kind, lessonTitle: table.lessons.title })
		.from(table.quizzes)
		.leftJoin(table.lessons, eq(table.lessons.id, table.quizzes.lessonId))
		.where(and(eq(table.quizzes.courseId, courseId), eq(table.quizzes.status, 'published'), isNull(table.quizzes.deletedAt)))
		.orderBy(
			sql`CASE ${table.quizzes.kind} WHEN 'lesson' THEN 0 WHEN 'practice' THEN 1 ELSE 2 END`,
			asc(table.lessons.position),
			asc(table.quizzes.id)
		);
	const finals = rows.filter((q) => q.kind === 'final').length;
	return rows.map(({ lessonTitle, ...quiz }) => {
		const short =
			quiz.kind === 'lesson' && lessonTitle ? `Check: ${lessonTitle}` : quiz.kind === 'final' && finals === 1 ? 'Final exam' : quiz.title;
		return { ...quiz, short };
	});
}

function filterOf(q: string): SQL {
	if (!q) return sql`1`;
	// LIKE wildcards typed by the instructor are matched literally.
	const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return sql`(lower(u.name) LIKE ${pattern} ESCAPE '\\' OR u.email LIKE ${pattern} ESCAPE '\\')`;
}

interface StudentRow {
	id: number;
	name: string;
	email: string;
	enrolledAt: number;
	completedAt: number | null;
}

interface Measures {
	lessonsDone: number;
	lastActivity: number | null;
}

/** `AND column IN (...)` for one page of students; nothing for the whole course. */
function onlyStudents(column: SQL, userIds: number[] | null): SQL {
	return userIds ? sql`AND ${column} IN (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
}

// One grouped query per measure. For a page they are narrowed to its students and answered from the primary key of
// lesson_progress and attempts_user_idx; for sorting or the export they cover the whole course.

/** Lessons completed (active lessons only), per student. */
const lessonsDoneOf = (courseId: number, userIds: number[] | null = null) => sql`
	SELECT lp.user_id, count(*) AS lessons_done
	FROM lesson_progress lp
	WHERE lp.completed_at IS NOT NULL ${onlyStudents(sql`lp.user_id`, userIds)}
		AND lp.lesson_id IN (SELECT id FROM lessons WHERE course_id = ${courseId} AND active = 1)
	GROUP BY lp.user_id`;

/** The latest visit to any of the course's lessons, per student. */
const lastSeenOf = (courseId: number, userIds: number[] | null = null) => sql`
	SELECT lp.user_id, max(lp.last_seen_at) AS at
	FROM lesson_progress lp
	WHERE lp.lesson_id IN (SELECT id FROM lessons WHERE course_id = ${courseId}) ${onlyStudents(sql`lp.user_id`, userIds)}
	GROUP BY lp.user_id`;

/** The latest start or submission of an attempt at any of the course's quizzes, per student. */
const lastAttemptOf = (courseId: number, userIds: number[] | null = null) => sql`
	SELECT a.user_id, max(coalesce(a.submitted_at, a.started_at)) AS at
	FROM attempts a
	WHERE a.quiz_id IN (SELECT id FROM quizzes WHERE course_id = ${courseId}) ${onlyStudents(sql`a.user_id`, userIds)}
	GROUP BY a.user_id`;

/**
 * The enrolled students matching the filter, in the requested order: one page of them, or all with page null (the
 * CSV export). Sorting by name touches only enrollments and users; sorting by a measure joins that measure's
 * grouped query, the only way to order by it.
 */
async function loadStudents(courseId: number, query: ClassQuery, page: number | null): Promise<StudentRow[]> {
	const d = query.dir === 'asc' ? sql`ASC` : sql`DESC`;
	let join = sql``;
	let order = sql`lower(u.name) ${d}, u.id ${d}`;
	if (query.sort === 'lessons') {
		join = sql`LEFT JOIN (${lessonsDoneOf(courseId)}) m ON m.user_id = e.user_id`;
		order = sql`coalesce(m.lessons_done, 0) ${d}, lower(u.name) ASC, u.id ASC`;
	} else if (query.sort === 'activity') {
		join = sql`LEFT JOIN (${lastSeenOf(courseId)}) ls ON ls.user_id = e.user_id
			LEFT JOIN (${lastAttemptOf(courseId)}) la ON la.user_id = e.user_id`;
		order = sql`max(coalesce(ls.at, 0), coalesce(la.at, 0)) ${d}, lower(u.name) ASC, u.id ASC`;
	}
	const limit = page === null ? sql`` : sql`LIMIT ${CLASS_PAGE_SIZE} OFFSET ${(page - 1) * CLASS_PAGE_SIZE}`;
	const rows = await tuples<[number, string, string, number, number | null]>(
		sql`SELECT u.id, u.name, u.email, e.enrolled_at, e.completed_at
			FROM enrollments e
			JOIN users u ON u.id = e.user_id
			${join}
			WHERE e.course_id = ${courseId} AND ${filterOf(query.q)}
			ORDER BY ${order}
			${limit}`,
		['id', 'name', 'email', 'enrolled_at', 'completed_at']
	);
	return rows.map(([id, name, email, enrolledAt, completedAt]) => ({ id, name, email, enrolledAt, completedAt }));
}

/**
 * A query's rows as tuples, carried in one JSON value: the client's per-row cost otherwise dominates the export,
 * which reads a row per student. SQLite keeps a subquery's ORDER BY for order-sensitive aggregates such as
 * json_group_array. `columns` are the query's own column names, never user input.
 */
async function tuples<T extends unknown[]>(query: SQL, columns: string[]): Promise<T[]> {
	const [row] = await db.all<{ rows: string | null }>(
		sql`SELECT json_group_array(json_array(${sql.raw(columns.join(', '))})) AS rows FROM (${query})`
	);
	return JSON.parse(row?.rows ?? '[]') as T[];
}

/** Lessons completed and last activity for the given students (null: every student of the course). */
async function loadMeasures(courseId: number, userIds: number[] | null): Promise<Map<number, Measures>> {
	const measures = new Map<number, Measures>();
	if (userIds?.length === 0) return measures;
	const [done, seen, attempted] = await Promise.all([
		tuples<[number, number]>(lessonsDoneOf(courseId, userIds), ['user_id', 'lessons_done']),
		tuples<[number, number | null]>(lastSeenOf(courseId, userIds), ['user_id', 'at']),
		tuples<[number, number | null]>(lastAttemptOf(courseId, userIds), ['user_id', 'at'])
	]);
	const entry = (id: number) => {
		let m = measures.get(id);
		if (!m) measures.set(id, (m = { lessonsDone: 0, lastActivity: null }));
		return m;
	};
	for (const [userId, lessonsDone] of done) entry(userId).lessonsDone = lessonsDone;
	for (const [userId, at] of [...seen, ...attempted]) {
		const m = entry(userId);
		if (at !== null && (m.lastActivity === null || at > m.lastActivity)) m.lastActivity = at;
	}
	return measures;
}

async function countStudents(courseId: number, q: string): Promise<number> {
	const [row] = await db.all<{ n: number }>(sql`
		SELECT count(*) AS n FROM enrollments e JOIN users u ON u.id = e.user_id
		WHERE e.course_id = ${courseId} AND ${filterOf(q)}`);
	return Number(row?.n ?? 0);
}

/**
 * Best submitted percent per student and quiz, and whether any submitted attempt passed (as graded when it was
 * submitted), for the given students (null: everyone in the course).
 */
async function loadBestScores(quizIds: number[], userIds: number[] | null): Promise<Map<string, { best: number; passed: boolean }>> {
	if (quizIds.length === 0 || userIds?.length === 0) return new Map();
	const rows = await tuples<[number, number, number, number | null]>(
		sql`SELECT a.user_id, a.quiz_id, max(a.percent) AS best, max(a.passed) AS passed
			FROM attempts a
			WHERE a.status = 'submitted' AND a.quiz_id IN (${sql.join(quizIds.map((id) => sql`${id}`), sql`, `)})
				${onlyStudents(sql`a.user_id`, userIds)}
			GROUP BY a.user_id, a.quiz_id`,
		['user_id', 'quiz_id', 'best', 'passed']
	);
	return new Map(rows.map(([userId, quizId, best, passed]) => [`${userId}:${quizId}`, { best, passed: passed === 1 }]));
}

async function countActiveLessons(courseId: number): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(table.lessons)
		.where(and(eq(table.lessons.courseId, courseId), eq(table.lessons.active, true)));
	return Number(row?.n ?? 0);
}

/**
 * The class view of a course for one page of students (or all of them with `all`). The caller has already checked
 * that the signed-in user may see this course.
 */
export async function getClassView(course: { id: number; ceQuarterHours: number }, query: ClassQuery, options: { all?: boolean } = {}) {
	const [quizzes, lessonsTotal, total, students] = await Promise.all([
		listCourseQuizzes(course.id),
		countActiveLessons(course.id),
		countStudents(course.id, query.q),
		loadStudents(course.id, query, options.all ? null : query.page)
	]);
	const ids = options.all ? null : students.map((s) => s.id);
	const [best, measures] = await Promise.all([
		loadBestScores(
			quizzes.map((q) => q.id),
			ids
		),
		loadMeasures(course.id, ids)
	]);
	return {
		quizzes,
		lessonsTotal,
		total,
		pageSize: CLASS_PAGE_SIZE,
		rows: students.map((s) => ({
			id: s.id,
			name: s.name,
			email: s.email,
			enrolledAt: new Date(s.enrolledAt),
			completedAt: s.completedAt === null ? null : new Date(s.completedAt),
			lessonsDone: measures.get(s.id)?.lessonsDone ?? 0,
			lastActivity: measures.get(s.id)?.lastActivity ? new Date(measures.get(s.id)!.lastActivity!) : null,
			best: quizzes.map((q) => best.get(`${s.id}:${q.id}`)?.best ?? null),
			/** Whether the student has passed each quiz; null without a submitted attempt. */
			passed: quizzes.map((q) => best.get(`${s.id}:${q.id}`)?.passed ?? null),
			/** CE hours are earned when the course is complete, as on the student's dashboard. */
			ceQuarterHours: s.completedAt === null ? 0 : course.ceQuarterHours
		}))
	};
}

export type ClassView = Awaited<ReturnType<typeof getClassView>>;
