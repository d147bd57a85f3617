import { requireRole } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// Layout guard for the studio's pages; every load and action below still checks course access itself.
export const load: LayoutServerLoad = () => {
	requireRole('instructor', 'admin');
};
