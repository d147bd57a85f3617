import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVerificationCode } from '../../src/lib/certification/code';
import { hashToken } from '../../src/lib/server/auth/token';
import { sqlOn } from '../helpers/answers';
import { Client, STRONG_PASSWORD, logIn, registerUser, uniqueEmail } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const SESSION = 'touchstone_session';
const DAY = 24 * 60 * 60 * 1000;

/**
 * Both app processes trust X-Forwarded-For for the client address (ADDRESS_HEADER, as behind a proxy you run), so a
 * test can act from any address it likes; they share one database, as several processes behind a load balancer do.
 */
class AddressedClient extends Client {
	constructor(
		base: string,
		public address: string
	) {
		super(base);
	}
	override request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('x-forwarded-for', this.address);
		return super.request(path, { ...init, headers });
	}
}

let first: TestServer;
let second: TestServer;
let addresses = 0;
const nextAddress = () => `10.1.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;
/** A browser on its own address, talking to the first process (or the second). */
const browser = (on: TestServer = first, address = nextAddress()) => new AddressedClient(on.url, address);

beforeAll(async () => {
	first = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	second = await startServer({ databaseUrl: first.databaseUrl, env: { ADDRESS_HEADER: 'x-forwarded-for' } });
}, 60_000);
afterAll(async () => {
	await second?.stop();
	await first?.stop();
	if (second) removeServerFiles(second);
	if (first) removeServerFiles(first);
});

function sessionCookie(res: Response): string | undefined {
	return res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
}

function attribute(cookie: string, name: string): string | undefined {
	const part = cookie.split(';').map((p) => p.trim()).find((p) => p.toLowerCase().startsWith(`${name.toLowerCase()}=`));
	return part?.slice(name.length + 1);
}

async function sessionRow(token: string) {
	const [row] = await sqlOn(first.databaseUrl, 'SELECT user_id, expires_at FROM sessions WHERE id = ?', [hashToken(token)]);
	return row ? { userId: Number(row.user_id), expiresAt: Number(row.expires_at) } : null;
}

/** Whether a bare request carrying this token is signed in. */
async function signedIn(token: string, on: TestServer = first): Promise<boolean> {
	const probe = browser(on);
	probe.setCookie(SESSION, token);
	const res = await probe.get('/account');
	if (res.status === 200) return true;
	expect(res.status).toBe(303);
	expect(res.headers.get('location')).toContain('/login');
	return false;
}

describe('session fixation', () => {
	it('replaces a token planted before login with a new one and never accepts the planted one', async () => {
		const victim = browser();
		const { email } = await registerUser(browser(), 'Vic Victim', uniqueEmail('victim'));
		const planted = 'attackerchosentokenaaaaaaaaaaaaa';
		victim.setCookie(SESSION, planted);
		// An unknown token signs nobody in, and the server clears it.
		const look = await victim.get('/account');
		expect(look.status).toBe(303);
		expect(sessionCookie(look)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

		victim.setCookie(SESSION, planted);
		expect((await logIn(victim, email)).status).toBe(303);
		const issued = victim.cookie(SESSION)!;
		expect(issued).not.toBe(planted);
		expect(await sessionRow(planted)).toBeNull();
		expect(await signedIn(planted)).toBe(false);
		expect(await signedIn(issued)).toBe(true);
	});

	it('ends a real session planted in the browser (the attacker’s own) when someone logs in over it', async () => {
		const attacker = browser();
		await registerUser(attacker, 'Mal Attacker', uniqueEmail('attacker'));
		const planted = attacker.cookie(SESSION)!;
		const { email } = await registerUser(browser(), 'Vic Victim', uniqueEmail('victim'));

		const victim = browser();
		victim.setCookie(SESSION, planted);
		expect((await logIn(victim, email)).status).toBe(303);
		const issued = victim.cookie(SESSION)!;
		expect(issued).not.toBe(planted);
		expect(await sessionRow(planted)).toBeNull();
		expect(await signedIn(planted)).toBe(false);
		const account = await victim.text('/account');
		expect(account).toContain(email);
		expect(account).not.toContain('Mal Attacker');
	});
});

describe('expiry and sliding renewal', () => {
	it('signs out on the first request after expiry, deletes the session and clears the cookie', async () => {
		const client = browser();
		await registerUser(client);
		const token = client.cookie(SESSION)!;
		await sqlOn(first.databaseUrl, 'UPDATE sessions SET expires_at = ? WHERE id = ?', [Date.now() - 1000, hashToken(token)]);

		const res = await client.get('/account');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?redirectTo=%2Faccount');
		const cleared = sessionCookie(res)!;
		expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		expect(client.cookie(SESSION)).toBeUndefined();
		expect(await sessionRow(token)).toBeNull();
		// The header of a public page shows a visitor, not the expired user.
		client.setCookie(SESSION, token);
		expect(await client.text('/courses')).toContain('Create account');
	});

	it('extends a session used with 10 days left to 30 days and re-sends the cookie with the new expiry', async () => {
		const client = browser();
		await registerUser(client);
		const token = client.cookie(SESSION)!;
		await sqlOn(first.databaseUrl, 'UPDATE sessions SET expires_at = ? WHERE id = ?', [Date.now() + 10 * DAY, hashToken(token)]);

		const before = Date.now();
		const res = await client.get('/dashboard');
		expect(res.status).toBe(200);
		const row = (await sessionRow(token))!;
		expect(row.expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
		expect(row.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY + 1000);
		const cookie = sessionCookie(res)!;
		expect(cookie).toContain(`${SESSION}=${token}`);
		// Expires has whole seconds.
		expect(Math.abs(Date.parse(attribute(cookie, 'Expires')!) - row.expiresAt)).toBeLessThan(1000);
		expect(await signedIn(token, second)).toBe(true);
	});

	it('leaves a session with 20 days left as it is', async () => {
		const client = browser();
		await registerUser(client);
		const token = client.cookie(SESSION)!;
		const expiresAt = Date.now() + 20 * DAY;
		await sqlOn(first.databaseUrl, 'UPDATE sessions SET expires_at = ? WHERE id = ?', [expiresAt, hashToken(token)]);

		const res = await client.get('/dashboard');
		expect(res.status).toBe(200);
		expect((await sessionRow(token))!.expiresAt).toBe(expiresAt);
		// If the cookie is sent again at all, it carries the same expiry, not a later one.
		const cookie = sessionCookie(res);
		if (cookie) expect(Math.abs(Date.parse(attribute(cookie, 'Expires')!) - expiresAt)).toBeLessThan(1000);
	});
});

describe('signing out', () => {
	it('"sign out everywhere" ends every other session of the user and keeps this browser signed in', async () => {
		const phone = browser();
		const { email } = await registerUser(phone);
		const laptop = browser(second);
		const tablet = browser();
		expect((await logIn(laptop, email)).status).toBe(303);
		expect((await logIn(tablet, email)).status).toBe(303);
		const bystander = browser();
		await registerUser(bystander);
		const oldPhoneToken = phone.cookie(SESSION)!;

		const res = await phone.post('/account?/signOutEverywhere', {});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Every other device has been signed out');
		expect((await phone.get('/account')).status).toBe(200);
		expect((await laptop.get('/account')).status).toBe(303);
		expect((await tablet.get('/account')).status).toBe(303);
		expect((await bystander.get('/account')).status).toBe(200); // other users keep their sessions
		const [{ n }] = await sqlOn(first.databaseUrl, 'SELECT count(*) AS n FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)', [email]);
		expect(Number(n)).toBe(1);
		// This browser carries a new token; the one it had before is no longer valid.
		expect(phone.cookie(SESSION)).not.toBe(oldPhoneToken);
		expect(await signedIn(oldPhoneToken)).toBe(false);
	});
});

describe('session cookie attributes', () => {
	it('is HttpOnly, SameSite=Lax, Path=/ and not Secure on plain-http localhost, on login and on renewal', async () => {
		const client = browser();
		const { email } = await registerUser(browser());
		const login = await logIn(client, email);
		const renewed = await (async () => {
			await sqlOn(first.databaseUrl, 'UPDATE sessions SET expires_at = ? WHERE id = ?', [Date.now() + DAY, hashToken(client.cookie(SESSION)!)]);
			return client.get('/dashboard');
		})();
		for (const cookie of [sessionCookie(login)!, sessionCookie(renewed)!]) {
			const attrs = cookie.split(';').map((a) => a.trim().toLowerCase());
			expect(attrs).toContain('httponly');
			expect(attrs).toContain('samesite=lax');
			expect(attrs).toContain('path=/');
			expect(attrs).not.toContain('secure');
		}
	});

	it('is Secure when the site is served over https (ORIGIN=https://...)', async () => {
		const origin = 'https://touchstone.test';
		const secure = await startServer({ env: { ORIGIN: origin } });
		try {
			const client = new Client(secure.url);
			const email = uniqueEmail('secure');
			const res = await client.post('/register', { name: 'Sean Secure', email, password: STRONG_PASSWORD }, { origin });
			expect(res.status).toBe(303);
			const attrs = sessionCookie(res)!.split(';').map((a) => a.trim().toLowerCase());
			expect(attrs).toContain('secure');
			expect(attrs).toContain('httponly');
			expect(attrs).toContain('samesite=lax');
			expect(attrs).toContain('path=/');

			const login = await logIn(new Client(secure.url), email);
			expect(login.status).toBe(403); // a form post from the plain-http address is cross-origin for this site
			const again = await new Client(secure.url).post('/login', { email, password: STRONG_PASSWORD }, { origin });
			expect(again.status).toBe(303);
			expect(sessionCookie(again)!.split(';').map((a) => a.trim().toLowerCase())).toContain('secure');

			// Logging out clears the cookie with the same attributes, so the browser accepts the deletion.
			const out = await client.post('/logout', {}, { origin });
			expect(out.status).toBe(303);
			const cleared = sessionCookie(out)!;
			expect(cleared).toMatch(/Max-Age=0/i);
			expect(cleared.split(';').map((a) => a.trim().toLowerCase())).toContain('secure');
		} finally {
			await secure.stop();
			removeServerFiles(secure);
		}
	});
});

describe('throttling holds across two app processes on one database', () => {
	it('blocks an account after 5 failed logins, from any address and on either process, until the limit passes', async () => {
		const { email } = await registerUser(browser(), 'Tom Target', uniqueEmail('target'));
		for (let i = 0; i < 5; i++) {
			const res = await logIn(browser(i % 2 ? first : second), email, `wrong-guess-${i}`);
			expect(res.status).toBe(400);
		}
		for (const on of [first, second]) {
			const res = await logIn(browser(on), email);
			expect(res.status).toBe(429);
			expect(await res.text()).toContain('Too many attempts');
		}
		// Another account from the same addresses is unaffected.
		const { email: other } = await registerUser(browser(), 'Olga Other', uniqueEmail('other'));
		expect((await logIn(browser(), other)).status).toBe(303);
		// Blocked for a minute; when that has passed (moved into the past here), one more wrong guess blocks for two.
		const key = `login:email:${email}`;
		const blockedFor = async () => Number((await sqlOn(first.databaseUrl, 'SELECT blocked_until FROM throttles WHERE key = ?', [key]))[0].blocked_until) - Date.now();
		expect(await blockedFor()).toBeGreaterThan(50_000);
		expect(await blockedFor()).toBeLessThanOrEqual(60_000);
		await sqlOn(first.databaseUrl, 'UPDATE throttles SET blocked_until = 0 WHERE key = ?', [key]);
		expect((await logIn(browser(first), email, 'wrong-guess-5')).status).toBe(400);
		expect(await blockedFor()).toBeGreaterThan(110_000);
		expect(await blockedFor()).toBeLessThanOrEqual(120_000);
		expect((await logIn(browser(second), email)).status).toBe(429);
		// Once that block has passed too, the right password works again.
		await sqlOn(first.databaseUrl, 'UPDATE throttles SET blocked_until = 0 WHERE key = ?', [key]);
		expect((await logIn(browser(second), email)).status).toBe(303);
	});

	it('clears an account’s failures on a successful login', async () => {
		const { email } = await registerUser(browser());
		for (let i = 0; i < 4; i++) expect((await logIn(browser(), email, `wrong-${i}`)).status).toBe(400);
		expect((await logIn(browser(second), email)).status).toBe(303);
		for (let i = 0; i < 4; i++) expect((await logIn(browser(), email, `wrong-again-${i}`)).status).toBe(400);
		expect((await logIn(browser(), email)).status).toBe(303);
	});

	it('blocks an address after 30 failed logins against any accounts, but not other addresses', async () => {
		const address = nextAddress();
		const { email } = await registerUser(browser(), 'Ann Account', uniqueEmail('account'));
		for (let i = 0; i < 29; i++) {
			const res = await logIn(browser(i % 2 ? first : second, address), uniqueEmail('nobody'), STRONG_PASSWORD);
			expect(res.status, `attempt ${i + 1}`).toBe(400);
		}
		// A successful login from the address does not count towards its limit.
		expect((await logIn(browser(first, address), email)).status).toBe(303);
		expect((await logIn(browser(second, address), uniqueEmail('nobody'), STRONG_PASSWORD)).status).toBe(400);
		// Even the right password for a real account is refused from that address, on both processes.
		expect((await logIn(browser(first, address), email)).status).toBe(429);
		expect((await logIn(browser(second, address), email)).status).toBe(429);
		expect((await logIn(browser(second), email)).status).toBe(303);
	});

	it('allows 50 new accounts per address per hour, then refuses with 429 on either process', { timeout: 60_000 }, async () => {
		const address = nextAddress();
		for (let i = 0; i < 50; i++) {
			const res = await browser(i % 2 ? first : second, address).post('/register', { name: `Batch ${i}`, email: uniqueEmail('batch'), password: STRONG_PASSWORD });
			expect(res.status, `registration ${i + 1}`).toBe(303);
		}
		for (const on of [first, second]) {
			const email = uniqueEmail('refused');
			const res = await browser(on, address).post('/register', { name: 'One Too Many', email, password: STRONG_PASSWORD });
			expect(res.status).toBe(429);
			expect(await res.text()).toContain('Too many new accounts');
			const [{ n }] = await sqlOn(first.databaseUrl, 'SELECT count(*) AS n FROM users WHERE email = ?', [email]);
			expect(Number(n)).toBe(0);
		}
		expect((await browser().post('/register', { name: 'Elsewhere', email: uniqueEmail(), password: STRONG_PASSWORD })).status).toBe(303);
	});

	it('lets no more attempts through than the limits when they arrive all at once', { timeout: 60_000 }, async () => {
		const statuses = async (requests: Promise<Response>[]) => {
			const counts: Record<number, number> = {};
			for (const res of await Promise.all(requests)) counts[res.status] = (counts[res.status] ?? 0) + 1;
			return counts;
		};
		// 20 concurrent guesses at one account, from 20 addresses, split over both processes: 5 are checked.
		const { email } = await registerUser(browser(), 'Burst Target', uniqueEmail('burst'));
		const guesses = Array.from({ length: 20 }, (_, i) => logIn(browser(i % 2 ? first : second), email, `burst-${i}`));
		expect(await statuses(guesses)).toEqual({ 400: 5, 429: 15 });
		// 40 concurrent failed logins from one address: 30 are checked.
		const address = nextAddress();
		const sprayed = Array.from({ length: 40 }, (_, i) => logIn(browser(i % 2 ? first : second, address), uniqueEmail('spray'), 'wrong-password-x'));
		expect(await statuses(sprayed)).toEqual({ 400: 30, 429: 10 });
		// 40 concurrent certificate lookups from one address: 30 are answered.
		const prober = nextAddress();
		const lookups = Array.from({ length: 40 }, (_, i) => browser(i % 2 ? first : second, prober).get(`/verify/${generateVerificationCode()}`));
		expect(await statuses(lookups)).toEqual({ 404: 30, 429: 10 });
	});

	it('limits certificate lookups per address to 30 a minute, on either process', async () => {
		const address = nextAddress();
		for (let i = 0; i < 30; i++) {
			const res = await browser(i % 2 ? first : second, address).get(`/verify/${generateVerificationCode()}`);
			expect(res.status, `lookup ${i + 1}`).toBe(404);
		}
		for (const on of [first, second]) {
			const res = await browser(on, address).get(`/verify/${generateVerificationCode()}`);
			expect(res.status).toBe(429);
			expect(await res.text()).toContain('Too many certificate lookups');
		}
		expect((await browser().get(`/verify/${generateVerificationCode()}`)).status).toBe(404);
	});
});
