import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

// Lesson bodies are rendered once per process and served from that cache (src/lib/content/body-cache.ts); a form
// response renders the body afresh. A refused check (unknown id) changes nothing in the body, so both renders must
// be the same bytes: any request state the cache missed would show up here as a difference.

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

const LESSONS = [
	'/courses/science-of-massage/circulation-toxins-and-lactate',
	'/courses/science-of-massage/weighing-the-evidence', // the effect-size explorer
	'/courses/pain-context-and-communication/reading-a-trial' // the trial appraisal
];

/** The lesson body: between the objectives and the "Lesson check" section. */
function bodyOf(html: string): string {
	const start = html.indexOf('</section>', html.indexOf('id="objectives-heading"'));
	const end = html.indexOf('<section class="finish');
	expect(start).toBeGreaterThan(0);
	expect(end).toBeGreaterThan(start);
	return html.slice(start, end);
}

describe('lesson body cache', () => {
	it('serves the same body bytes from the cache as a fresh render', async () => {
		const client = new Client(server.url);
		for (const lesson of LESSONS) {
			const first = bodyOf(await client.text(lesson));
			const cached = bodyOf(await client.text(lesson));
			const refused = await client.post(`${lesson}?/check`, { check: 'kc-nope', answer: 'a' });
			expect(refused.status).toBe(400);
			const fresh = bodyOf(await refused.text());
			expect(cached.length).toBeGreaterThan(5000);
			expect(cached).toBe(first);
			expect(fresh).toBe(cached);
		}
	});
});
