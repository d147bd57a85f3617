import { loadBody } from '$lib/content/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	intro: data.course.file ? await loadBody(data.course.file) : null
});
