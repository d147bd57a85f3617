// Bodies declared (Content-Length) larger than the route's limit (64 KB for forms and JSON; BODY_SIZE_LIMIT, 3M on
// the test server as `npm start` sets it, for the GIFT/JSON import) are answered 413 with a short message, and the connection closes cleanly: the client always reads the answer, never
// a connection reset, whether it asked to keep the connection alive or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { createUserWithCli } from '../helpers/cli';
import { Client, logIn, registerUser, STRONG_PASSWORD, uniqueEmail } from '../helpers/client';
import { visibleText } from '../helpers/html';
import { rawRequest, type Answer } from '../helpers/raw-http';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let student = '';
let admin = '';
let courseId = 0;

beforeAll(async () => {
	server = await startServer();
	const client = new Client(server.url);
	await registerUser(client, 'Body Limit');
	student = `touchstone_session=${client.cookie('touchstone_session')}`;
	const email = uniqueEmail('admin');
	expect((await createUserWithCli(server.databaseUrl, { email, name: 'Ada Admin', role: 'admin' }, STRONG_PASSWORD)).status).toBe(0);
	const adminClient = new Client(server.url);
	await logIn(adminClient, email);
	admin = `touchstone_session=${adminClient.cookie('touchstone_session')}`;
	courseId = Number((await sqlOn(server.databaseUrl, 'SELECT id FROM courses ORDER BY position LIMIT 1'))[0].id);
}, 120_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

const MB = 1024 * 1024;
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };

const post = (path: string, init: { cookie?: string; headers: Record<string, string>; body: string; connection: string }) =>
	rawRequest(server.url, path, { method: 'POST', cookie: init.cookie, headers: { ...init.headers, connection: init.connection }, body: init.body });

function summary(a: Answer) {
	return `${a.status} ${a.body.replace(/\s+/g, ' ').trim().slice(0, 100)}`;
}

describe('bodies over the size limit', () => {
	it('are answered 413 with a short message on form actions, endpoints and unknown paths, every time', { timeout: 120_000 }, async () => {
		const refusal = '413 Payload too large: this form accepts at most 64 KB.';
		const cases: [string, string | undefined, Record<string, string>][] = [
			['/account?/name', student, form],
			['/login', undefined, form],
			['/api/progress/heartbeat', student, json],
			['/no/such/page', undefined, form]
		];
		const seen = new Map<string, number>();
		for (let round = 0; round < 5; round++) {
			for (const [path, cookie, headers] of cases) {
				for (const connection of ['close', 'keep-alive']) {
					for (const size of [4, 12]) {
						const a = await post(path, { cookie, headers, body: `a=${'x'.repeat(size * MB)}`, connection });
						const key = `${path} ${connection} ${size} MB: ${summary(a)}`;
						seen.set(key, (seen.get(key) ?? 0) + 1);
					}
				}
			}
		}
		const unexpected = [...seen].filter(([key]) => !key.endsWith(refusal)).map(([key, n]) => `${key} (${n}×)`);
		expect(unexpected).toEqual([]);
	});

	it('leave the import page its own explanation, with the same status', async () => {
		const boundary = 'limitBoundary7';
		const body = `--${boundary}\r\nContent-Disposition: form-data; name="target"\r\n\r\nbank\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.gift"\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(4 * MB)} {T}\r\n--${boundary}--\r\n`;
		for (const connection of ['close', 'keep-alive']) {
			const a = await post(`/instructor/courses/${courseId}/import?/preview`, { cookie: admin, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body, connection });
			expect(a.status, summary(a)).toBe(413);
			expect(visibleText(a.body)).toContain('The upload is larger than this server accepts (3072 KB). Imports are limited to 1 MB');
		}
	});

	it('refuse a 100 kB login form with 413 and a clear message, closing the connection cleanly', async () => {
		for (const connection of ['close', 'keep-alive']) {
			const a = await post('/login', { headers: form, body: `email=a%40example.org&password=${'p'.repeat(100 * 1024)}`, connection });
			expect(summary(a)).toBe('413 Payload too large: this form accepts at most 64 KB.');
		}
	});

	it('accept a 1 MB GIFT import on the import page, which keeps the server-wide limit', async () => {
		const questions = Array.from({ length: 1800 }, (_, i) => `::Large import ${i}:: Question ${i} ${'is this long enough? '.repeat(25)} {T}`);
		const gift = questions.join('\n\n').slice(0, MB - 200);
		const text = gift.slice(0, gift.lastIndexOf('{T}') + 3);
		expect(text.length).toBeGreaterThan(900 * 1024);
		const body = new URLSearchParams({ target: 'bank', format: 'gift', source: text }).toString();
		const a = await post(`/instructor/courses/${courseId}/import?/preview`, { cookie: admin, headers: form, body, connection: 'close' });
		expect(a.status, summary(a)).toBe(200);
		expect(a.body).toMatch(/Import 1[0-9]{3} questions/);
	});

	it('do not change bodies under the limit, and leave the server up with no error in its log', async () => {
		const a = await post('/account?/name', { cookie: student, headers: form, body: `name=${'n'.repeat(60 * 1024)}`, connection: 'close' });
		expect(a.status).toBe(400);
		expect(visibleText(a.body)).toContain('Names can be at most 100 characters.');
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect(server.output()).not.toMatch(/\bError\b[^\n]*\n\s+at /);
	});
});
