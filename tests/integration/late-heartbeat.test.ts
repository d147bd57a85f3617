import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { Client, registerUser } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

const COURSE = 'science-of-massage';
const LESSON = 'weighing-the-evidence';

function beat(client: Client, at?: Date) {
	return client.request('/api/progress/heartbeat', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ course: COURSE, lesson: LESSON, section: null, ...(at && { at: at.toISOString() }) })
	});
}

async function secondsRead(email: string): Promise<number> {
	const rows = await sqlOn(
		server.databaseUrl,
		'SELECT lp.active_seconds AS s FROM lesson_progress lp JOIN users u ON u.id = lp.user_id JOIN lessons l ON l.id = lp.lesson_id WHERE u.email = ? AND l.slug = ?',
		[email, LESSON]
	);
	return Number(rows[0]?.s ?? 0);
}

describe('heartbeats queued offline and sent late', () => {
	it('counts late heartbeats from the time they were made, each stretch once however often it is replayed', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		const start = Date.now() - 10 * 60_000; // read ten minutes ago, offline
		const times = [0, 15, 30, 45].map((s) => new Date(start + s * 1000));
		for (const at of times) expect((await beat(client, at)).status).toBe(200);
		expect(await secondsRead(email)).toBe(45);
		// The queue replayed a second time (or a copy from another tab) adds nothing.
		for (const at of times) await beat(client, at);
		expect(await secondsRead(email)).toBe(45);
		// A live heartbeat now counts at most the cap from the last one, not the ten minutes in between.
		await beat(client);
		expect(await secondsRead(email)).toBe(75);
		// An older heartbeat arriving after a newer one adds nothing and does not move the clock back.
		await beat(client, new Date(start + 50_000));
		await beat(client);
		expect(await secondsRead(email)).toBeLessThanOrEqual(76);
	});

	it('refuses heartbeats older than the window or from the future', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		expect((await beat(client, new Date(Date.now() - 25 * 3600_000))).status).toBe(422);
		expect((await beat(client, new Date(Date.now() + 3600_000))).status).toBe(422);
		const bad = await client.request('/api/progress/heartbeat', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ course: COURSE, lesson: LESSON, section: null, at: 'yesterday' })
		});
		expect(bad.status).toBe(422);
	});
});
