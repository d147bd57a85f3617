import { loadBody } from '$lib/content/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({ ...data, body: await loadBody(data.lesson.file) });
