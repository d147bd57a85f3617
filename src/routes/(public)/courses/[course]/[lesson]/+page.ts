import { loadBody } from '$lib/content/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const body = await loadBody(data.lesson.file);
	// On the server the body renders once per process (see body-cache); the browser hydrates the component itself.
	if (import.meta.env.SSR) return { ...data, body: (await import('$lib/content/body-cache')).cachedBody(body) };
	return { ...data, body };
};
