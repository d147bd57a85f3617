import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireAdmin();
	redirect(303, '/admin/users');
};
