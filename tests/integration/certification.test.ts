import { base64url, createRemoteJWKSet, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVerificationCode } from '../../src/lib/certification/code';
import { attemptAnswers, sqlOn } from '../helpers/answers';
import { createUserWithCli } from '../helpers/cli';
import { Client, logIn, registerUser, STRONG_PASSWORD, uniqueEmail } from '../helpers/client';
import { completeCourse, completeLessons, quizIdOf, takeQuiz } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const SCIENCE = 'science-of-massage';
const SAFETY = 'safe-practice-on-the-care-team';
const TRACK = 'evidence-informed-massage-practitioner';

/**
 * The server trusts X-Forwarded-For for the client address (ADDRESS_HEADER), so each test can act from its own
 * address and the verification throttle of one test never blocks another.
 */
class AddressedClient extends Client {
	constructor(
		base: string,
		readonly address: string
	) {
		super(base);
	}
	override request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('x-forwarded-for', this.address);
		return super.request(path, { ...init, headers });
	}
}

let server: TestServer;
let addresses = 0;
const client = () => new AddressedClient(server.url, `10.0.0.${++addresses}`);

beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
});
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

async function userIdOf(email: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	return Number(row.id);
}

async function certificatesOf(userId: number) {
	return sqlOn(server.databaseUrl, 'SELECT * FROM certificates WHERE user_id = ? ORDER BY id', [userId]);
}

/** A student who has passed both final exams (and so holds the track's certificate). */
async function certifiedStudent(name: string) {
	const c = client();
	const { email } = await registerUser(c, name, uniqueEmail('cert'));
	await completeCourse(c, server, SCIENCE);
	await completeCourse(c, server, SAFETY);
	const userId = await userIdOf(email);
	const [certificate] = await certificatesOf(userId);
	expect(certificate, 'a certificate was issued').toBeTruthy();
	return { client: c, email, name, userId, certificate: { id: Number(certificate.id), code: String(certificate.code) } };
}

let admin: AddressedClient;
async function adminClient() {
	if (admin) return admin;
	const email = uniqueEmail('admin');
	const created = await createUserWithCli(server.databaseUrl, { email, name: 'Ada Admin', role: 'admin' }, STRONG_PASSWORD);
	expect(created.status, created.stderr).toBe(0);
	admin = client();
	expect((await logIn(admin, email)).status).toBe(303);
	return admin;
}

describe('issuing certificates', () => {
	it('issues nothing until every requirement is met, then exactly one, with the ledger credited', async () => {
		const c = client();
		const { email } = await registerUser(c, 'Nadia Partial', uniqueEmail('partial'));
		const userId = await userIdOf(email);

		await completeCourse(c, server, SCIENCE);
		expect(await certificatesOf(userId)).toHaveLength(0);
		let track = await c.text(`/tracks/${TRACK}`);
		expect(track).toMatch(/>Met<\/span>/);
		expect(track).toMatch(/>Not started<\/span>/);
		expect(track).not.toContain('Your certificate');

		// Every lesson of the second course done and its final failed: the course is not complete, no certificate.
		await completeLessons(c, server, SAFETY);
		const finalExam = await quizIdOf(server, `${SAFETY}/final`);
		await takeQuiz(c, server, finalExam, { wrong: true });
		expect(await certificatesOf(userId)).toHaveLength(0);
		track = await c.text(`/tracks/${TRACK}`);
		expect(track).toMatch(/>In progress<\/span>/);
		expect(track).toMatch(/needs 80%/);

		// The ledger holds the first course only, as a course entry with the course's computed hours.
		const [science] = await sqlOn(server.databaseUrl, 'SELECT ce_quarter_hours FROM courses WHERE slug = ?', [SCIENCE]);
		let entries = await sqlOn(server.databaseUrl, "SELECT hundredths, category, source FROM ce_entries WHERE user_id = ?", [userId]);
		expect(entries).toEqual([{ hundredths: Number(science.ce_quarter_hours) * 25, category: 'science', source: 'course' }]);

		await takeQuiz(c, server, finalExam);
		const certificates = await certificatesOf(userId);
		expect(certificates).toHaveLength(1);
		const [cert] = certificates;
		expect(cert.code).toMatch(/^TS(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
		expect(cert.holder_name).toBe('Nadia Partial');
		expect(cert.track_slug).toBe(TRACK);
		expect(Number(cert.expires_at)).toBeGreaterThan(Number(cert.issued_at));
		const courses = JSON.parse(String(cert.courses)) as { slug: string }[];
		expect(courses.map((x) => x.slug)).toEqual([SCIENCE, SAFETY]);

		entries = await sqlOn(server.databaseUrl, "SELECT category FROM ce_entries WHERE user_id = ? AND source = 'course' ORDER BY category", [userId]);
		expect(entries.map((e) => e.category)).toEqual(['safety', 'science']);

		// More activity afterwards never issues a second one.
		await c.post(`/courses/${SCIENCE}/weighing-the-evidence?/finish`, {});
		expect(await certificatesOf(userId)).toHaveLength(1);

		track = await c.text(`/tracks/${TRACK}`);
		expect(track).toContain('Your certificate');
		expect(track).toContain(String(cert.code));
		const dashboard = await c.text('/dashboard');
		expect(dashboard).toContain(`/certificates/${cert.id}/certificate.pdf`);
		expect(dashboard).toContain(`/verify/${cert.code}`);
		expect(dashboard).toMatch(/Ledger total: <strong>[\d.]+/);
	});

	it('creates exactly one certificate when the last requirements are met by concurrent requests', async () => {
		const first = client();
		const { email } = await registerUser(first, 'Cora Concurrent', uniqueEmail('race'));
		const userId = await userIdOf(email);
		const second = client();
		expect((await logIn(second, email)).status).toBe(303);

		await completeCourse(first, server, SCIENCE);
		// Every lesson of the second course but the last; the last one's check passed but its end not yet reached.
		const lessons = await sqlOn(
			server.databaseUrl,
			'SELECT l.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = ? AND l.active = 1 ORDER BY l.position',
			[SAFETY]
		);
		const last = String(lessons.at(-1)!.slug);
		for (const { slug } of lessons.slice(0, -1)) {
			await first.get(`/courses/${SAFETY}/${slug}`);
			await takeQuiz(first, server, await quizIdOf(server, `${SAFETY}/${slug}/quiz`));
			expect((await first.post(`/courses/${SAFETY}/${slug}?/finish`, {})).status).toBe(303);
		}
		await first.get(`/courses/${SAFETY}/${last}`);
		await takeQuiz(first, server, await quizIdOf(server, `${SAFETY}/${last}/quiz`));
		const start = await first.post(`/quizzes/${await quizIdOf(server, `${SAFETY}/final`)}?/start`, {});
		const attemptId = Number(/\/attempts\/(\d+)/.exec(start.headers.get('location')!)![1]);
		const { fields } = await attemptAnswers(server.databaseUrl, attemptId);
		expect(await certificatesOf(userId)).toHaveLength(0);

		const responses = await Promise.all([
			first.post(`/attempts/${attemptId}?/submit`, fields),
			second.post(`/courses/${SAFETY}/${last}?/finish`, {}),
			second.post(`/courses/${SAFETY}/${last}?/finish`, {}),
			second.post(`/courses/${SAFETY}/${last}?/finish`, {})
		]);
		for (const res of responses) expect(res.status).toBe(303);

		const certificates = await certificatesOf(userId);
		expect(certificates).toHaveLength(1);
		expect(certificates[0].revoked_at).toBeNull();
		const credits = await sqlOn(server.databaseUrl, "SELECT course_id FROM ce_entries WHERE user_id = ? AND source = 'course'", [userId]);
		expect(credits).toHaveLength(2);
	});
});

describe('certificate documents', () => {
	let holder: Awaited<ReturnType<typeof certifiedStudent>>;
	beforeAll(async () => {
		holder = await certifiedStudent('Zoë Document-Holder');
	}, 120_000);

	it('downloads a valid PDF with the holder name, only by its holder', async () => {
		const res = await holder.client.get(`/certificates/${holder.certificate.id}/certificate.pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
		expect(doc.getTitle()).toBe('Certificate of Achievement: Evidence-Informed Massage Practitioner');
		expect(doc.getSubject()).toContain('Zoë Document-Holder');
		expect(doc.getSubject()).toContain(`${server.url}/verify/${holder.certificate.code}`);
		expect(doc.getSubject()).toMatch(/Home Study, [\d.]+ CE hours/);

		const page = await holder.client.text('/certificates');
		expect(page).toContain(`href="/certificates/${holder.certificate.id}/certificate.pdf"`);
		expect(page).toContain(`href="/verify/${holder.certificate.code}"`);

		const stranger = client();
		await registerUser(stranger, 'Sam Stranger', uniqueEmail('stranger'));
		expect((await stranger.get(`/certificates/${holder.certificate.id}/certificate.pdf`)).status).toBe(404);
		expect((await stranger.get(`/certificates/${holder.certificate.id}/badge.jwt`)).status).toBe(404);
		expect(await stranger.text('/certificates')).not.toContain(holder.certificate.code);
		const anonymous = await client().get(`/certificates/${holder.certificate.id}/certificate.pdf`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/login/);
	});

	it('downloads an Open Badge that verifies with the published public key alone, and a tampered one does not', async () => {
		const res = await holder.client.get(`/certificates/${holder.certificate.id}/badge.jwt`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.jwt"$/);
		const jwt = (await res.text()).trim();

		const header = decodeProtectedHeader(jwt);
		expect(header).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
		const kid = String(header.kid);
		const keysUrl = kid.split('#')[0];
		expect(keysUrl).toBe(`${server.url}/issuer/keys`);
		// An outside verifier with nothing but the key set's address finds the key by the header's kid.
		const remote = createRemoteJWKSet(new URL(keysUrl));
		await expect(jwtVerify(jwt, remote, { typ: 'JWT', algorithms: ['EdDSA'] })).resolves.toBeTruthy();
		const jwks = (await (await fetch(keysUrl)).json()) as { keys: (JWK & { kid: string })[] };
		expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
		const jwk = jwks.keys.find((k) => k.kid === kid)!;
		expect(jwk).toBeTruthy();
		const key = await importJWK(jwk, 'EdDSA');

		const { payload } = await jwtVerify(jwt, key, { typ: 'JWT', algorithms: ['EdDSA'] });
		const credential = payload as unknown as {
			type: string[];
			id: string;
			issuer: { id: string; name: string };
			validFrom: string;
			validUntil: string;
			credentialSubject: { name: string; achievement: { name: string; criteria: { narrative: string }; creditsAvailable: number } };
		};
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.id).toBe(`${server.url}/verify/${holder.certificate.code}`);
		expect(credential.issuer.id).toBe(`${server.url}/issuer`);
		expect(credential.credentialSubject.name).toBe('Zoë Document-Holder');
		expect(credential.credentialSubject.achievement.name).toBe('Evidence-Informed Massage Practitioner');
		expect(credential.credentialSubject.achievement.criteria.narrative).toMatch(/80%/);
		const [row] = await sqlOn(server.databaseUrl, 'SELECT ce_quarter_hours, issued_at, expires_at FROM certificates WHERE id = ?', [
			holder.certificate.id
		]);
		expect(credential.credentialSubject.achievement.creditsAvailable).toBe(Number(row.ce_quarter_hours) / 4);
		expect(Date.parse(credential.validFrom)).toBe(Math.floor(Number(row.issued_at) / 1000) * 1000);
		expect(Date.parse(credential.validUntil)).toBe(Math.floor(Number(row.expires_at) / 1000) * 1000);
		expect(JSON.stringify(payload)).not.toContain(holder.email);

		const profile = (await (await fetch(`${server.url}/issuer`)).json()) as { id: string; type: string[] };
		expect(profile).toMatchObject({ id: `${server.url}/issuer`, type: ['Profile'] });

		// Change one claim and keep the signature: the signature no longer matches.
		const [h, body, signature] = jwt.split('.');
		const claims = JSON.parse(new TextDecoder().decode(base64url.decode(body)));
		claims.credentialSubject.achievement.creditsAvailable = 99;
		const tampered = [h, base64url.encode(JSON.stringify(claims)), signature].join('.');
		await expect(jwtVerify(tampered, key, { typ: 'JWT' })).rejects.toThrow(/signature/i);

		// The key lives in the database: after a restart the same key is published and the badge still verifies.
		await server.restart();
		const again = (await (await fetch(keysUrl)).json()) as { keys: (JWK & { kid: string })[] };
		expect(again.keys.map((k) => k.kid)).toEqual(jwks.keys.map((k) => k.kid));
		await expect(jwtVerify(jwt, await importJWK(again.keys.find((k) => k.kid === kid)!, 'EdDSA'))).resolves.toBeTruthy();
	});
});

describe('verification', () => {
	let holder: Awaited<ReturnType<typeof certifiedStudent>>;
	beforeAll(async () => {
		holder = await certifiedStudent('Vera Verified');
	}, 120_000);

	it('shows a valid certificate to anyone, from a typed code in any case or spacing', async () => {
		const visitor = client();
		const res = await visitor.get(`/verify/${holder.certificate.code}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('x-robots-tag')).toBe('noindex');
		expect(res.headers.get('cache-control')).toBe('no-store');
		const html = await res.text();
		expect(html).toContain('<meta name="robots" content="noindex"');
		expect(html).toContain('Valid.');
		expect(html).toContain('Vera Verified');
		expect(html).toContain('Evidence-Informed Massage Practitioner');
		expect(html).not.toContain(holder.email);

		const typed = await visitor.get(`/verify?code=${encodeURIComponent(holder.certificate.code.toLowerCase().replaceAll('-', ' '))}`);
		expect(typed.status).toBe(303);
		expect(typed.headers.get('location')).toBe(`/verify/${holder.certificate.code}`);
		const lower = await visitor.get(`/verify/${holder.certificate.code.toLowerCase()}`);
		expect(lower.status).toBe(301);
		expect(lower.headers.get('location')).toBe(`/verify/${holder.certificate.code}`);
		const typo = await visitor.text(`/verify?code=TS-0000-0000-0000-0000-0001`);
		expect(typo).toContain('not a valid verification code');
	});

	it('says an unknown code matches no certificate, revealing nothing else', async () => {
		const visitor = client();
		for (const code of [generateVerificationCode(), 'TS-NOT-A-CODE']) {
			const res = await visitor.get(`/verify/${code}`);
			expect(res.status).toBe(404);
			const html = await res.text();
			expect(html).toContain('No certificate has this code');
			expect(html).toContain('<meta name="robots" content="noindex"');
			expect(html).not.toContain('Vera Verified');
			expect(html).not.toMatch(/Valid\.|Expired\.|Revoked\./);
		}
	});

	it('shows an expired certificate as expired', async () => {
		await sqlOn(server.databaseUrl, 'UPDATE certificates SET expires_at = ? WHERE id = ?', [Date.now() - 60_000, holder.certificate.id]);
		try {
			const html = await client().text(`/verify/${holder.certificate.code}`);
			expect(html).toContain('Expired.');
			expect(html).not.toContain('Valid.');
			expect(await holder.client.text('/certificates')).toContain('Expired');
		} finally {
			await sqlOn(server.databaseUrl, 'UPDATE certificates SET expires_at = ? WHERE id = ?', [
				Date.now() + 365 * 86_400_000,
				holder.certificate.id
			]);
		}
	});

	it('lets only admins revoke, with a required reason that is kept, and shows the revocation at once', async () => {
		const code = holder.certificate.code;
		// A student cannot revoke, not even their own certificate.
		const denied = await holder.client.post('/admin/certificates?/revoke', { certificateId: String(holder.certificate.id), reason: 'mine' });
		expect(denied.status).toBe(403);
		expect(await client().text(`/verify/${code}`)).toContain('Valid.');

		const a = await adminClient();
		const list = await a.text(`/admin/certificates?q=${encodeURIComponent('Vera Verified')}`);
		expect(list).toContain(code);
		const noReason = await a.post('/admin/certificates?/revoke', { certificateId: String(holder.certificate.id), reason: ' ' });
		expect(noReason.status).toBe(400);
		expect(await noReason.text()).toContain('Give a reason');
		expect(await client().text(`/verify/${code}`)).toContain('Valid.');

		const revoked = await a.post('/admin/certificates?/revoke', { certificateId: String(holder.certificate.id), reason: 'Exam taken by someone else' });
		expect(revoked.status).toBe(200);
		const html = await client().text(`/verify/${code}`);
		expect(html).toContain('Revoked.');
		expect(html).not.toContain('Valid.');
		expect(html).not.toContain('Exam taken by someone else');

		const [row] = await certificatesOf(holder.userId);
		expect(row.revoked_reason).toBe('Exam taken by someone else');
		expect(row.revoked_at).not.toBeNull();
		const audit = await sqlOn(server.databaseUrl, "SELECT target, detail FROM audit_events WHERE action = 'certificate.revoke'");
		expect(audit).toContainEqual({ target: `certificate:${holder.certificate.id}`, detail: 'Exam taken by someone else' });
		// The holder can no longer download it, and a later graded attempt does not quietly issue a new one.
		expect((await holder.client.get(`/certificates/${holder.certificate.id}/certificate.pdf`)).status).toBe(410);
		await takeQuiz(holder.client, server, await quizIdOf(server, `${SCIENCE}/weighing-the-evidence/quiz`));
		expect(await certificatesOf(holder.userId)).toHaveLength(1);
	});

	it('reissues with a new code, keeping the old certificate as revoked and linked', async () => {
		const a = await adminClient();
		const res = await a.post('/admin/certificates?/reissue', { certificateId: String(holder.certificate.id) });
		expect(res.status).toBe(200);
		const rows = await certificatesOf(holder.userId);
		expect(rows).toHaveLength(2);
		const [old, fresh] = rows;
		expect(old.replaced_by_id).toBe(fresh.id);
		expect(fresh.revoked_at).toBeNull();
		expect(fresh.code).not.toBe(old.code);
		expect(fresh.expires_at).toBe(old.expires_at);
		expect(await client().text(`/verify/${fresh.code}`)).toContain('Valid.');
		const oldPage = await client().text(`/verify/${old.code}`);
		expect(oldPage).toContain('Revoked.');
		expect(oldPage).toContain('replaced by a newer certificate');
		// Reissuing the same certificate twice is refused.
		expect((await a.post('/admin/certificates?/reissue', { certificateId: String(holder.certificate.id) })).status).toBe(409);
		const audit = await sqlOn(server.databaseUrl, "SELECT target FROM audit_events WHERE action = 'certificate.reissue'");
		expect(audit).toContainEqual({ target: `certificate:${holder.certificate.id}` });
	});

	it('throttles lookups per address, so codes cannot be enumerated', async () => {
		const prober = client();
		let status = 0;
		let tries = 0;
		while (tries < 40) {
			tries++;
			const res = await prober.get(`/verify/${generateVerificationCode()}`);
			status = res.status;
			if (status === 429) {
				expect(await res.text()).toContain('Too many certificate lookups');
				break;
			}
			expect(status).toBe(404);
		}
		expect(status).toBe(429);
		expect(tries).toBeLessThanOrEqual(31);
		// Blocked for a valid code too; another address is unaffected.
		expect((await prober.get(`/verify/${holder.certificate.code}`)).status).toBe(429);
		expect((await client().get(`/verify/${holder.certificate.code}`)).status).toBe(200);
	});
});

describe('the CE ledger', () => {
	it('counts the ethics course toward the ethics requirement of the renewal profile', { timeout: 120_000 }, async () => {
		const c = client();
		const { email } = await registerUser(c, 'Elsa Ethics', uniqueEmail('ethics'));
		const userId = await userIdOf(email);
		await completeCourse(c, server, 'ethics-claims-consent-and-boundaries');
		const [credit] = await sqlOn(server.databaseUrl, "SELECT category, hundredths FROM ce_entries WHERE user_id = ? AND source = 'course'", [userId]);
		expect(credit).toMatchObject({ category: 'ethics', hundredths: 100 });

		const start = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
		expect((await c.post('/ledger?/profile', { profileId: 'ncbtmb-board-certification', cycleStart: start })).status).toBe(200);
		const page = await c.text('/ledger');
		// NCBTMB asks for 3 ethics hours: the course's 1 hour counts there, and 2 are still missing.
		const ethicsRow = /<th scope="row"[^>]*>Ethics<\/th>(.*?)<\/tr>/s.exec(page)?.[1] ?? '';
		const cells = [...ethicsRow.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1].trim());
		expect(cells.slice(0, 3)).toEqual([expect.stringMatching(/^1(\.0+)? CE hours?$/), expect.stringMatching(/^1(\.0+)? CE hours?$/), expect.stringMatching(/^3(\.0+)? CE hours$/)]);
		expect(cells[4]).toMatch(/^2(\.0+)? CE hours$/);
	});

	it('records self-reported hours, marked as such, and withdraws only your own', async () => {
		const c = client();
		const { email } = await registerUser(c, 'Lena Ledger', uniqueEmail('ledger'));
		const userId = await userIdOf(email);
		const tooLong = await c.post('/ledger?/add', {
			provider: 'x'.repeat(201),
			title: 'Kinesiology taping',
			earnedOn: '2025-03-01',
			hours: '2',
			category: 'hands-on',
			format: 'in-person'
		});
		expect(tooLong.status).toBe(400);
		expect(await tooLong.text()).toContain('at most 200 characters');
		const added = await c.post('/ledger?/add', {
			provider: 'Elsewhere Institute',
			title: 'Ethics for bodyworkers',
			earnedOn: new Date().toISOString().slice(0, 10),
			hours: '2.5',
			category: 'ethics',
			format: 'home-study'
		});
		expect(added.status).toBe(200);
		const [entry] = await sqlOn(server.databaseUrl, 'SELECT * FROM ce_entries WHERE user_id = ?', [userId]);
		expect(entry).toMatchObject({ source: 'self-reported', hundredths: 250, category: 'ethics', provider: 'Elsewhere Institute' });

		let page = await c.text('/ledger');
		expect(page).toContain('Ethics for bodyworkers');
		expect(page).toContain('Self-reported');

		// NCBTMB profile, cycle started almost two years ago: the deadline is near and hours are missing.
		const start = new Date(Date.now() - 700 * 86_400_000).toISOString().slice(0, 10);
		expect((await c.post('/ledger?/profile', { profileId: 'ncbtmb-board-certification', cycleStart: start })).status).toBe(200);
		expect((await c.post('/ledger?/profile', { profileId: 'no-such-board', cycleStart: start })).status).toBe(400);
		page = await c.text('/ledger');
		expect(page).toContain('check with your board');
		expect(page).toMatch(/\d+ days left/);
		expect(page).toContain('Deadline near');
		expect(page).toContain('21.5 CE hours still missing');

		const other = client();
		await registerUser(other, 'Otto Other', uniqueEmail('other'));
		expect((await other.post('/ledger?/remove', { entryId: String(entry.id) })).status).toBe(404);
		expect((await c.post('/ledger?/remove', { entryId: String(entry.id) })).status).toBe(200);
		const [kept] = await sqlOn(server.databaseUrl, 'SELECT deleted_at FROM ce_entries WHERE id = ?', [Number(entry.id)]);
		expect(kept.deleted_at).not.toBeNull();
		expect(await c.text('/ledger')).not.toContain('Ethics for bodyworkers');
	});
});
