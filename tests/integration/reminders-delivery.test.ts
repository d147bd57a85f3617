import { afterAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { Client, registerUser, uniqueEmail } from '../helpers/client';
import { parseMail, reminders, runJobsOnce, startSmtpSink } from '../helpers/mail';
import { endIn30Days, mailRows, trackCycleEnding, verifiedLearner, waitFor } from '../helpers/reminders';
import { freePort, removeServerFiles, startServer, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
afterAll(async () => {
	for (const s of servers.reverse()) {
		await s.stop();
		removeServerFiles(s);
	}
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the schedule inside the server', () => {
	it('mails a learner whose cycle ends in 30 days exactly once, also with two app processes on one database', async () => {
		const a = await startServer({ env: { JOBS_INTERVAL_SECONDS: '1' } });
		servers.push(a);
		const first = await verifiedLearner(a, 'Done When');
		await trackCycleEnding(a, first.id, endIn30Days());
		const mailsOf = (email: string) => reminders(a.outbox, 'renewal-deadline').filter((m) => m.headers.to.includes(email));
		await waitFor(() => mailsOf(first.email).length > 0);
		await sleep(3000);
		expect(mailsOf(first.email)).toHaveLength(1);

		// A second app process on the same database, both running the schedule every second, one outbox.
		const b = await startServer({ databaseUrl: a.databaseUrl, env: { JOBS_INTERVAL_SECONDS: '1', OUTBOX_DIR: a.outbox } });
		servers.push(b);
		const learners: Awaited<ReturnType<typeof verifiedLearner>>[] = [];
		for (let i = 0; i < 4; i++) learners.push(await verifiedLearner(a, `Learner ${i}`));
		// Due in both processes at the same moment.
		for (const l of learners) await trackCycleEnding(a, l.id, endIn30Days());
		await waitFor(() => learners.every((l) => reminders(a.outbox).some((m) => m.headers.to.includes(l.email))));
		await sleep(4000);
		for (const l of [first, ...learners]) {
			expect(mailsOf(l.email)).toHaveLength(1);
			expect((await mailRows(a, l.id)).map((r) => r.status)).toEqual(['sent']);
		}
	}, 180_000);
});

describe('SMTP failures', () => {
	it('retries with backoff, shows the reason to admins only, then sends once', async () => {
		const server = await startServer({ env: { JOBS_INTERVAL_SECONDS: '0' } });
		servers.push(server);
		const learner = await verifiedLearner(server);
		const now = new Date();
		await trackCycleEnding(server, learner.id, endIn30Days(now));
		const env = { DATABASE_URL: server.databaseUrl, OUTBOX_DIR: server.outbox, ORIGIN: server.url };

		const closed = await freePort();
		const down = await runJobsOnce({ ...env, SMTP_URL: `smtp://127.0.0.1:${closed}` }, now);
		expect(down.output).toContain('1 enqueued, 0 sent, 1 failed');
		const [queued] = await mailRows(server, learner.id);
		expect(queued).toMatchObject({ status: 'queued', attempts: 1 });
		expect(String(queued.last_error)).toMatch(/ECONNREFUSED/);

		const admin = new Client(server.url);
		const { email } = await registerUser(admin, 'Ada Admin', uniqueEmail('admin'));
		await sqlOn(server.databaseUrl, "UPDATE users SET role = 'admin' WHERE email = ?", [email]);
		const page = await admin.text('/admin/mail?status=queued');
		expect(page).toContain(learner.email);
		expect(page).toMatch(/ECONNREFUSED/);
		expect(page).not.toContain('Still missing');
		expect((await learner.client.get('/admin/mail')).status).toBe(403);

		const sink = await startSmtpSink();
		try {
			const smtp = { ...env, SMTP_URL: `smtp://127.0.0.1:${sink.port}` };
			// Before the backoff has passed, nothing is retried.
			expect((await runJobsOnce(smtp, new Date(now.getTime() + 30_000))).output).toContain('0 sent');
			expect((await runJobsOnce(smtp, new Date(now.getTime() + 120_000))).output).toContain('1 sent');
			expect((await runJobsOnce(smtp, new Date(now.getTime() + 180_000))).output).toContain('0 enqueued, 0 sent');
			expect(sink.messages).toHaveLength(1);
			expect(sink.messages[0]).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
			expect(await mailRows(server, learner.id)).toMatchObject([{ status: 'sent', attempts: 2 }]);

			// Rotating the key revokes the link in that mail.
			const link = new URL(parseMail(sink.messages[0]).headers['list-unsubscribe'].slice(1, -1)).pathname;
			expect((await learner.client.get(link)).status).toBe(200);
			expect((await admin.post('/admin/mail?/rotateKey', {})).status).toBe(400);
			expect((await admin.post('/admin/mail?/rotateKey', { confirm: 'yes' })).status).toBe(200);
			expect((await learner.client.get(link)).status).toBe(400);
		} finally {
			await sink.close();
		}
	}, 180_000);
});
