// Which instructors teach which course, managed by admins at /admin/courses. An instructor sees students and
// analytics only in the courses assigned here (see access.ts).
import { and, asc, desc, eq } from 'drizzle-orm';
import { db, table } from '../db';

/** Every course, active ones first, each with its instructors: two queries. */
export async function listCoursesWithInstructors() {
	const courses = await db
		.select({ id: table.courses.id, slug: table.courses.slug, title: table.courses.title, active: table.courses.active })
		.from(table.courses)
		.orderBy(desc(table.courses.active), asc(table.courses.position));
	const assigned = await db
		.select({
			courseId: table.courseInstructors.courseId,
			id: table.users.id,
			name: table.users.name,
			email: table.users.email,
			role: table.users.role
		})
		.from(table.courseInstructors)
		.innerJoin(table.users, eq(table.users.id, table.courseInstructors.userId))
		.orderBy(asc(table.users.name), asc(table.users.email));
	return courses.map((course) => ({
		...course,
		instructors: assigned.filter((a) => a.courseId === course.id).map(({ courseId: _, ...user }) => user)
	}));
}

export type AssignResult =
	| { ok: true; user: { id: number; name: string; email: string }; already: boolean }
	| { ok: false; status: 400 | 404; message: string };

/** Assigns the instructor with this email to the course. Only users with the instructor role can be assigned. */
export async function assignInstructor(courseId: number, email: string): Promise<AssignResult> {
	const [course] = await db.select({ id: table.courses.id }).from(table.courses).where(eq(table.courses.id, courseId));
	if (!course) return { ok: false, status: 404, message: 'That course no longer exists.' };
	const [user] = await db
		.select({ id: table.users.id, name: table.users.name, email: table.users.email, role: table.users.role })
		.from(table.users)
		.where(eq(table.users.email, email.trim().toLowerCase()));
	if (!user) return { ok: false, status: 400, message: `No account uses ${email}. The instructor needs an account first.` };
	if (user.role !== 'instructor') {
		const hint =
			user.role === 'admin'
				? 'Admins already manage every course.'
				: 'Make them an instructor on the Users page first.';
		return { ok: false, status: 400, message: `${user.name} is ${user.role === 'admin' ? 'an admin' : 'a student'}. ${hint}` };
	}
	const inserted = await db
		.insert(table.courseInstructors)
		.values({ userId: user.id, courseId })
		.onConflictDoNothing()
		.returning({ userId: table.courseInstructors.userId });
	return { ok: true, user: { id: user.id, name: user.name, email: user.email }, already: inserted.length === 0 };
}

/** Removes the assignment; returns false when there was none. */
export async function unassignInstructor(courseId: number, userId: number): Promise<boolean> {
	const removed = await db
		.delete(table.courseInstructors)
		.where(and(eq(table.courseInstructors.courseId, courseId), eq(table.courseInstructors.userId, userId)))
		.returning({ userId: table.courseInstructors.userId });
	return removed.length > 0;
}
