import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithCli } from '../helpers/cli';
import { Client, STRONG_PASSWORD, logIn, registerUser, uniqueEmail } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

const SESSION = 'touchstone_session';

describe('registration and login', () => {
	it('registers a student, sets a hardened session cookie and signs them in', async () => {
		const client = new Client(server.url);
		const email = uniqueEmail();
		const res = await client.post('/register', { name: 'Ada Student', email: `  ${email.toUpperCase()} `, password: STRONG_PASSWORD });
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//i);
		expect(cookie).not.toMatch(/Secure/i); // plain-http localhost
		expect(client.cookie(SESSION)!.length).toBeGreaterThanOrEqual(32);
		const account = await client.text('/account');
		expect(account).toContain(email); // trimmed and lowercased
		expect(account).toContain('Ada Student');
	});

	it('refuses a duplicate email, a weak password and over-long fields with 400, echoing fields but never the password', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(new Client(server.url));
		let res = await client.post('/register', { name: 'Twin', email, password: STRONG_PASSWORD });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('already exists');

		res = await client.post('/register', { name: 'Weak', email: uniqueEmail(), password: 'password123' });
		expect(res.status).toBe(400);
		const body = await res.text();
		expect(body).toContain('too easy to guess');
		expect(body).toContain('value="Weak"');
		expect(body).not.toContain('password123');

		res = await client.post('/register', { name: 'x'.repeat(101), email: uniqueEmail(), password: STRONG_PASSWORD });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('at most 100 characters');
		res = await client.post('/register', { name: 'Long', email: `${'a'.repeat(250)}@example.org`, password: STRONG_PASSWORD });
		expect(res.status).toBe(400);
		res = await client.post('/register', { name: 'Long', email: uniqueEmail(), password: 'p'.repeat(129) });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('at most 128 characters');
	});

	it('logs in with a new session token each time and rejects a wrong password generically', async () => {
		const first = new Client(server.url);
		const { email } = await registerUser(first);
		const before = first.cookie(SESSION);

		const wrong = new Client(server.url);
		const res = await logIn(wrong, email, 'not-the-right-password');
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Incorrect email or password');
		const unknown = await logIn(wrong, uniqueEmail(), STRONG_PASSWORD);
		expect(await unknown.text()).toContain('Incorrect email or password');

		// A session cookie planted before login is replaced (no session fixation).
		const other = new Client(server.url);
		other.setCookie(SESSION, before!);
		expect((await logIn(other, email)).status).toBe(303);
		expect(other.cookie(SESSION)).not.toBe(before);
	});

	it('throttles repeated failures for an account with 429 and a clear message', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(new Client(server.url));
		for (let i = 0; i < 5; i++) expect((await logIn(client, email, `wrong-${i}`)).status).toBe(400);
		const res = await logIn(client, email, STRONG_PASSWORD);
		expect(res.status).toBe(429);
		expect(await res.text()).toContain('Too many attempts');
	});

	it('returns to the page that asked for login', async () => {
		const client = new Client(server.url);
		const res = await client.get('/account');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?redirectTo=%2Faccount');
		const { email } = await registerUser(new Client(server.url));
		const login = await client.post('/login?redirectTo=%2Faccount', { email, password: STRONG_PASSWORD });
		expect(login.headers.get('location')).toBe('/account');
		// Off-site targets are ignored.
		const evil = new Client(server.url);
		const off = await evil.post('/login?redirectTo=%2F%2Fevil.example', { email, password: STRONG_PASSWORD });
		expect(off.headers.get('location')).toBe('/dashboard');
	});
});

describe('sessions', () => {
	it('logout invalidates the session on the server, not just the cookie', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const token = client.cookie(SESSION)!;
		expect((await client.post('/logout', {})).status).toBe(303);
		const replay = new Client(server.url);
		replay.setCookie(SESSION, token);
		expect((await replay.get('/account')).status).toBe(303);
	});

	it('changing the password signs out other sessions but keeps this one', async () => {
		const phone = new Client(server.url);
		const { email } = await registerUser(phone);
		const laptop = new Client(server.url);
		await logIn(laptop, email);
		expect((await laptop.get('/account')).status).toBe(200);

		const res = await phone.post('/account?/password', { current: STRONG_PASSWORD, password: 'amber-meadow-violin-93' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Password changed');
		expect((await phone.get('/account')).status).toBe(200);
		expect((await laptop.get('/account')).status).toBe(303);
		expect((await logIn(new Client(server.url), email, 'amber-meadow-violin-93')).status).toBe(303);
	});
});

describe('roles and guards', () => {
	it('gives students 403 on admin pages and visitors a login redirect; admins can change roles', async () => {
		const adminEmail = uniqueEmail('admin');
		const cli = await createUserWithCli(server.databaseUrl, { email: adminEmail, name: 'Grace Admin', role: 'admin' }, 'granite-orchid-sailboat-58');
		expect(cli.status, cli.stderr).toBe(0);

		const visitor = new Client(server.url);
		const anon = await visitor.get('/admin/users');
		expect(anon.status).toBe(303);
		expect(anon.headers.get('location')).toContain('/login?redirectTo=');

		const student = new Client(server.url);
		const { email } = await registerUser(student, 'Role Student');
		expect((await student.get('/admin/users')).status).toBe(403);
		expect((await student.post('/admin/users?/role', { userId: '1', role: 'admin' })).status).toBe(403);

		const admin = new Client(server.url);
		expect((await logIn(admin, adminEmail, 'granite-orchid-sailboat-58')).status).toBe(303);
		const list = await admin.text(`/admin/users?q=${encodeURIComponent(email)}`);
		expect(list).toContain('Role Student');
		const id = /name="userId" value="(\d+)"/.exec(list)![1];
		const change = await admin.post('/admin/users?/role', { userId: id, role: 'instructor' });
		expect(change.status).toBe(200);
		expect(await change.text()).toContain('is now an instructor');
	});

	it('the CLI refuses a password given weakly and never takes it from argv', async () => {
		const weak = await createUserWithCli(server.databaseUrl, { email: uniqueEmail(), name: 'Weak', role: 'admin' }, 'password');
		expect(weak.status).not.toBe(0);
	});
});

describe('site protections', () => {
	it('refuses cross-origin form posts', async () => {
		const client = new Client(server.url);
		const res = await client.post('/login', { email: uniqueEmail(), password: STRONG_PASSWORD }, { origin: 'https://evil.example' });
		expect(res.status).toBe(403);
		expect(await res.text()).toContain('Cross-site');
	});

	it('sends security headers and a CSP without unsafe-inline scripts', async () => {
		const res = await fetch(server.url + '/');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('referrer-policy')).toBeTruthy();
		const csp = res.headers.get('content-security-policy')!;
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-/);
	});

	it('reports health with the database state', async () => {
		const res = await fetch(server.url + '/healthz');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
	});

	it('never logs cookies, tokens or passwords', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const logs = server.output();
		expect(logs).not.toContain(client.cookie(SESSION)!);
		expect(logs).not.toContain(STRONG_PASSWORD);
	});
});

describe('password reset', () => {
	it('mails a single-use link, answers the same for unknown emails, and signs out every session', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		const known = await new Client(server.url).post('/forgot-password', { email });
		const unknown = await new Client(server.url).post('/forgot-password', { email: uniqueEmail() });
		const knownText = (await known.text()).replace(email, 'EMAIL');
		const unknownText = (await unknown.text()).replace(/student-[a-z0-9-]+@example\.org/, 'EMAIL');
		expect(knownText).toContain('If an account exists');
		expect(unknownText).toContain('If an account exists');

		// Registration also mailed an address confirmation link; only the reset mail counts here.
		const mails = readdirSync(server.outbox)
			.filter((f) => f.includes(email))
			.filter((f) => readFileSync(join(server.outbox, f), 'utf8').includes('Subject: Reset your Touchstone password'));
		expect(mails).toHaveLength(1);
		// Quoted-printable soft line breaks ("=" at a line end) are undone as a mail client would.
		const mail = readFileSync(join(server.outbox, mails[0]), 'utf8').replace(/=\r?\n/g, '');
		const token = /reset-password\/([a-z2-7]+)/.exec(mail)![1];

		const reset = await new Client(server.url).post(`/reset-password/${token}`, { password: 'copper-lighthouse-fern-62' });
		expect(reset.status, await reset.clone().text().then((t) => /alert[^>]*>([^<]*)/.exec(t)?.[1] ?? t.slice(0, 300))).toBe(303);
		expect(reset.headers.get('location')).toBe('/login?reset=1');
		expect((await client.get('/account')).status).toBe(303); // old session ended
		const again = await new Client(server.url).post(`/reset-password/${token}`, { password: 'another-quiet-river-71' });
		expect(again.status).toBe(400);
		expect((await logIn(new Client(server.url), email, 'copper-lighthouse-fern-62')).status).toBe(303);
	});
});
