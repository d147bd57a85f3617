import type { Handle } from '@sveltejs/kit';

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
