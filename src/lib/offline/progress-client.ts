/**
 * Reading progress from the lesson page, online or not: sent at once when the connection is there, otherwise
 * queued on this device and replayed in order, once, when it returns (see queue.ts).
 */
import { outcomeOf, replayQueue, type ProgressKind, type QueuedProgress } from './queue';
import { addQueued, indexedDbQueue } from './queue-store';

type Progress = { course: string; lesson: string; section: string | null };

/** Sends one item; a rejected fetch (no network) throws, which the queue treats as "try again later". */
async function send(kind: ProgressKind, p: Progress, at?: string): Promise<Response> {
	if (kind === 'heartbeat') {
		return fetch('/api/progress/heartbeat', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ course: p.course, lesson: p.lesson, section: p.section, ...(at && { at }) })
		});
	}
	// The lesson's "finish" form action, as SvelteKit's enhanced forms post it (a JSON answer, no redirect followed).
	return fetch(`/courses/${p.course}/${p.lesson}?/finish`, { method: 'POST', headers: { 'x-sveltekit-action': 'true' }, body: new FormData() });
}

export async function queueProgress(userId: number, kind: ProgressKind, p: Progress): Promise<void> {
	await addQueued({ id: crypto.randomUUID(), userId, kind, ...p, at: new Date().toISOString() });
}

/** A heartbeat now, or into the queue when there is no connection. */
export async function recordReading(userId: number, p: Progress): Promise<void> {
	if (navigator.onLine) {
		try {
			await send('heartbeat', p);
			return;
		} catch {
			// the connection dropped: keep it for later
		}
	}
	await queueProgress(userId, 'heartbeat', p).catch(() => undefined);
}

/** Replays the queue; one replay at a time across this browser's tabs, so nothing is sent twice. */
export async function sendQueuedProgress(userId: number): Promise<void> {
	if (typeof indexedDB === 'undefined' || !navigator.onLine) return;
	const run = () =>
		replayQueue(indexedDbQueue, userId, async (item: QueuedProgress) => {
			const response = await send(item.kind, item, item.at);
			return outcomeOf(response.status);
		});
	if (navigator.locks) await navigator.locks.request('touchstone-progress-queue', run);
	else await run();
}
