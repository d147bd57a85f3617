// The studio and admin screens in a non-technical provider's words: the correct-answer choice sets the weights
// without JavaScript, citations come only from the bibliography, the audit log names people and courses, and the
// class view names lessons and says who passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { createUserWithCli } from '../helpers/cli';
import { Client, STRONG_PASSWORD, logIn, registerUser, uniqueEmail } from '../helpers/client';
import { quizIdOf, takeQuiz } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const SCIENCE = 'science-of-massage';
let server: TestServer;
let admin: Client;
let course: number;

async function one(sql: string, args: (string | number)[] = []) {
	const [row] = await sqlOn(server.databaseUrl, sql, args);
	return row;
}

async function staff(role: 'admin' | 'instructor', name: string) {
	const email = uniqueEmail(role);
	const cli = await createUserWithCli(server.databaseUrl, { email, name, role }, STRONG_PASSWORD);
	expect(cli.status, cli.stderr).toBe(0);
	await new Promise((resolve) => setTimeout(resolve, 50));
	const client = new Client(server.url);
	expect((await logIn(client, email)).status).toBe(303);
	return { client, email, id: Number((await one('SELECT id FROM users WHERE email = ?', [email])).id) };
}

/** The page's text without markup, whitespace collapsed. */
function textOf(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ');
}

let instructor: Awaited<ReturnType<typeof staff>>;
beforeAll(async () => {
	server = await startServer();
	admin = (await staff('admin', 'Ada Admin')).client;
	course = Number((await one('SELECT id FROM courses WHERE slug = ?', [SCIENCE])).id);
	instructor = await staff('instructor', 'Ines Instructor');
	expect((await admin.post('/admin/courses?/assign', { courseId: String(course), email: instructor.email })).status).toBe(200);
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

async function newQuiz(): Promise<number> {
	const res = await instructor.client.post(`/instructor/courses/${course}/quizzes/new`, { title: 'Provider quiz', description: '', kind: 'practice', lessonId: '' });
	expect(res.status).toBe(303);
	return Number(/\/instructor\/quizzes\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

/** Editor fields as the page renders them: each weight posted with the hidden copy of what was shown. */
function options(texts: string[], weights: string[]): Record<string, string> {
	return Object.fromEntries(texts.flatMap((text, i) => [[`r${i}.text`, text], [`r${i}.weight`, weights[i]], [`r${i}.shown`, weights[i]], [`r${i}.feedback`, '']]));
}

async function savedWeights(quizId: number): Promise<number[]> {
	const rows = await sqlOn(
		server.databaseUrl,
		'SELECT q.data FROM quiz_questions qq JOIN questions q ON q.id = qq.question_id WHERE qq.quiz_id = ? ORDER BY qq.position DESC LIMIT 1',
		[quizId]
	);
	return (JSON.parse(String(rows[0].data)).choices as { weight: number }[]).map((c) => c.weight);
}

describe('question editor without JavaScript', () => {
	it('stores 100% for the option marked correct, and equal shares for marked multiple-response options', async () => {
		const quiz = await newQuiz();
		const single = await instructor.client.post(`/instructor/quizzes/${quiz}/questions/new?/save`, {
			type: 'single',
			text: 'Which recovery clears lactate fastest?',
			points: '1',
			correct: '2',
			...options(['Massage', 'Passive rest', 'Active recovery'], ['100', '0', '0'])
		});
		expect(single.status, await single.clone().text()).toBe(303);
		expect(await savedWeights(quiz)).toEqual([0, 0, 100]);

		const multiple = await instructor.client.post(`/instructor/quizzes/${quiz}/questions/new?/save`, {
			type: 'multiple',
			text: 'Which raise the risk of a clot?',
			points: '1',
			'r0.correct': 'on',
			'r2.correct': 'on',
			...options(['Recent surgery', 'Regular running', 'Oral contraception', 'Low blood pressure'], ['0', '0', '0', '0'])
		});
		expect(multiple.status).toBe(303);
		expect(await savedWeights(quiz)).toEqual([50, -50, 50, -50]);
	});

	it('keeps a weight edited under Advanced', async () => {
		const quiz = await newQuiz();
		const fields = { type: 'single', text: 'Partial credit?', points: '1', correct: '0', ...options(['Best', 'Nearly'], ['100', '0']) };
		const res = await instructor.client.post(`/instructor/quizzes/${quiz}/questions/new?/save`, { ...fields, 'r1.weight': '50' });
		expect(res.status).toBe(303);
		expect(await savedWeights(quiz)).toEqual([100, 50]);
		// The edit page marks the best option correct and shows the custom credit under an open Advanced section.
		const questionId = Number((await one('SELECT question_id FROM quiz_questions WHERE quiz_id = ?', [quiz])).question_id);
		const html = await instructor.client.text(`/instructor/quizzes/${quiz}/questions/${questionId}`);
		expect(html).toMatch(/<input type="radio" name="correct" value="0"[^>]*checked/);
		expect(html).toMatch(/<details class="advanced[^"]*" open/);
		expect(textOf(html)).toContain('Custom credit if chosen: 50%');
		expect(html).toMatch(/<textarea id="r1-text" name="r1.text"/);
		expect(html).toMatch(/<textarea id="r1-feedback" name="r1.feedback"/);
	});

	it('refuses a citation key that is not in the bibliography, with the message at the field', async () => {
		const quiz = await newQuiz();
		const res = await instructor.client.post(`/instructor/quizzes/${quiz}/questions/new?/save`, {
			type: 'single',
			text: 'Cited?',
			points: '1',
			cite: 'madeup2031',
			correct: '0',
			...options(['Yes', 'No'], ['100', '0'])
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toMatch(/<p class="field-error[^"]*" id="q-cite-error">“madeup2031” is not a source in the course bibliography/);
		expect(html).toMatch(/<input[^>]*id="q-cite"[^>]*aria-invalid="true"/);
		expect(html).toMatch(/<input[^>]*value="madeup2031"/);
		expect(Number((await one('SELECT count(*) AS n FROM quiz_questions WHERE quiz_id = ?', [quiz])).n)).toBe(0);

		// The picker lists the bibliography by author, year and title; a listed key saves.
		const page = await instructor.client.text(`/instructor/quizzes/${quiz}/questions/new`);
		expect(page).toMatch(/<datalist id="q-cite-list">/);
		expect(page).toContain('<option value="wiltshire2010">Wiltshire EV, et al. (2010) Massage impairs');
		const ok = await instructor.client.post(`/instructor/quizzes/${quiz}/questions/new?/save`, {
			type: 'single',
			text: 'Cited?',
			points: '1',
			cite: 'wiltshire2010',
			correct: '0',
			...options(['Yes', 'No'], ['100', '0'])
		});
		expect(ok.status).toBe(303);
	});
});

describe('audit log', () => {
	it('names the people, courses and quizzes of each event, and says when a record was deleted', async () => {
		const sam = new Client(server.url);
		const { email } = await registerUser(sam, 'Sam Student');
		const samId = Number((await one('SELECT id FROM users WHERE email = ?', [email])).id);
		expect((await admin.post('/admin/users?/role', { userId: String(samId), role: 'instructor' })).status).toBe(200);
		await sqlOn(server.databaseUrl, "INSERT INTO audit_events (action, actor_id, target, detail) VALUES ('course.assign', NULL, ?, 'assigned user:999999')", [
			`course:${course}`
		]);
		const quiz = await newQuiz();
		expect((await instructor.client.post(`/instructor/quizzes/${quiz}?/delete`, { confirm: 'yes' })).status).toBe(303);

		const text = textOf(await admin.text('/admin/audit'));
		expect(text).toContain('Assigned Ines Instructor to The Science of Massage');
		expect(text).toContain('Changed Sam Student’s role from student to instructor');
		expect(text).toContain('Deleted the quiz “Provider quiz”');
		expect(text).toContain('Assigned user #999999 (deleted) to The Science of Massage');
	});
});

describe('class view', () => {
	it('names each lesson check by its lesson and marks who passed it in words', async () => {
		const student = new Client(server.url);
		await registerUser(student, 'Pat Passer');
		const lessons = await sqlOn(server.databaseUrl, 'SELECT slug, title FROM lessons WHERE course_id = ? AND active = 1 ORDER BY position LIMIT 2', [course]);
		await student.get(`/courses/${SCIENCE}/${lessons[0].slug}`);
		await takeQuiz(student, server, await quizIdOf(server, `${SCIENCE}/${lessons[0].slug}/quiz`), { wrong: true });
		await student.get(`/courses/${SCIENCE}/${lessons[1].slug}`);
		await takeQuiz(student, server, await quizIdOf(server, `${SCIENCE}/${lessons[1].slug}/quiz`));

		const text = textOf(await instructor.client.text(`/instructor/courses/${course}/class?q=Pat`));
		expect(text).toContain(`Best score, Check: ${lessons[0].title}`);
		expect(text).toContain(`Best score, Check: ${lessons[1].title}`);
		expect(text).toContain('Final exam');
		expect(text).toMatch(/Pat Passer .* 0% Not passed 100% Passed/);
	});
});
