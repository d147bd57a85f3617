import { requireRole } from '$lib/server/auth/guards';
import { REVIEW_MONTHS } from '$lib/content/claims';
import { listClaimsDueForReview } from '$lib/server/content/evidence';
import { listStudioCourses } from '$lib/server/instructor/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('instructor', 'admin');
	return {
		courses: await listStudioCourses(user),
		isAdmin: user.role === 'admin',
		deleted: url.searchParams.has('deleted'),
		claimsDue: listClaimsDueForReview(),
		reviewMonths: REVIEW_MONTHS
	};
};
