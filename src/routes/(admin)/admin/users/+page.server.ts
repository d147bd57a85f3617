import { fail } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/record';
import { requireAdmin } from '$lib/server/auth/guards';
import { getUserById, searchUsers, setUserRole } from '$lib/server/auth/user';
import { readForm } from '$lib/server/forms';
import { changeRoleSchema } from '$lib/validation/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const q = (url.searchParams.get('q') ?? '').slice(0, 254);
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
	return { q, page, ...(await searchUsers(q, page)) };
};

export const actions: Actions = {
	role: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await readForm(request, changeRoleSchema);
		if (!form.ok) return fail(400, { message: form.message });
		const { userId, role } = form.data;
		if (userId === admin.id) return fail(400, { message: 'You cannot change your own role. Ask another admin.' });
		const target = await getUserById(userId);
		if (!target) return fail(404, { message: 'That user no longer exists.' });
		if (target.role === role) return { success: `${target.name} is already ${role === 'admin' ? 'an' : 'a'} ${role}.` };
		await setUserRole(userId, role);
		await recordAudit('role.change', admin.id, `user:${userId}`, `${target.role} -> ${role}`);
		return { success: `${target.name} is now ${role === 'admin' || role === 'instructor' ? 'an' : 'a'} ${role}.` };
	}
};
