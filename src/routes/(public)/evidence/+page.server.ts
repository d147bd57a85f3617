import { listEvidence, parseEvidenceFilters } from '$lib/server/content/evidence';
import type { PageServerLoad } from './$types';

// Public: the evidence map is the course's open record of what it claims and why.
export const load: PageServerLoad = async ({ url }) => {
	const filters = parseEvidenceFilters(url.searchParams);
	return { filters, ...listEvidence(filters) };
};
