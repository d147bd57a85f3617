import { and, eq, sql } from 'drizzle-orm';
import type { GradingMethod } from '$lib/quiz/policy';
import { db, table, type Tx } from '../db';
import { bumpActivity } from './activity';
import { hasPassed } from './completion';

export { findLessonCheck } from './completion';
import { enrollInCourse } from './enroll';

export interface LessonIds {
	courseId: number;
	lessonId: number;
}

// Course and lesson rows are keyed by slug and never deleted, so their ids are stable for the life of the process.
const idCache = new Map<string, LessonIds>();

/** The database ids of a lesson, by slugs, for recording progress against it. */
export async function findLessonIds(courseSlug: string, lessonSlug: string): Promise<LessonIds | null> {
	const cached = idCache.get(`${courseSlug}/${lessonSlug}`);
	if (cached) return cached;
	const [row] = await db
		.select({ courseId: table.courses.id, lessonId: table.lessons.id })
		.from(table.lessons)
		.innerJoin(table.courses, eq(table.courses.id, table.lessons.courseId))
		.where(and(eq(table.courses.slug, courseSlug), eq(table.lessons.slug, lessonSlug)));
	if (row) idCache.set(`${courseSlug}/${lessonSlug}`, row);
	return row ?? null;
}

/** What the lesson page shows about the student's progress on it. Read-only: opening a page records nothing. */
export async function readLessonState(
	userId: number,
	ids: LessonIds,
	check: { id: number; gradingMethod: GradingMethod; passingPercent: number } | null
) {
	const [progress] = await db
		.select({ reachedEndAt: table.lessonProgress.reachedEndAt, completedAt: table.lessonProgress.completedAt })
		.from(table.lessonProgress)
		.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, ids.lessonId)));
	return {
		reachedEnd: !!progress?.reachedEndAt,
		completed: !!progress?.completedAt,
		checkPassed: check === null ? false : await hasPassed(userId, check)
	};
}

/** Heartbeats arrive about every 15 s while the tab is visible; no single one may add more than this. */
export const HEARTBEAT_CAP_SECONDS = 30;

/**
 * Starts the lesson (enrolling the first time) and remembers it for "Continue". Opening is not completing.
 * Returns true when this visit started the lesson.
 */
export async function recordLessonVisit(tx: Tx, userId: number, ids: LessonIds, now = new Date()): Promise<boolean> {
	await enrollInCourse(userId, ids.courseId, tx);
	const started = await tx
		.insert(table.lessonProgress)
		.values({ userId, lessonId: ids.lessonId, startedAt: now, lastSeenAt: now })
		.onConflictDoNothing()
		.returning({ lessonId: table.lessonProgress.lessonId });
	return started.length > 0;
}

/**
 * A reading heartbeat from the open lesson page. The first one records the visit (so a hover preload, which never
 * runs the page, records nothing); later ones add active reading time, capped per heartbeat and counted only from
 * the previous one, so two open tabs, a flood of requests or a replayed offline queue cannot inflate it. `now` is
 * when the heartbeat was made (the past, for one queued offline). Also remembers the section read.
 */
export async function recordHeartbeat(userId: number, ids: LessonIds, section: string | null, now = new Date()): Promise<{ started: boolean; seconds: number }> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ lastSeenAt: table.lessonProgress.lastSeenAt })
			.from(table.lessonProgress)
			.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, ids.lessonId)));
		const started = row ? false : await recordLessonVisit(tx, userId, ids, now);
		const elapsed = row ? Math.floor((now.getTime() - row.lastSeenAt.getTime()) / 1000) : 0;
		const seconds = Math.max(0, Math.min(HEARTBEAT_CAP_SECONDS, elapsed));
		// A late heartbeat (queued offline, or replayed) older than the last one seen adds nothing and never moves
		// lastSeenAt back, so each stretch of time is counted once however often or late it is reported.
		const lastSeenAt = row && row.lastSeenAt > now ? row.lastSeenAt : now;
		await tx
			.update(table.lessonProgress)
			.set({
				activeSeconds: sql`${table.lessonProgress.activeSeconds} + ${seconds}`,
				lastSeenAt,
				...(section !== null && { lastSection: section })
			})
			.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, ids.lessonId)));
		if (seconds > 0) await bumpActivity(userId, now, seconds, 0, tx);
		return { started, seconds };
	});
}
