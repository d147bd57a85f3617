import { requireUser } from '$lib/server/auth/guards';
import { listTrackProgress } from '$lib/server/certification/progress';
import { getDashboard } from '$lib/server/progress/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { dashboard: await getDashboard(user.id), tracks: await listTrackProgress(user.id) };
};
