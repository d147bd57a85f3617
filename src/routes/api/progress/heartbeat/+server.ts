import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { findLessonIds, recordHeartbeat } from '$lib/server/progress/lessons';
import type { RequestHandler } from './$types';

const heartbeat = z.object({
	course: z.string().max(100),
	lesson: z.string().max(100),
	section: z.string().max(200).regex(/^[a-z0-9-]*$/).nullable()
});

/** Sent by the open lesson page when it starts and about every 15 seconds while its tab is visible. */
export const POST: RequestHandler = async ({ request, locals }) => {
	if (!locals.user) error(401, 'Log in to record reading time.');
	const body = heartbeat.safeParse(await request.json().catch(() => null));
	if (!body.success) error(400, 'Expected { course, lesson, section }.');
	const ids = await findLessonIds(body.data.course, body.data.lesson);
	if (!ids) error(404, 'There is no such lesson.');
	await recordHeartbeat(locals.user.id, ids, body.data.section || null);
	return json({ ok: true });
};
