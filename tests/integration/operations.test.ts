import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptAnswers, sqlOn } from '../helpers/answers';
import { Client, STRONG_PASSWORD, logIn, registerUser } from '../helpers/client';
import { testDatabaseMode } from '../helpers/database';
import { quizIdOf, takeQuiz } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
async function start(options: Parameters<typeof startServer>[0] = {}) {
	const server = await startServer(options);
	servers.push(server);
	return server;
}
afterAll(async () => {
	for (const server of servers.reverse()) {
		await server.stop();
		removeServerFiles(server);
	}
});

const LESSON = 'science-of-massage/weighing-the-evidence';

describe('several app processes on one database', () => {
	it('shares sessions, progress and throttling between processes', { timeout: 60_000 }, async () => {
		const a = await start();
		const b = await start({ databaseUrl: a.databaseUrl });
		const onA = new Client(a.url);
		const { email } = await registerUser(onA);
		// The same session cookie works on the other process.
		const onB = new Client(b.url);
		onB.setCookie('touchstone_session', onA.cookie('touchstone_session')!);
		expect((await onB.get('/account')).status).toBe(200);

		await takeQuiz(onB, b, await quizIdOf(b, `${LESSON}/quiz`));
		await onB.post(`/courses/${LESSON}?/finish`, {});
		expect(await onA.text('/dashboard')).toContain('1 of 6 lessons complete');

		// Failed logins on both processes count against one limit.
		for (let i = 0; i < 5; i++) await logIn(new Client(i % 2 ? a.url : b.url), email, `wrong-${i}`);
		expect((await logIn(new Client(a.url), email, STRONG_PASSWORD)).status).toBe(429);
	});
});

describe('crash safety', () => {
	it('keeps every acknowledged submission, fully graded, when the server is killed mid-stream', async () => {
		const server = await start();
		const quiz = await quizIdOf(server, `${LESSON}/quiz`);
		const students: { client: Client; attempt: number; fields: Record<string, string | string[]> }[] = [];
		for (let i = 0; i < 16; i++) {
			const client = new Client(server.url);
			await registerUser(client);
			const res = await client.post(`/quizzes/${quiz}?/start`, {});
			const attempt = Number(/\/attempts\/(\d+)/.exec(res.headers.get('location')!)![1]);
			students.push({ client, attempt, fields: (await attemptAnswers(server.databaseUrl, attempt)).fields });
		}
		const acknowledged: number[] = [];
		let killed = false;
		// One student sends nothing before the crash, so an open attempt is there to submit afterwards.
		const waiting = students.pop()!;
		const submissions = students.map(async (s, i) => {
			await new Promise((r) => setTimeout(r, i * 15));
			try {
				const res = await s.client.post(`/attempts/${s.attempt}?/submit`, s.fields);
				if (res.status === 303) acknowledged.push(s.attempt);
			} catch {
				// the connection died with the server: not acknowledged
			}
			if (acknowledged.length === 6 && !killed) {
				killed = true;
				await server.kill('SIGKILL');
			}
		});
		await Promise.all(submissions);
		expect(killed).toBe(true);
		expect(acknowledged.length).toBeGreaterThanOrEqual(6);

		await server.restart();
		const ids = [...students, waiting].map((s) => s.attempt);
		const rows = await sqlOn(
			server.databaseUrl,
			`SELECT a.id, a.status, a.percent, COUNT(q.position) AS questions, COUNT(q.fraction) AS graded,
			   (SELECT COUNT(*) FROM review_cards c WHERE c.user_id = a.user_id AND c.question_id IN
			     (SELECT question_id FROM attempt_questions WHERE attempt_id = a.id)) AS cards
			 FROM attempts a JOIN attempt_questions q ON q.attempt_id = a.id
			 WHERE a.id IN (${ids.join(',')}) GROUP BY a.id`
		);
		for (const row of rows) {
			const id = Number(row.id);
			if (acknowledged.includes(id)) {
				expect(row.status, `attempt ${id}`).toBe('submitted');
				expect(row.percent).toBe(100);
			}
			// No attempt is half graded: either open with no grades or submitted with every question graded, and
			// never graded without its review cards (they commit with the grade).
			if (row.status === 'submitted') expect([row.graded, row.cards]).toEqual([row.questions, row.questions]);
			else expect([row.graded, row.cards]).toEqual([0, 0]);
		}
		// The server keeps working after the crash, and an attempt left open by it can still be submitted.
		expect(rows.find((r) => Number(r.id) === waiting.attempt)?.status).toBe('open');
		expect((await waiting.client.post(`/attempts/${waiting.attempt}?/submit`, waiting.fields)).status).toBe(303);
		const [after] = await sqlOn(server.databaseUrl, 'SELECT status, percent FROM attempts WHERE id = ?', [waiting.attempt]);
		expect(after).toMatchObject({ status: 'submitted', percent: 100 });
	}, 120_000);
});

describe.skipIf(testDatabaseMode !== 'file')('backups', () => {
	it('copies the live embedded database consistently, and the copy restores into a fresh server', { timeout: 60_000 }, async () => {
		const server = await start();
		const client = new Client(server.url);
		const { email } = await registerUser(client, 'Backed Up');
		await takeQuiz(client, server, await quizIdOf(server, `${LESSON}/quiz`));
		const dir = mkdtempSync(join(tmpdir(), 'touchstone-backup-'));
		try {
			const file = join(dir, 'backup.db');
			// The server keeps taking writes while the backup runs.
			const writes = Promise.all(Array.from({ length: 5 }, () => registerUser(new Client(server.url))));
			const backup = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db-backup.ts', file], {
				env: { ...process.env, DATABASE_URL: server.databaseUrl },
				encoding: 'utf8'
			});
			await writes;
			expect(backup.status, backup.stderr).toBe(0);
			expect(backup.stdout).toContain('Backed up');
			const again = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db-backup.ts', file], {
				env: { ...process.env, DATABASE_URL: server.databaseUrl },
				encoding: 'utf8'
			});
			expect(again.status).not.toBe(0);
			expect(again.stderr).toContain('already exists');

			// Restore (README): point a fresh server at the backup file.
			const restored = await start({ databaseUrl: `file:${file}` });
			const user = new Client(restored.url);
			expect((await logIn(user, email)).status).toBe(303);
			expect(await user.text('/dashboard')).toMatch(/Lesson check: Weighing the Evidence<\/a>: 100%/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
