import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptAnswers, sqlOn } from '../helpers/answers';
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

async function quizId(sourceKey: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM quizzes WHERE source_key = ?', [sourceKey]);
	return Number(row.id);
}

async function startAttempt(client: Client, quiz: number): Promise<number> {
	const res = await client.post(`/quizzes/${quiz}?/start`, {});
	expect(res.status).toBe(303);
	return Number(/\/attempts\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

const LESSON = 'science-of-massage/circulation-toxins-and-lactate';

describe('taking a quiz', () => {
	it('never puts answers, weights, feedback or explanations in the page before submission', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const attempt = await startAttempt(client, await quizId(`${LESSON}/quiz`));
		const html = await client.text(`/attempts/${attempt}`);
		const { questions } = await attemptAnswers(server.databaseUrl, attempt);
		expect(html).toContain('Submit answers');
		for (const q of questions) {
			if (q.explanation) expect(html).not.toContain(q.explanation.slice(0, 40));
			if ('choices' in q) for (const c of q.choices) if (c.feedback) expect(html).not.toContain(c.feedback.slice(0, 30));
			if (q.type === 'truefalse' && q.feedbackRight) expect(html).not.toContain(q.feedbackRight.slice(0, 30));
			if (q.type === 'short') for (const a of q.answers) expect(html.toLowerCase()).not.toContain(`value="${a.text.toLowerCase()}"`);
		}
		expect(html).not.toMatch(/weight|explanation|feedback/i);
		// Source-order ids ("a", "b", "o1") are masked per attempt.
		expect(html).not.toMatch(/name="q\d+" value="[a-f]"/);
	});

	it('grades on the server, shows the score, and reveals right answers only as the policy allows', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const quiz = await quizId(`${LESSON}/quiz`);
		let attempt = await startAttempt(client, quiz);
		const wrong = await attemptAnswers(server.databaseUrl, attempt, { wrong: true });
		let res = await client.post(`/attempts/${attempt}?/submit`, wrong.fields);
		expect(res.headers.get('location')).toBe(`/attempts/${attempt}/result`);
		let html = await client.text(`/attempts/${attempt}/result`);
		expect(html).toContain('not passed');
		expect(html).toContain('Incorrect');
		expect(html).not.toContain('Right answer:'); // lesson checks show right answers after passing

		attempt = await startAttempt(client, quiz);
		const right = await attemptAnswers(server.databaseUrl, attempt);
		res = await client.post(`/attempts/${attempt}?/submit`, right.fields);
		html = await client.text(`/attempts/${attempt}/result`);
		expect(html).toContain('100%, passed');
		expect(html).toContain('Right answer:');
		expect(html).toContain('Source:');
	});

	it('autosaves answers that survive a server restart', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const attempt = await startAttempt(client, await quizId(`${LESSON}/quiz`));
		const { fields } = await attemptAnswers(server.databaseUrl, attempt);
		const res = await client.post(`/attempts/${attempt}?/save`, fields);
		expect(res.status).toBe(200);
		await server.restart();
		const html = await client.text(`/attempts/${attempt}`);
		const [name, value] = Object.entries(fields).find(([, v]) => typeof v === 'string' && /^x/.test(v))!;
		expect(html).toMatch(new RegExp(`name="${name.replace('.', '\\.')}" value="${value}" checked`));
	});

	it('submitting twice at once yields one graded attempt and the same result', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const attempt = await startAttempt(client, await quizId(`${LESSON}/quiz`));
		const { fields } = await attemptAnswers(server.databaseUrl, attempt);
		const [a, b] = await Promise.all([
			client.post(`/attempts/${attempt}?/submit`, fields),
			client.post(`/attempts/${attempt}?/submit`, fields)
		]);
		expect(a.headers.get('location')).toBe(`/attempts/${attempt}/result`);
		expect(b.headers.get('location')).toBe(`/attempts/${attempt}/result`);
		const rows = await sqlOn(server.databaseUrl, 'SELECT status, percent FROM attempts WHERE id = ?', [attempt]);
		expect(rows).toHaveLength(1);
		expect(rows[0].percent).toBe(100);
		const again = await client.post(`/attempts/${attempt}?/submit`, {});
		expect(again.headers.get('location')).toBe(`/attempts/${attempt}/result`);
		expect((await sqlOn(server.databaseUrl, 'SELECT percent FROM attempts WHERE id = ?', [attempt]))[0].percent).toBe(100);
		// A second start while nothing is open begins attempt 2, never two at once.
		const quiz = await quizId(`${LESSON}/quiz`);
		const [s1, s2] = await Promise.all([client.post(`/quizzes/${quiz}?/start`, {}), client.post(`/quizzes/${quiz}?/start`, {})]);
		expect(s1.headers.get('location')).toBe(s2.headers.get('location'));
	});

	it('refuses attempts beyond the maximum with a clear message', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const finalExam = await quizId('safe-practice-on-the-care-team/final');
		for (let i = 0; i < 3; i++) {
			const attempt = await startAttempt(client, finalExam);
			await client.post(`/attempts/${attempt}?/submit`, {});
		}
		const res = await client.post(`/quizzes/${finalExam}?/start`, {});
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('used all 3 attempts');
	});

	it('changes nothing when a stale tab saves to an attempt already submitted', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		const [user] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
		const attempt = await startAttempt(client, await quizId(`${LESSON}/quiz`));
		// Every answer blank: each question becomes a missed review question, due again in minutes.
		expect((await client.post(`/attempts/${attempt}?/submit`, {})).status).toBe(303);
		const snapshot = async () => ({
			activity: await sqlOn(server.databaseUrl, 'SELECT day, seconds, events FROM activity_days WHERE user_id = ?', [Number(user.id)]),
			cards: await sqlOn(server.databaseUrl, 'SELECT id, due, reps, lapses, state FROM review_cards WHERE user_id = ? ORDER BY id', [Number(user.id)])
		});
		const before = await snapshot();
		expect(before.cards.length).toBeGreaterThan(0);
		// The second tab's autosave arrives after the first tab submitted.
		const stale = await client.post(`/attempts/${attempt}?/save`, { q0: 'x' }, { 'x-sveltekit-action': 'true', accept: 'application/json' });
		expect(await stale.text()).toContain('already been submitted');
		expect(await snapshot()).toEqual(before);
	});

	it('closes an attempt whose time ran out, grading only what was saved in time', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		const finalExam = await quizId('science-of-massage/final');
		const attempt = await startAttempt(client, finalExam);
		const { fields } = await attemptAnswers(server.databaseUrl, attempt);
		const [firstName] = Object.keys(fields);
		await client.post(`/attempts/${attempt}?/save`, { [firstName]: fields[firstName] });
		// Time passes: the deadline (45 minutes) is now two minutes ago.
		await sqlOn(server.databaseUrl, 'UPDATE attempts SET deadline_at = ? WHERE id = ?', [Date.now() - 120_000, attempt]);
		// With JavaScript the autosave gets a 409 and the message; a plain form post lands on the result page.
		const late = await client.post(`/attempts/${attempt}?/save`, fields, { 'x-sveltekit-action': 'true', accept: 'application/json' });
		expect(await late.text()).toContain('Time is up');
		const plain = await client.post(`/attempts/${attempt}?/save`, fields);
		expect(plain.headers.get('location')).toBe(`/attempts/${attempt}/result`);
		const [row] = await sqlOn(server.databaseUrl, 'SELECT status, expired, points FROM attempts WHERE id = ?', [attempt]);
		expect(row.status).toBe('submitted');
		expect(row.expired).toBe(1);
		expect(Number(row.points)).toBeLessThanOrEqual(2);
		const submit = await client.post(`/attempts/${attempt}?/submit`, fields);
		expect(submit.headers.get('location')).toBe(`/attempts/${attempt}/result`);
		expect(await client.text(`/attempts/${attempt}/result`)).toContain('time limit ran out');
	});

	it("refuses another student's attempt: no page, no saving, no submitting", async () => {
		const owner = new Client(server.url);
		await registerUser(owner);
		const attempt = await startAttempt(owner, await quizId(`${LESSON}/quiz`));
		const intruder = new Client(server.url);
		await registerUser(intruder);
		expect((await intruder.get(`/attempts/${attempt}`)).status).toBe(404);
		expect((await intruder.get(`/attempts/${attempt}/result`)).status).toBe(404);
		expect((await intruder.post(`/attempts/${attempt}?/save`, { q0: 'x' })).status).toBe(404);
		expect((await intruder.post(`/attempts/${attempt}?/submit`, {})).status).toBe(404);
		const [row] = await sqlOn(server.databaseUrl, 'SELECT status FROM attempts WHERE id = ?', [attempt]);
		expect(row.status).toBe('open');
		expect((await new Client(server.url).get(`/attempts/${attempt}`)).status).toBe(303);
	});
});

describe('progress', () => {
	it('completes a lesson only after reaching its end and passing its check, and shows it on the dashboard after a restart', async () => {
		const client = new Client(server.url);
		await registerUser(client);
		// Loading the page (or its data, as a hover preload does) records nothing: no enrolment, no "Continue".
		expect((await client.get(`/courses/${LESSON}`)).status).toBe(200);
		expect((await client.get(`/courses/${LESSON}/__data.json`)).status).toBe(200);
		let dash = await client.text('/dashboard');
		expect(dash).not.toContain('lessons complete');
		// The open page's first heartbeat records the visit.
		const [course, lesson] = LESSON.split('/');
		await client.request('/api/progress/heartbeat', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ course, lesson, section: null })
		});
		dash = await client.text('/dashboard');
		expect(dash).toContain('0 of 6 lessons complete');

		const quiz = await quizId(`${LESSON}/quiz`);
		const attempt = await startAttempt(client, quiz);
		await client.post(`/attempts/${attempt}?/submit`, (await attemptAnswers(server.databaseUrl, attempt)).fields);
		dash = await client.text('/dashboard');
		expect(dash).toContain('0 of 6 lessons complete'); // passed the check, but has not finished reading

		const finish = await client.post(`/courses/${LESSON}?/finish`, {});
		expect(finish.headers.get('location')).toBe(`/quizzes/${quiz}`);
		await server.restart();
		dash = await client.text('/dashboard');
		expect(dash).toContain('1 of 6 lessons complete');
		expect(dash).toContain('Lesson check: Circulation');
		expect(await client.text(`/courses/${LESSON}`)).toContain('You have completed this lesson.');
	});

	it('records reading time from heartbeats, capped, and only for signed-in students', async () => {
		const anon = await fetch(`${server.url}/api/progress/heartbeat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ course: 'science-of-massage', lesson: 'weighing-the-evidence', section: null })
		});
		expect(anon.status).toBe(401);
		const client = new Client(server.url);
		await registerUser(client);
		await client.get('/courses/science-of-massage/weighing-the-evidence');
		for (let i = 0; i < 5; i++) {
			const res = await client.request('/api/progress/heartbeat', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ course: 'science-of-massage', lesson: 'weighing-the-evidence', section: 'how-big-is-the-effect' })
			});
			expect(res.status).toBe(200);
		}
		const rows = await sqlOn(server.databaseUrl, 'SELECT active_seconds, last_section FROM lesson_progress WHERE last_section IS NOT NULL');
		expect(rows.length).toBeGreaterThan(0);
		// Five heartbeats sent back to back add (almost) nothing: time is counted from the previous one.
		expect(Number(rows[0].active_seconds)).toBeLessThanOrEqual(2);
		expect(await client.text('/dashboard')).toContain('#how-big-is-the-effect');
	});
});
