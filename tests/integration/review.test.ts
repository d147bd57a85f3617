import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { Client, registerUser } from '../helpers/client';
import { quizIdOf, takeQuiz } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

const LESSON = 'science-of-massage/touch-and-the-nervous-system';

async function cardsOf(email: string) {
	return sqlOn(
		server.databaseUrl,
		`SELECT c.id, c.quiz_id, c.due, c.reps, c.state, c.lapses FROM review_cards c JOIN users u ON u.id = c.user_id WHERE u.email = ? ORDER BY c.id`,
		[email]
	);
}

/** Answers the card shown on /review (with the form as rendered) and returns the rate form's hidden fields. */
async function showAnswer(client: Client) {
	const html = await client.text('/review');
	const card = /name="card" value="(\d+)"/.exec(html);
	if (!card) return null;
	const reps = /name="reps" value="(\d+)"/.exec(html)![1];
	const res = await client.post('/review?/answer', { card: card[1], reps });
	return { card: card[1], reps, html: await res.text() };
}

describe('review cards', () => {
	it('turns answered questions into cards: missed ones due within minutes, known ones days later', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		await takeQuiz(client, server, await quizIdOf(server, `${LESSON}/quiz`));
		const known = await cardsOf(email);
		expect(known.length).toBeGreaterThanOrEqual(4);
		for (const card of known) expect(Number(card.due) - Date.now()).toBeGreaterThan(86_400_000);

		const other = new Client(server.url);
		const second = await registerUser(other);
		await takeQuiz(other, server, await quizIdOf(server, `${LESSON}/quiz`), { wrong: true });
		for (const card of await cardsOf(second.email)) expect(Number(card.due) - Date.now()).toBeLessThan(15 * 60_000);
	});

	it('hides cards while the quiz policy hides answers or an attempt is open, then shows them', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		const quiz = await quizIdOf(server, `${LESSON}/quiz`);
		await takeQuiz(client, server, quiz, { wrong: true });
		// Lesson checks reveal right answers only after passing: the missed cards wait.
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)', [Date.now() - 1000, email]);
		let html = await client.text('/review');
		expect(html).toContain('Nothing is due right now');
		expect(html).toMatch(/\d+ more wait until their quiz lets you see the answers/);

		await takeQuiz(client, server, quiz);
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)', [Date.now() - 1000, email]);
		html = await client.text('/review');
		expect(html).toContain('Show answer');

		// An open attempt at the same quiz hides its cards again.
		await client.post(`/quizzes/${quiz}?/start`, {});
		expect(await client.text('/review')).toContain('Nothing is due right now');
	});

	it('shows the right answer and explanation, reschedules on rating, and records one review for a double submit', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		await takeQuiz(client, server, await quizIdOf(server, `${LESSON}/quiz`));
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)', [Date.now() - 1000, email]);
		const shown = (await showAnswer(client))!;
		expect(shown.html).toContain('Right answer:');
		expect(shown.html).toMatch(/No answer given|Not quite/);

		const rate = () => client.post('/review?/rate', { card: shown.card, reps: shown.reps, rating: 'easy' });
		const [a, b] = await Promise.all([rate(), rate()]);
		expect(a.status).toBe(200);
		expect(b.status).toBe(200);
		const logs = await sqlOn(server.databaseUrl, 'SELECT rating FROM review_logs WHERE card_id = ?', [shown.card]);
		expect(logs).toHaveLength(1);
		// An unanswered card is graded "again" whatever the student claims.
		expect(logs[0].rating).toBe('again');
		const [card] = await sqlOn(server.databaseUrl, 'SELECT due, reps FROM review_cards WHERE id = ?', [shown.card]);
		expect(Number(card.reps)).toBe(Number(shown.reps) + 1);
		expect(Number(card.due) - Date.now()).toBeLessThan(15 * 60_000);
	});

	it("refuses to review another student's card", async () => {
		const owner = new Client(server.url);
		const { email } = await registerUser(owner);
		await takeQuiz(owner, server, await quizIdOf(server, `${LESSON}/quiz`));
		const [card] = await cardsOf(email);
		const intruder = new Client(server.url);
		await registerUser(intruder);
		const res = await intruder.post('/review?/rate', { card: String(card.id), reps: String(card.reps), rating: 'good' });
		expect(res.status).toBe(404);
		expect(await sqlOn(server.databaseUrl, 'SELECT id FROM review_logs WHERE card_id = ?', [Number(card.id)])).toHaveLength(0);
	});

	it('limits new cards per day and validates settings', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		await takeQuiz(client, server, await quizIdOf(server, `${LESSON}/quiz`));
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)', [Date.now() - 1000, email]);
		expect((await client.post('/review?/settings', { dailyNewLimit: '1000', retention: '90' })).status).toBe(400);
		expect((await client.post('/review?/settings', { dailyNewLimit: '1', retention: '90' })).status).toBe(200);
		const shown = (await showAnswer(client))!;
		await client.post('/review?/rate', { card: shown.card, reps: shown.reps, rating: 'good' });
		const html = await client.text('/review');
		expect(html).toContain('Nothing is due right now');
		const dash = await client.text('/dashboard');
		expect(dash).toContain('Questions due over the next 14 days');
		expect(dash).toMatch(/Recalled \d+% of 1 reviews/);
	});

	it('makes a card of a knowledge check answered in a lesson', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		const page = await client.text(`/courses/${LESSON}`);
		const check = /name="check" value="([^"]+)"/.exec(page)![1];
		const answer = /name="answer" value="([^"]+)"/.exec(page)![1];
		await client.post(`/courses/${LESSON}?/check`, { check, answer });
		const cards = await cardsOf(email);
		expect(cards).toHaveLength(1);
		expect(cards[0].quiz_id).toBeNull();

		// A second student's card of the same check shows the same stored question version (no bank question).
		const second = new Client(server.url);
		const other = await registerUser(second);
		await second.get(`/courses/${LESSON}`);
		await second.post(`/courses/${LESSON}?/check`, { check, answer });
		const versions = await sqlOn(
			server.databaseUrl,
			'SELECT c.version_id, v.question_id, v.snapshot FROM review_cards c JOIN users u ON u.id = c.user_id JOIN question_versions v ON v.id = c.version_id WHERE u.email IN (?, ?) ORDER BY c.id',
			[email, other.email]
		);
		expect(versions).toHaveLength(2);
		expect(versions[1].version_id).toBe(versions[0].version_id);
		expect(versions[0].question_id).toBeNull();
		expect(page).toContain(String(JSON.parse(String(versions[0].snapshot)).text).slice(0, 20));
	});

	it('shows instructors which questions students forget most', async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		await takeQuiz(client, server, await quizIdOf(server, `${LESSON}/quiz`));
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)', [Date.now() - 1000, email]);
		const teacher = new Client(server.url);
		const t = await registerUser(teacher, 'Tess Teacher');
		await sqlOn(server.databaseUrl, "UPDATE users SET role = 'instructor' WHERE email = ?", [t.email]);
		await sqlOn(server.databaseUrl, "INSERT INTO course_instructors (user_id, course_id) SELECT u.id, c.id FROM users u, courses c WHERE u.email = ? AND c.slug = 'science-of-massage'", [t.email]);
		const analytics = `/instructor/quizzes/${await quizIdOf(server, `${LESSON}/quiz`)}/analytics`;
		// Viewed before the lapse: the ranking the server keeps for a minute must still show the lapse right away.
		expect(await teacher.text(analytics)).toContain('Forgotten most in review');

		// A card the student knew comes back wrong: a lapse.
		const shown = (await showAnswer(client))!;
		await client.post('/review?/rate', { card: shown.card, reps: shown.reps, rating: 'good' });
		const [card] = await sqlOn(server.databaseUrl, 'SELECT lapses FROM review_cards WHERE id = ?', [shown.card]);
		expect(Number(card.lapses)).toBe(1);

		const html = await teacher.text(analytics);
		expect(html).toContain('Forgotten most in review');
		const table = html.slice(html.indexOf('Forgotten most in review')).replace(/<!--[^>]*-->/g, '');
		// Other tests' students share this server: the row of the lapsed question shows every lapse on it.
		const [q] = await sqlOn(
			server.databaseUrl,
			"SELECT SUM(lapses) AS lapses, (SELECT json_extract(v.snapshot, '$.text') FROM review_cards c JOIN question_versions v ON v.id = c.version_id WHERE c.id = ?) AS text FROM review_cards WHERE question_id = (SELECT question_id FROM review_cards WHERE id = ?)",
			[shown.card, shown.card]
		);
		const escaped = String(q.text).slice(0, 30).replace(/&/g, '&amp;').replace(/</g, '&lt;');
		expect(table).toContain(escaped);
		expect(table.slice(table.indexOf(escaped))).toMatch(new RegExp(`^[^<]*</td><td>${q.lapses}</td>`));
	});
});
