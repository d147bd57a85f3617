import { fail } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/record';
import { requireAdmin } from '$lib/server/auth/guards';
import { echo, readForm } from '$lib/server/forms';
import { assignInstructor, listCoursesWithInstructors, unassignInstructor } from '$lib/server/instructor/assignments';
import { assignInstructorSchema, unassignInstructorSchema } from '$lib/validation/course-assignment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireAdmin();
	return { courses: await listCoursesWithInstructors() };
};

export const actions: Actions = {
	assign: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await readForm(request, assignInstructorSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'courseId', 'email') });
		const { courseId, email } = form.data;
		const result = await assignInstructor(courseId, email);
		if (!result.ok) return fail(result.status, { message: result.message, ...echo(form.values, 'courseId', 'email') });
		if (result.already) return { success: `${result.user.name} already teaches this course.`, courseId: String(courseId) };
		await recordAudit('course.assign', admin.id, `course:${courseId}`, `assigned user:${result.user.id}`);
		return { success: `${result.user.name} now teaches this course.`, courseId: String(courseId) };
	},
	unassign: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await readForm(request, unassignInstructorSchema);
		if (!form.ok) return fail(400, { message: form.message });
		const { courseId, userId } = form.data;
		if (!(await unassignInstructor(courseId, userId))) {
			return fail(404, { message: 'That instructor was not assigned to the course.', courseId: String(courseId) });
		}
		await recordAudit('course.assign', admin.id, `course:${courseId}`, `unassigned user:${userId}`);
		return { success: 'The instructor no longer teaches this course.', courseId: String(courseId) };
	}
};
