import type { IncomingMessage } from 'node:http';
import type { Handle } from '@sveltejs/kit';
import { config } from '$lib/server/env';

/**
 * Reads and discards a request body that the route left unread (an action such as publish or logout answers
 * without looking at the form; an endpoint may refuse before reading). Node otherwise closes the connection with
 * the body still arriving, and the client can lose the answer to a connection reset. The body is streamed away,
 * never buffered; adapter-node stops it at BODY_SIZE_LIMIT.
 */
export const handleUnreadBody: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const body = event.request.body;
	if (body && !event.request.bodyUsed) {
		const reader = body.getReader();
		try {
			while (!(await reader.read()).done);
		} catch {
			// Over the size limit or cut off by the client: nothing more to read.
		} finally {
			reader.releaseLock();
		}
	}
	return response;
};

/**
 * Routes that take uploads up to BODY_SIZE_LIMIT: the GIFT/JSON import, which also explains an oversized upload on
 * the page itself (with status 413). Every other request body is a small form or JSON: at most FORM_BODY_LIMIT.
 */
const uploadRoutes = new Set(['/(instructor)/instructor/courses/[courseId]/import']);
export const FORM_BODY_LIMIT = 64 * 1024;

function bodyLimitOf(route: string | null): number {
	return uploadRoutes.has(route ?? '') ? config.BODY_SIZE_LIMIT : Math.min(FORM_BODY_LIMIT, config.BODY_SIZE_LIMIT);
}

/** How long an oversized body is read (and thrown away) at most before the refusal is sent anyway. */
const DISCARD_MS = 30_000;

/**
 * Refuses a body whose Content-Length is over the route's limit (bodyLimitOf) with 413 and `Connection: close`, before any other
 * work (no session lookup, no route). adapter-node already refuses to hand such a body to the app, but the app then
 * answered whatever the route made of an unreadable form (400, 403, 405), and Node closed the connection right
 * after answering while the client was still sending: unread data on a closed socket makes the kernel send a reset,
 * and the client could lose the answer ("connection reset"). So the declared body is read and thrown away first
 * (never kept: memory does not grow with it) for at most DISCARD_MS, and only then answered, so the connection
 * closes cleanly. The import page still renders its own explanation, with the same status.
 */
export const handleOversizedBody: Handle = async ({ event, resolve }) => {
	const req = event.platform?.req;
	const declared = Number(req?.headers['content-length']);
	const limit = bodyLimitOf(event.route.id);
	if (!req || !(declared > limit)) return resolve(event);
	// Over the server-wide limit adapter-node never reads the body, so the raw request is drained; under it, the body
	// already flows into the Request's stream, which is read to its end instead.
	if (declared > config.BODY_SIZE_LIMIT) await discardBody(req, DISCARD_MS);
	else await drainRequest(event.request, DISCARD_MS);
	const response = uploadRoutes.has(event.route.id ?? '')
		? await resolve(event)
		: new Response(`Payload too large: this form accepts at most ${formatBytes(limit)}.\n`, {
				status: 413,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
	const closing = new Response(response.body, response);
	closing.headers.set('connection', 'close');
	return closing;
};

/** Reads the rest of a request body and drops it, until it ends, fails, or timeoutMs passes. */
function discardBody(req: IncomingMessage, timeoutMs: number): Promise<void> {
	if (req.complete || req.destroyed) return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			req.off('end', done).off('close', done).off('error', done);
			resolve();
		};
		const timer = setTimeout(done, timeoutMs);
		req.on('end', done).on('close', done).on('error', done);
		// Flowing with no 'data' listener: each chunk is dropped as it arrives.
		req.resume();
	});
}

/** Reads a Request's body to its end and drops it, for at most timeoutMs. */
async function drainRequest(request: Request, timeoutMs: number): Promise<void> {
	const reader = request.body?.getReader();
	if (!reader) return;
	const timer = setTimeout(() => reader.cancel().catch(() => {}), timeoutMs);
	try {
		while (!(await reader.read()).done);
	} catch {
		// Cut off by the client or cancelled at the time limit: nothing more to read.
	} finally {
		clearTimeout(timer);
		reader.releaseLock();
	}
}

function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MB`;
	if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
	return `${bytes} bytes`;
}
