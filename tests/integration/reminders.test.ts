import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { Client, registerUser, uniqueEmail } from '../helpers/client';
import { reminders, runJobsOnce } from '../helpers/mail';
import { DAY_MS, mailRows, trackCycleEnding, verifiedLearner } from '../helpers/reminders';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

// The clock moves through TOUCHSTONE_NOW, read only by `npm run jobs -- --once`. A cycle ending 2027-01-01 gets
// its 60-, 30- and 7-day reminders on the days below; between thresholds nothing new is sent.
const END = new Date('2027-01-01T00:00:00Z');
const at = (daysBefore: number) => new Date(END.getTime() - daysBefore * DAY_MS + 3_600_000);

let server: TestServer;
const jobs = (now: Date, env: Record<string, string> = {}) =>
	runJobsOnce({ DATABASE_URL: server.databaseUrl, OUTBOX_DIR: server.outbox, ORIGIN: server.url, ...env }, now);

beforeAll(async () => {
	server = await startServer({ env: { JOBS_INTERVAL_SECONDS: '0' } });
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

describe('renewal reminders with a moved clock', () => {
	it('sends each threshold once, says why, and carries a one-click unsubscribe', async () => {
		const learner = await verifiedLearner(server);
		await trackCycleEnding(server, learner.id, END);
		const mine = () => reminders(server.outbox, 'renewal-deadline').filter((m) => m.headers.to.includes(learner.email));

		expect((await jobs(at(61))).code).toBe(0);
		expect(mine()).toHaveLength(0);
		await jobs(at(59));
		await jobs(at(45));
		expect(mine()).toHaveLength(1);
		await jobs(at(29));
		await jobs(at(29));
		expect(mine()).toHaveLength(2);

		const mail = mine()[1];
		expect(mail.headers.subject).toMatch(/days left/);
		expect(mail.headers['list-unsubscribe']).toMatch(new RegExp(`^<${server.url}/unsubscribe/${learner.id}\\.renewal\\.[A-Za-z0-9_-]+>$`));
		expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
		expect(mail.headers['content-type']).toMatch(/multipart\/alternative/);
		expect(mail.body).toContain('Why this mail: your NCBTMB Board Certification renewal cycle ends on 1 January 2027 and your ledger is short');
		expect(mail.body).toContain('Still missing: 24 CE hours in total, 3 CE hours of ethics.');
		expect(mail.body).toContain('/courses/ethics-claims-consent-and-boundaries');
		expect(mail.body).toContain('<a href=');
		expect((await mailRows(server, learner.id)).map((r) => r.status)).toEqual(['sent', 'sent']);
	}, 120_000);

	it('refuses a forged or altered token with 400 and changes nothing; the one-click POST then switches the category off', async () => {
		const learner = await verifiedLearner(server);
		await trackCycleEnding(server, learner.id, END);
		await jobs(at(30));
		const [mail] = reminders(server.outbox, 'renewal-deadline').filter((m) => m.headers.to.includes(learner.email));
		const url = new URL(mail.headers['list-unsubscribe'].slice(1, -1));
		const anonymous = new Client(server.url);

		const altered = url.pathname.replace(`/${learner.id}.renewal.`, `/${learner.id}.expiry.`);
		const forged = url.pathname.slice(0, -4) + 'AAAA';
		for (const path of [altered, forged]) {
			expect((await anonymous.get(path)).status).toBe(400);
			expect((await anonymous.post(path, {})).status).toBe(400);
		}
		expect(await sqlOn(server.databaseUrl, 'SELECT * FROM email_preferences WHERE user_id = ?', [learner.id])).toHaveLength(0);

		// Opening the link changes nothing (loads never write); it shows a button.
		const page = await anonymous.get(url.pathname);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Renewal deadlines');
		// A mail client's RFC 8058 one-click request: a form POST from its own server, no Origin header, no cookie.
		const oneClick = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
		expect(oneClick.status).toBe(200);
		const [pref] = await sqlOn(server.databaseUrl, 'SELECT enabled FROM email_preferences WHERE user_id = ? AND category = ?', [learner.id, 'renewal']);
		expect(Number(pref.enabled)).toBe(0);

		// Other cross-site form posts are still refused.
		const crossSite = await fetch(`${server.url}/account/email?/save`, { method: 'POST', body: 'form=preferences', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(crossSite.status).toBe(403);

		await jobs(at(6));
		expect(reminders(server.outbox, 'renewal-deadline').filter((m) => m.headers.to.includes(learner.email))).toHaveLength(1);
	}, 120_000);

	it('sends a certificate expiry reminder at 60 and 14 days and an evaluation reminder three days after a passed final, each once', async () => {
		const learner = await verifiedLearner(server);
		const db = server.databaseUrl;
		await sqlOn(
			db,
			`INSERT INTO certificates (code, user_id, track_slug, track_title, holder_name, holder_email, courses, ce_quarter_hours, completed_at, issued_at, expires_at, credential_salt)
			 VALUES (?, ?, 'pain-care', 'Pain Care', 'Rita', ?, '[]', 4, 0, 0, ?, 'salt')`,
			[`TS-REM-${learner.id}`, learner.id, learner.email, END.getTime()]
		);
		const [{ id: final }] = await sqlOn(db, "SELECT q.id FROM quizzes q JOIN courses c ON c.id = q.course_id WHERE q.kind = 'final' AND c.slug = 'science-of-massage'");
		await sqlOn(db, "INSERT INTO attempts (quiz_id, user_id, number, status, seed, started_at, submitted_at, percent, passed) VALUES (?, ?, 1, 'submitted', 's', ?, ?, 90, 1)", [
			Number(final),
			learner.id,
			at(20).getTime(),
			at(20).getTime()
		]);
		const mine = (kind: string) => reminders(server.outbox, kind).filter((m) => m.headers.to.includes(learner.email));
		await jobs(at(59));
		await jobs(at(18)); // two days after the pass: no evaluation reminder yet
		expect(mine('certificate-expiry')).toHaveLength(1);
		expect(mine('evaluation-pending')).toHaveLength(0);
		await jobs(at(16));
		await jobs(at(15));
		await jobs(at(13));
		await jobs(at(12));
		expect(mine('certificate-expiry')).toHaveLength(2);
		expect(mine('evaluation-pending')).toHaveLength(1);
		expect(mine('evaluation-pending')[0].body).toContain('/evaluations/science-of-massage');
		expect((await mailRows(server, learner.id)).map((r) => r.idempotency_key)).toEqual([
			`u${learner.id}:certificate-expiry:certificate${(await sqlOn(db, 'SELECT id FROM certificates WHERE user_id = ?', [learner.id]))[0].id}:d60`,
			expect.stringMatching(/evaluation-pending:course\d+$/),
			expect.stringMatching(/certificate-expiry:certificate\d+:d14$/)
		]);
	}, 120_000);

	it('sends nothing to an unverified address', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client, 'Una Unverified', uniqueEmail('unverified'));
		const [{ id }] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
		await trackCycleEnding(server, Number(id), END);
		await jobs(at(30));
		expect(await mailRows(server, Number(id))).toHaveLength(0);
		expect((await client.text('/account/email'))).toContain('is not confirmed yet');
	}, 60_000);
});
