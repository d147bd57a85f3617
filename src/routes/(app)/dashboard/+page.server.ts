import { requireUser } from '$lib/server/auth/guards';
import { getDashboard } from '$lib/server/progress/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return getDashboard(user.id);
};
