import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';

// What to do after a passed attempt: the next lesson after a lesson check; after a final, what the course earned.
// A read-only query: grading already did the work (completion, CE entry, certificate) in its command.

export type NextStep =
	| { kind: 'lesson'; href: string; title: string }
	| { kind: 'final'; href: string; title: string }
	| { kind: 'course-complete'; courseTitle: string; ceQuarterHours: number | null; certificate: { href: string; title: string } | null }
	| null;

export async function findNextStep(userId: number, quiz: Pick<Quiz, 'kind' | 'courseId' | 'lessonId'>, passed: boolean): Promise<NextStep> {
	if (!passed) return null;
	const [course] = await db.select({ slug: table.courses.slug, title: table.courses.title }).from(table.courses).where(eq(table.courses.id, quiz.courseId));
	if (!course) return null;
	if (quiz.kind === 'lesson' && quiz.lessonId !== null) {
		const [current] = await db.select({ position: table.lessons.position }).from(table.lessons).where(eq(table.lessons.id, quiz.lessonId));
		const [next] = current
			? await db
					.select({ slug: table.lessons.slug, title: table.lessons.title })
					.from(table.lessons)
					.where(and(eq(table.lessons.courseId, quiz.courseId), eq(table.lessons.active, true), gt(table.lessons.position, current.position)))
					.orderBy(asc(table.lessons.position))
					.limit(1)
			: [];
		if (next) return { kind: 'lesson', href: `/courses/${course.slug}/${next.slug}`, title: next.title };
		const [final] = await db
			.select({ id: table.quizzes.id, title: table.quizzes.title })
			.from(table.quizzes)
			.where(and(eq(table.quizzes.courseId, quiz.courseId), eq(table.quizzes.kind, 'final'), eq(table.quizzes.status, 'published'), isNull(table.quizzes.deletedAt)));
		return final ? { kind: 'final', href: `/quizzes/${final.id}`, title: final.title } : null;
	}
	if (quiz.kind !== 'final') return null;
	const [entry] = await db
		.select({ hundredths: table.ceEntries.hundredths })
		.from(table.ceEntries)
		.where(and(eq(table.ceEntries.userId, userId), eq(table.ceEntries.courseId, quiz.courseId), eq(table.ceEntries.source, 'course')));
	const certificates = await db
		.select({ trackTitle: table.certificates.trackTitle, courses: table.certificates.courses })
		.from(table.certificates)
		.where(and(eq(table.certificates.userId, userId), isNull(table.certificates.revokedAt)))
		.orderBy(desc(table.certificates.issuedAt));
	const earned = certificates.find((c) => c.courses.some((k) => k.slug === course.slug));
	return {
		kind: 'course-complete',
		courseTitle: course.title,
		ceQuarterHours: entry ? Math.round(entry.hundredths / 25) : null,
		certificate: earned ? { href: '/certificates', title: earned.trackTitle } : null
	};
}
