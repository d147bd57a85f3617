import { sqlOn } from './answers';
import { Client, registerUser, uniqueEmail } from './client';
import { readOutbox } from './mail';
import type { TestServer } from './server';

export const DAY_MS = 86_400_000;
export const PROFILE = 'ncbtmb-board-certification'; // 24-month cycles, 24 hours

/** Registers a learner and confirms the address through the emailed link (the page, then its POST button). */
export async function verifiedLearner(server: TestServer, name = 'Rita Reminder') {
	const client = new Client(server.url);
	const { email } = await registerUser(client, name, uniqueEmail('learner'));
	const mail = readOutbox(server.outbox).find((m) => m.headers.to?.includes(email) && /Confirm your email/.test(m.headers.subject ?? ''));
	if (!mail) throw new Error(`no verification mail for ${email}`);
	const path = new URL(/https?:\/\/\S+\/confirm-email\/[a-z0-9]+/.exec(mail.body)![0]).pathname;
	const page = await client.get(path);
	if (!(await page.text()).includes('Confirm my email')) throw new Error('the confirmation page has no button');
	const confirmed = await client.post(path, {});
	if (confirmed.status !== 200) throw new Error(`confirmation failed: ${confirmed.status}`);
	const [{ id }] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	return { client, email, id: Number(id) };
}

/** Tracks the NCBTMB profile with a cycle that ends at `end` (UTC midnight; day of month ≤ 28, so no clamping). */
export async function trackCycleEnding(server: TestServer, userId: number, end: Date): Promise<void> {
	const start = new Date(Date.UTC(end.getUTCFullYear() - 2, end.getUTCMonth(), end.getUTCDate()));
	await sqlOn(server.databaseUrl, 'INSERT INTO ce_profile_choices (user_id, profile_id, cycle_start) VALUES (?, ?, ?)', [
		userId,
		PROFILE,
		start.toISOString().slice(0, 10)
	]);
}

/** A UTC midnight between 25 and 30 days after `now` whose day of month is at most 28 (the 30-day reminder is due). */
export function endIn30Days(now = new Date()): Date {
	for (let days = 30; ; days--) {
		const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
		if (end.getUTCDate() <= 28) return end;
	}
}

export async function mailRows(server: TestServer, userId: number) {
	return sqlOn(server.databaseUrl, 'SELECT kind, status, attempts, last_error, idempotency_key FROM outgoing_mail WHERE user_id = ? ORDER BY id', [userId]);
}

/** Waits until check() is true (polling), or fails after timeoutMs. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 200));
	}
}
