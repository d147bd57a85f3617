import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { changeUserRole } from '$lib/server/auth/change-role';
import { searchUsers } from '$lib/server/auth/user';
import { userAction } from '$lib/server/errors';
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
		const result = await userAction({}, () => changeUserRole(admin.id, form.data.userId, form.data.role));
		return 'status' in result ? result : { success: result.message };
	}
};
