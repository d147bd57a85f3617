import { requireUser } from '$lib/server/auth/guards';
import { buildTranscript } from '$lib/server/course-certificates/transcript';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const { groups } = await buildTranscript(user.id);
	return { groups };
};
