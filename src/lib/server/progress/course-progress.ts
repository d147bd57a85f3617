import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { aggregateGrade, type GradingMethod } from '$lib/quiz/policy';
import { db, table, type Conn } from '../db';

/**
 * One student's progress through several courses in three queries whatever their number and size: lessons with
 * their progress, the courses' published quizzes, and the student's submitted attempts at them.
 */
export async function getCoursesProgress(userId: number, courseIds: number[], conn: Conn = db) {
	if (courseIds.length === 0) return new Map<number, CourseProgressOf>();
	const enrollments = await conn
		.select()
		.from(table.enrollments)
		.where(and(eq(table.enrollments.userId, userId), inArray(table.enrollments.courseId, courseIds)));
	const lessons = await conn
		.select({
			id: table.lessons.id,
			courseId: table.lessons.courseId,
			slug: table.lessons.slug,
			title: table.lessons.title,
			startedAt: table.lessonProgress.startedAt,
			completedAt: table.lessonProgress.completedAt,
			lastSeenAt: table.lessonProgress.lastSeenAt,
			lastSection: table.lessonProgress.lastSection,
			activeSeconds: table.lessonProgress.activeSeconds
		})
		.from(table.lessons)
		.leftJoin(table.lessonProgress, and(eq(table.lessonProgress.lessonId, table.lessons.id), eq(table.lessonProgress.userId, userId)))
		.where(and(inArray(table.lessons.courseId, courseIds), eq(table.lessons.active, true)))
		.orderBy(asc(table.lessons.position));
	const quizzes = await conn
		.select({
			id: table.quizzes.id,
			courseId: table.quizzes.courseId,
			kind: table.quizzes.kind,
			lessonId: table.quizzes.lessonId,
			title: table.quizzes.title,
			passingPercent: table.quizzes.passingPercent,
			gradingMethod: table.quizzes.gradingMethod
		})
		.from(table.quizzes)
		.where(and(inArray(table.quizzes.courseId, courseIds), eq(table.quizzes.status, 'published'), isNull(table.quizzes.deletedAt)));
	const attempts = quizzes.length
		? await conn
				.select({ quizId: table.attempts.quizId, percent: table.attempts.percent })
				.from(table.attempts)
				.where(
					and(
						eq(table.attempts.userId, userId),
						eq(table.attempts.status, 'submitted'),
						inArray(
							table.attempts.quizId,
							quizzes.map((q) => q.id)
						)
					)
				)
				.orderBy(asc(table.attempts.number))
		: [];
	return assembleCoursesProgress(courseIds, { enrollments, lessons, quizzes, attempts });
}

/** The rows getCoursesProgress reads, however they were read (the dashboard reads them in one statement). */
export interface CoursesProgressRows {
	enrollments: { courseId: number; enrolledAt: Date; completedAt: Date | null }[];
	/** Active lessons in position order, each with the student's progress (nulls when not started). */
	lessons: Omit<CourseProgressOf['lessons'][number], 'check'>[];
	/** Published quizzes that are not deleted. */
	quizzes: { id: number; courseId: number; kind: string; lessonId: number | null; title: string; passingPercent: number; gradingMethod: GradingMethod }[];
	/** The student's submitted attempts, in the order they were taken (attempt number). */
	attempts: { quizId: number; percent: number | null }[];
}

/** Each course's lessons, checks and final exam graded under the quiz's own method. Rows of other courses are ignored. */
export function assembleCoursesProgress(courseIds: number[], rows: CoursesProgressRows): Map<number, CourseProgressOf> {
	const { enrollments, lessons, quizzes, attempts } = rows;
	const wanted = new Set(courseIds);
	const percentsOf = new Map<number, number[]>();
	for (const a of attempts) {
		const list = percentsOf.get(a.quizId);
		if (list) list.push(a.percent ?? 0);
		else percentsOf.set(a.quizId, [a.percent ?? 0]);
	}
	const graded = quizzes
		.filter((quiz) => wanted.has(quiz.courseId))
		.map((quiz) => {
			const percents = percentsOf.get(quiz.id) ?? [];
			const grade = aggregateGrade(quiz.gradingMethod, percents);
			return {
				...quiz,
				attempts: percents.length,
				best: percents.length ? Math.max(...percents) : null,
				grade,
				passed: grade !== null && grade >= quiz.passingPercent
			};
		});
	const checkOf = new Map<number, (typeof graded)[number]>();
	const finalOf = new Map<number, (typeof graded)[number]>();
	for (const quiz of graded) {
		// The first match wins, as a find() over the quizzes would.
		if (quiz.kind === 'lesson' && quiz.lessonId !== null && !checkOf.has(quiz.lessonId)) checkOf.set(quiz.lessonId, quiz);
		if (quiz.kind === 'final' && !finalOf.has(quiz.courseId)) finalOf.set(quiz.courseId, quiz);
	}
	const result = new Map<number, CourseProgressOf>();
	for (const courseId of courseIds) {
		const enrollment = enrollments.find((e) => e.courseId === courseId);
		result.set(courseId, {
			enrolled: !!enrollment,
			enrolledAt: enrollment?.enrolledAt ?? null,
			completedAt: enrollment?.completedAt ?? null,
			lessons: [],
			finalExam: finalOf.get(courseId) ?? null
		});
	}
	for (const lesson of lessons) result.get(lesson.courseId)?.lessons.push({ ...lesson, check: checkOf.get(lesson.id) ?? null });
	return result;
}

/** One student's progress through one course (inside a transaction when conn is one). */
export async function getCourseProgress(userId: number, courseId: number, conn: Conn = db) {
	return (await getCoursesProgress(userId, [courseId], conn)).get(courseId)!;
}

export interface CourseProgressOf {
	enrolled: boolean;
	enrolledAt: Date | null;
	completedAt: Date | null;
	lessons: {
		id: number;
		courseId: number;
		slug: string;
		title: string;
		startedAt: Date | null;
		completedAt: Date | null;
		lastSeenAt: Date | null;
		lastSection: string | null;
		activeSeconds: number | null;
		check: { id: number; best: number | null; passed: boolean; grade: number | null; attempts: number; title: string; passingPercent: number } | null;
	}[];
	finalExam: { id: number; title: string; best: number | null; passed: boolean; grade: number | null; attempts: number; passingPercent: number } | null;
}

export type CourseProgress = Awaited<ReturnType<typeof getCourseProgress>>;

/** Where "Continue" leads: the most recently read unfinished lesson (at its last section), else the first not done. */
export function nextStep(progress: CourseProgress) {
	const unfinished = progress.lessons.filter((l) => !l.completedAt);
	const recent = unfinished
		.filter((l) => l.lastSeenAt)
		.sort((a, b) => b.lastSeenAt!.getTime() - a.lastSeenAt!.getTime())[0];
	const lesson = recent ?? unfinished[0];
	if (lesson) return { kind: 'lesson' as const, slug: lesson.slug, title: lesson.title, section: lesson.lastSection, started: !!lesson.startedAt };
	if (progress.finalExam && !progress.finalExam.passed) return { kind: 'final' as const, quizId: progress.finalExam.id, title: progress.finalExam.title };
	return null;
}
