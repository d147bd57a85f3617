import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { APPROVALS_ENV, learnerWithLicences } from '../helpers/compliance';
import { completeCourse } from '../helpers/journeys';
import { reminders } from '../helpers/mail';
import { verifiedLearner, waitFor } from '../helpers/reminders';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

// The admins' weekly reporting digest comes from compliance's reporting queue, inside the server's schedule.
let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { ...APPROVALS_ENV, JOBS_INTERVAL_SECONDS: '1' } });
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

describe('reporting digest', () => {
	it('mails each verified admin once a week while completions are due within seven days', { timeout: 180_000 }, async () => {
		const admin = await verifiedLearner(server, 'Ada Admin');
		await sqlOn(server.databaseUrl, "UPDATE users SET role = 'admin' WHERE id = ?", [admin.id]);
		const ga = await learnerWithLicences(server, 'Gia Georgia', [{ jurisdiction: 'GA', number: 'MT001234', consent: 'on' }]);
		await completeCourse(ga.client, server, 'science-of-massage');

		const digests = () => reminders(server.outbox, 'reporting-digest');
		await waitFor(() => digests().length > 0, 30_000);
		await new Promise((r) => setTimeout(r, 3000));
		expect(digests()).toHaveLength(1);
		expect(digests()[0].headers.to).toContain(admin.email);
		expect(digests()[0].headers.subject).toBe('Completions to report: 0 overdue, 1 due within 7 days');
		expect(digests()[0].body).toContain('/admin/reporting');
		// Not offered to learners, offered to admins.
		expect(await ga.client.text('/account/email')).not.toContain('reporting digest');
		expect(await admin.client.text('/account/email')).toContain('Weekly reporting digest (admins)');
	});
});
