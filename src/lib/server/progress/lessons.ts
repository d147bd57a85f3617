import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, table } from '../db';
import { bumpActivity } from './activity';
import { enrollInCourse } from './enroll';
import { refreshLessonCompletion } from './completion';

/** Heartbeats arrive about every 15 s while the tab is visible; no single one may add more than this. */
export const HEARTBEAT_CAP_SECONDS = 30;

/** Opening a lesson starts it (once) and remembers it for "Continue". Opening is not completing. */
export async function recordLessonVisit(userId: number, courseId: number, lessonId: number, now = new Date()): Promise<void> {
	await enrollInCourse(userId, courseId);
	await db
		.insert(table.lessonProgress)
		.values({ userId, lessonId, startedAt: now, lastSeenAt: now })
		.onConflictDoUpdate({
			target: [table.lessonProgress.userId, table.lessonProgress.lessonId],
			set: { lastSeenAt: now }
		});
}

/**
 * Adds active reading time, capped per heartbeat and counted only from the previous heartbeat, so two open tabs
 * or a flood of requests cannot inflate it. Also remembers the section the student is reading.
 */
export async function recordHeartbeat(userId: number, lessonId: number, section: string | null, now = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ lastSeenAt: table.lessonProgress.lastSeenAt })
			.from(table.lessonProgress)
			.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, lessonId)));
		if (!row) return;
		const elapsed = Math.floor((now.getTime() - row.lastSeenAt.getTime()) / 1000);
		const seconds = Math.max(0, Math.min(HEARTBEAT_CAP_SECONDS, elapsed));
		await tx
			.update(table.lessonProgress)
			.set({
				activeSeconds: sql`${table.lessonProgress.activeSeconds} + ${seconds}`,
				lastSeenAt: now,
				...(section !== null && { lastSection: section })
			})
			.where(and(eq(table.lessonProgress.userId, userId), eq(table.lessonProgress.lessonId, lessonId)));
		if (seconds > 0) await bumpActivity(userId, now, seconds, 0, tx);
	});
}

/** The student reached the end of the lesson text; the lesson completes once its check is passed too. */
export async function markLessonEndReached(userId: number, courseId: number, lessonId: number, now = new Date()) {
	await recordLessonVisit(userId, courseId, lessonId, now);
	await db
		.update(table.lessonProgress)
		.set({ reachedEndAt: now })
		.where(
			and(
				eq(table.lessonProgress.userId, userId),
				eq(table.lessonProgress.lessonId, lessonId),
				isNull(table.lessonProgress.reachedEndAt)
			)
		);
	await refreshLessonCompletion(userId, lessonId, now);
}

/** Keeps the latest answer to each inline knowledge check. */
export async function recordCheckAnswer(
	userId: number,
	lessonId: number,
	checkId: string,
	answer: string,
	correct: boolean,
	now = new Date()
): Promise<void> {
	await db
		.insert(table.checkAnswers)
		.values({ userId, lessonId, checkId, answer, correct, answeredAt: now })
		.onConflictDoUpdate({
			target: [table.checkAnswers.userId, table.checkAnswers.lessonId, table.checkAnswers.checkId],
			set: { answer, correct, answeredAt: now }
		});
	await bumpActivity(userId, now, 0, 1);
}
