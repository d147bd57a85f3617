import { searchLessons } from '$lib/server/content/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const q = url.searchParams.get('q') ?? '';
	if (!q.trim()) return { q: '', hits: null, empty: false };
	const hits = await searchLessons(q);
	return { q: q.slice(0, 200), hits, empty: hits === null };
};
