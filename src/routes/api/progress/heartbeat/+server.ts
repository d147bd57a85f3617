import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { findLessonIds, recordHeartbeat } from '$lib/server/progress/lessons';
import { heartbeatTime } from '$lib/offline/policy';
import type { RequestHandler } from './$types';

const heartbeat = z.object({
	course: z.string().max(100),
	lesson: z.string().max(100),
	section: z.string().max(200).regex(/^[a-z0-9-]*$/).nullable(),
	// When a heartbeat queued offline was made; absent for a live one.
	at: z.string().max(40).optional()
});

/**
 * Sent by the open lesson page when it starts and about every 15 seconds while its tab is visible; heartbeats made
 * offline arrive later with their time `at` (accepted within a bounded window, see heartbeatTime).
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	if (!locals.user) error(401, 'Log in to record reading time.');
	const body = heartbeat.safeParse(await request.json().catch(() => null));
	if (!body.success) error(400, 'Expected { course, lesson, section, at? }.');
	const at = heartbeatTime(body.data.at, new Date());
	if (!at) error(422, 'This heartbeat is too old or from the future.');
	const ids = await findLessonIds(body.data.course, body.data.lesson);
	if (!ids) error(404, 'There is no such lesson.');
	const { seconds } = await recordHeartbeat(locals.user.id, ids, body.data.section || null, at);
	return json({ ok: true, seconds });
};
