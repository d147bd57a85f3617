import { and, eq } from 'drizzle-orm';
import { db, table } from '../db';

type Conn = Pick<typeof db, 'insert' | 'select'>;

/** Enrolling twice is harmless: the first enrollment (and its date) stands. */
export async function enrollInCourse(userId: number, courseId: number, conn: Conn = db): Promise<void> {
	await conn.insert(table.enrollments).values({ userId, courseId }).onConflictDoNothing();
}

export async function isEnrolled(userId: number, courseId: number): Promise<boolean> {
	const rows = await db
		.select({ userId: table.enrollments.userId })
		.from(table.enrollments)
		.where(and(eq(table.enrollments.userId, userId), eq(table.enrollments.courseId, courseId)));
	return rows.length > 0;
}
