import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { createUserWithCli } from '../helpers/cli';
import { Client, STRONG_PASSWORD, logIn, registerUser, uniqueEmail } from '../helpers/client';
import { visibleText } from '../helpers/html';
import { quizIdOf, takeQuiz } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

// The studio tests run with a body limit above the 1 MB import limit, so the import's own size check is reached
// (adapter-node's default BODY_SIZE_LIMIT is 512 KB; see the last test for what happens under it).
let server: TestServer;
let courseA: number;
let courseB: number;
beforeAll(async () => {
	server = await startServer({ env: { BODY_SIZE_LIMIT: '3M' } });
	courseA = await courseIdOf('science-of-massage');
	courseB = await courseIdOf('safe-practice-on-the-care-team');
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

async function courseIdOf(slug: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM courses WHERE slug = ?', [slug]);
	return Number(row.id);
}

async function scalar(sql: string, args: (string | number)[] = []): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, sql, args);
	return Number(Object.values(row)[0]);
}

/** A signed-in instructor assigned to the given courses. */
async function instructorOf(...courseIds: number[]): Promise<Client> {
	const email = uniqueEmail('instructor');
	const cli = await createUserWithCli(server.databaseUrl, { email, name: 'Ida Instructor', role: 'instructor' }, STRONG_PASSWORD);
	expect(cli.status, cli.stderr).toBe(0);
	const [user] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	for (const courseId of courseIds) {
		await sqlOn(server.databaseUrl, 'INSERT INTO course_instructors (user_id, course_id) VALUES (?, ?)', [Number(user.id), courseId]);
	}
	const client = new Client(server.url);
	expect((await logIn(client, email)).status).toBe(303);
	return client;
}

async function student(): Promise<Client> {
	const client = new Client(server.url);
	await registerUser(client);
	return client;
}

/** Creates a draft practice quiz in the course through the page; returns its id. */
async function createQuiz(client: Client, courseId: number, title = 'Studio quiz'): Promise<number> {
	const res = await client.post(`/instructor/courses/${courseId}/quizzes/new`, { title, description: 'Made in a test.', kind: 'practice', lessonId: '' });
	expect(res.status, await res.clone().text()).toBe(303);
	return Number(/\/instructor\/quizzes\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

type Fields = Record<string, string>;
const rows = (list: Fields[]) => Object.fromEntries(list.flatMap((row, i) => Object.entries(row).map(([k, v]) => [`r${i}.${k}`, v])));

/** Editor fields for one question of every type (weights, feedback, several answers, tolerance and range ...). */
const everyType: Record<string, Fields> = {
	single: {
		type: 'single',
		title: 'kc-single',
		text: 'Which clears **lactate** fastest?',
		points: '2',
		explanation: 'Active recovery wins.',
		cite: 'wiltshire2010',
		tags: 'lactate, recovery',
		...rows([
			{ text: 'Active recovery', weight: '100', feedback: 'Yes.' },
			{ text: 'Massage', weight: '0', feedback: 'No: it slowed clearance.' },
			{ text: 'Passive rest', weight: '50', feedback: '' }
		])
	},
	multiple: {
		type: 'multiple',
		text: 'Which are *true*?',
		points: '1',
		tags: 'evidence',
		...rows([
			{ text: 'A', weight: '50', feedback: 'Half' },
			{ text: 'B', weight: '50', feedback: '' },
			{ text: 'C', weight: '-100', feedback: 'Negative' },
			{ text: 'D', weight: '0', feedback: '' }
		])
	},
	truefalse: { type: 'truefalse', text: 'Massage flushes lactate.', points: '1', answer: 'false', feedbackRight: 'Right.', feedbackWrong: 'See Wiltshire.' },
	short: {
		type: 'short',
		text: 'Name the molecule.',
		points: '1',
		...rows([
			{ text: 'lactate', weight: '100', feedback: 'Yes' },
			{ text: 'lactic acid', weight: '50', feedback: 'Close' }
		])
	},
	numeric: {
		type: 'numeric',
		text: 'How many minutes?',
		points: '1',
		...rows([
			{ kind: 'tolerance', value: '20', tolerance: '2', weight: '100', feedback: 'Good' },
			{ kind: 'range', min: '10', max: '30', weight: '50', feedback: 'Roughly' }
		])
	},
	matching: {
		type: 'matching',
		text: 'Match the organ to its job.',
		points: '3',
		...rows([
			{ prompt: 'Heart', answer: 'Pump' },
			{ prompt: 'Lung', answer: 'Gas exchange' },
			{ prompt: '', answer: 'Digestion' }
		])
	},
	ordering: {
		type: 'ordering',
		text: 'Order by protection against bias.',
		points: '1',
		...rows([{ text: 'Case report' }, { text: 'Cohort study' }, { text: 'RCT' }, { text: 'Systematic review' }])
	}
};

async function addQuestion(client: Client, quizId: number, fields: Fields): Promise<Response> {
	return client.post(`/instructor/quizzes/${quizId}/questions/new?/save`, fields);
}

async function questionIdsOf(quizId: number): Promise<number[]> {
	const rows = await sqlOn(server.databaseUrl, 'SELECT question_id FROM quiz_questions WHERE quiz_id = ? ORDER BY position', [quizId]);
	return rows.map((r) => Number(r.question_id));
}

async function publish(client: Client, quizId: number): Promise<Response> {
	return client.post(`/instructor/quizzes/${quizId}?/publish`, {});
}

const settings = (overrides: Fields = {}): Fields => ({
	title: 'Studio quiz',
	description: '',
	kind: 'practice',
	lessonId: '',
	passingPercent: '70',
	maxAttempts: '',
	gradingMethod: 'highest',
	timeLimitMinutes: '',
	shuffleQuestions: 'on',
	shuffleOptions: 'on',
	drawCount: '',
	reviewCorrectness: 'after-submit',
	reviewFeedback: 'after-submit',
	reviewAnswers: 'after-submit',
	...overrides
});

/** Fields of a multipart form (the import page posts multipart, for file uploads). */
function multipart(fields: Record<string, string>, file?: { name: string; content: string }): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	if (file) form.append('file', new Blob([file.content], { type: 'text/plain' }), file.name);
	return form;
}

async function postMultipart(client: Client, path: string, form: FormData): Promise<Response> {
	return client.request(path, { method: 'POST', body: form, headers: { origin: server.url } });
}

describe('course access', () => {
	it('keeps an instructor of course A out of course B: pages, exports and actions give 403/404 and change nothing', async () => {
		const client = await instructorOf(courseA);
		const quizB = await quizIdOf(server, 'safe-practice-on-the-care-team/final');
		const [questionB] = await questionIdsOf(quizB);
		const quizA = await createQuiz(client, courseA);

		const home = await client.text('/instructor');
		expect(home).toContain('The Science of Massage');
		expect(home).not.toContain('Safe Practice');
		expect(home).not.toContain(`/instructor/quizzes/${quizB}"`);

		const pages = [
			`/instructor/quizzes/${quizB}`,
			`/instructor/quizzes/${quizB}/preview?answers=1`,
			`/instructor/quizzes/${quizB}/export.gift`,
			`/instructor/quizzes/${quizB}/export.json`,
			`/instructor/quizzes/${quizB}/questions/new`,
			`/instructor/quizzes/${quizB}/questions/${questionB}`,
			`/instructor/courses/${courseB}/bank`,
			`/instructor/courses/${courseB}/bank/new`,
			`/instructor/courses/${courseB}/bank/${questionB}`,
			`/instructor/courses/${courseB}/bank/export.gift`,
			`/instructor/courses/${courseB}/bank/export.json`,
			`/instructor/courses/${courseB}/import`,
			`/instructor/courses/${courseB}/quizzes/new`
		];
		for (const path of pages) {
			const res = await client.get(path);
			expect(res.status, path).toBe(403);
			expect(await res.text(), path).not.toMatch(/Contraindication|\/\/ Touchstone export|"questions"/);
		}
		// Course B's question through course A's quiz or bank: not found, never shown.
		expect((await client.get(`/instructor/quizzes/${quizA}/questions/${questionB}`)).status).toBe(404);
		expect((await client.get(`/instructor/courses/${courseA}/bank/${questionB}`)).status).toBe(404);
		expect((await client.get(`/instructor/quizzes/999999`)).status).toBe(404);

		const before = await sqlOn(server.databaseUrl, 'SELECT title, status, deleted_at, passing_percent FROM quizzes WHERE id = ?', [quizB]);
		const questionBefore = await sqlOn(server.databaseUrl, 'SELECT data, deleted_at FROM questions WHERE id = ?', [questionB]);
		const actions: [string, Fields][] = [
			[`/instructor/quizzes/${quizB}?/settings`, settings({ title: 'Hijacked', passingPercent: '1' })],
			[`/instructor/quizzes/${quizB}?/unpublish`, {}],
			[`/instructor/quizzes/${quizB}?/publish`, {}],
			[`/instructor/quizzes/${quizB}?/delete`, { confirm: 'yes' }],
			[`/instructor/quizzes/${quizB}?/duplicate`, {}],
			[`/instructor/quizzes/${quizB}?/move`, { questionId: String(questionB), direction: 'down' }],
			[`/instructor/quizzes/${quizB}?/remove`, { questionId: String(questionB) }],
			[`/instructor/quizzes/${quizB}?/addDraw`, { tag: 'final', count: '1' }],
			[`/instructor/quizzes/${quizB}/questions/new?/save`, everyType.truefalse],
			[`/instructor/quizzes/${quizB}/questions/${questionB}?/save`, { ...everyType.truefalse, text: 'Hijacked' }],
			[`/instructor/courses/${courseB}/bank/new?/save`, everyType.truefalse],
			[`/instructor/courses/${courseB}/bank/${questionB}?/delete`, { confirm: 'yes' }],
			[`/instructor/courses/${courseB}/quizzes/new`, { title: 'Intruder', kind: 'practice' }]
		];
		for (const [path, fields] of actions) expect((await client.post(path, fields)).status, path).toBe(403);
		const importB = await postMultipart(client, `/instructor/courses/${courseB}/import?/confirm`, multipart({ source: 'Q {T}', target: 'bank' }));
		expect(importB.status).toBe(403);

		// Through course A's own URLs, course B's ids are refused too.
		const add = await client.post(`/instructor/quizzes/${quizA}?/addFromBank`, { questionId: String(questionB) });
		expect(add.status).toBe(400);
		expect(await questionIdsOf(quizA)).toEqual([]);
		const editViaA = await client.post(`/instructor/quizzes/${quizA}/questions/${questionB}?/save`, { ...everyType.truefalse, text: 'Hijacked' });
		expect(editViaA.status).toBe(404);
		const importIntoB = await postMultipart(
			client,
			`/instructor/courses/${courseA}/import?/confirm`,
			multipart({ source: '::X:: Is it? {T}', target: 'quiz', quizId: String(quizB) })
		);
		expect(importIntoB.status).toBe(400);
		expect(await importIntoB.text()).toContain('Choose a quiz of this course');

		expect(await sqlOn(server.databaseUrl, 'SELECT title, status, deleted_at, passing_percent FROM quizzes WHERE id = ?', [quizB])).toEqual(before);
		expect(await sqlOn(server.databaseUrl, 'SELECT data, deleted_at FROM questions WHERE id = ?', [questionB])).toEqual(questionBefore);
		expect(await scalar('SELECT count(*) FROM quizzes WHERE title IN (?, ?)', ['Intruder', 'Copy of Final exam: Safe Practice on the Care Team'])).toBe(0);
		expect(await scalar("SELECT count(*) FROM questions WHERE data LIKE '%Hijacked%' OR data LIKE '%Is it?%'")).toBe(0);
	});

	it('refuses the studio to students and signed-out visitors', async () => {
		const client = await student();
		expect((await client.get('/instructor')).status).toBe(403);
		expect((await client.get(`/instructor/courses/${courseA}/bank`)).status).toBe(403);
		expect((await client.post(`/instructor/courses/${courseA}/quizzes/new`, { title: 'x', kind: 'practice' })).status).toBe(403);
		const anon = await new Client(server.url).get('/instructor');
		expect(anon.status).toBe(303);
		expect(anon.headers.get('location')).toContain('/login');
	});
});

describe('authoring', () => {
	it('creates every question type, keeps drafts from students, publishes only a valid quiz, and a student takes it', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Every type');
		for (const fields of Object.values(everyType)) {
			const res = await addQuestion(client, quiz, fields);
			expect(res.status, `${fields.type}: ${await res.clone().text()}`).toBe(303);
		}
		expect(await questionIdsOf(quiz)).toHaveLength(7);

		const learner = await student();
		expect((await learner.get(`/quizzes/${quiz}`)).status).toBe(404); // a draft is invisible

		// A question no answer gets fully right blocks publishing, with a message saying what is wrong.
		const broken = await addQuestion(client, quiz, { type: 'single', text: 'Broken?', points: '1', ...rows([{ text: 'X', weight: '50' }, { text: 'Y', weight: '0' }]) });
		expect(broken.status).toBe(303);
		const refused = await publish(client, quiz);
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('The quiz cannot be published yet');
		expect(html).toContain('Question 8 (Broken?):</strong> has no option worth 100% (the best is worth 50%)');
		expect(await scalar('SELECT count(*) FROM quizzes WHERE id = ? AND status = ?', [quiz, 'draft'])).toBe(1);

		const brokenId = (await questionIdsOf(quiz))[7];
		expect((await client.post(`/instructor/quizzes/${quiz}?/remove`, { questionId: String(brokenId) })).status).toBe(200);
		expect((await publish(client, quiz)).status).toBe(200);
		const audit = await sqlOn(server.databaseUrl, "SELECT detail FROM audit_events WHERE action = 'quiz.publish' AND target = ?", [`quiz:${quiz}`]);
		expect(audit.map((a) => a.detail)).toEqual(['published']);

		expect((await learner.get(`/quizzes/${quiz}`)).status).toBe(200);
		const attempt = await takeQuiz(learner, server, quiz);
		expect(await scalar('SELECT percent FROM attempts WHERE id = ?', [attempt])).toBe(100);

		// Once published, an edit that would leave a question unanswerable is refused (and so is adding one).
		const [singleId] = await questionIdsOf(quiz);
		const breaking = await client.post(`/instructor/quizzes/${quiz}/questions/${singleId}?/save`, { ...everyType.single, 'r0.weight': '0', 'r2.weight': '0' });
		expect(breaking.status).toBe(400);
		expect(await breaking.text()).toContain('This question is in the published quiz “Every type”, and it has no correct option');
		expect((await addQuestion(client, quiz, { type: 'single', text: 'No answer', points: '1', ...rows([{ text: 'X' }, { text: 'Y' }]) })).status).toBe(400);
		expect(await questionIdsOf(quiz)).toHaveLength(7);
	});

	it('saves settings, reorders with up/down buttons, duplicates and soft-deletes with an audit record', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Order me');
		for (const type of ['truefalse', 'short', 'numeric']) await addQuestion(client, quiz, everyType[type]);
		const [first, second, third] = await questionIdsOf(quiz);

		const saved = await client.post(
			`/instructor/quizzes/${quiz}?/settings`,
			settings({ title: 'Order me', passingPercent: '85', maxAttempts: '2', gradingMethod: 'average', timeLimitMinutes: '15', shuffleQuestions: '', drawCount: '2', reviewAnswers: 'after-last-attempt' })
		);
		expect(saved.status).toBe(200);
		const [row] = await sqlOn(server.databaseUrl, 'SELECT * FROM quizzes WHERE id = ?', [quiz]);
		expect(row).toMatchObject({ passing_percent: 85, max_attempts: 2, grading_method: 'average', time_limit_seconds: 900, shuffle_questions: 0, shuffle_options: 1, draw_count: 2, review_answers: 'after-last-attempt' });
		const bad = await client.post(`/instructor/quizzes/${quiz}?/settings`, settings({ passingPercent: '150' }));
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('whole percentage from 0 to 100');
		const unlimited = await client.post(`/instructor/quizzes/${quiz}?/settings`, settings({ title: 'Order me', maxAttempts: '' }));
		expect(unlimited.status).toBe(200);
		expect(await scalar('SELECT max_attempts IS NULL FROM quizzes WHERE id = ?', [quiz])).toBe(1);

		expect((await client.post(`/instructor/quizzes/${quiz}?/move`, { questionId: String(third), direction: 'up' })).status).toBe(200);
		expect(await questionIdsOf(quiz)).toEqual([first, third, second]);
		expect((await client.post(`/instructor/quizzes/${quiz}?/move`, { questionId: String(first), direction: 'down' })).status).toBe(200);
		expect(await questionIdsOf(quiz)).toEqual([third, first, second]);

		const copy = await client.post(`/instructor/quizzes/${quiz}?/duplicate`, {});
		expect(copy.status).toBe(303);
		const copyId = Number(/quizzes\/(\d+)/.exec(copy.headers.get('location')!)![1]);
		expect(await questionIdsOf(copyId)).toEqual([third, first, second]);
		expect(await scalar('SELECT count(*) FROM quizzes WHERE id = ? AND status = ? AND title = ?', [copyId, 'draft', 'Copy of Order me'])).toBe(1);

		const unconfirmed = await client.post(`/instructor/quizzes/${quiz}?/delete`, {});
		expect(unconfirmed.status).toBe(400);
		const deleted = await client.post(`/instructor/quizzes/${quiz}?/delete`, { confirm: 'yes' });
		expect(deleted.headers.get('location')).toBe('/instructor?deleted=1');
		expect(await scalar('SELECT deleted_at IS NOT NULL FROM quizzes WHERE id = ?', [quiz])).toBe(1);
		expect(await scalar("SELECT count(*) FROM audit_events WHERE action = 'quiz.delete' AND target = ?", [`quiz:${quiz}`])).toBe(1);
		expect((await client.get(`/instructor/quizzes/${quiz}`)).status).toBe(404);
		expect(await client.text('/instructor')).not.toContain(`/instructor/quizzes/${quiz}"`);
	});

	it('shows every refusal of the quiz page in the section whose form was sent, without JavaScript', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Refusals');
		await addQuestion(client, quiz, everyType.truefalse);
		const [otherLesson] = await sqlOn(server.databaseUrl, 'SELECT id FROM lessons WHERE course_id = ? LIMIT 1', [courseB]);
		const [foreign] = await sqlOn(server.databaseUrl, 'SELECT id FROM questions WHERE course_id = ? LIMIT 1', [courseB]);
		const cases: [string, Fields, string, string][] = [
			['settings', settings({ title: 'Refusals', kind: 'lesson', lessonId: String(otherLesson.id) }), 'settings-h', 'Choose a lesson of this course.'],
			['move', { questionId: String(foreign.id), direction: 'up' }, 'questions-h', 'That question is not in this quiz.'],
			['remove', { questionId: String(foreign.id) }, 'questions-h', 'That question is not in this quiz.'],
			['addFromBank', { questionId: String(foreign.id) }, 'bank-h', 'not in this course’s bank'],
			['addDraw', { tag: 'no-such-tag', count: '1' }, 'draws-h', 'Choose a tag used in this course’s bank.'],
			['delete', {}, 'copy-h', 'Tick the box to confirm']
		];
		for (const [action, fields, section, message] of cases) {
			const res = await client.post(`/instructor/quizzes/${quiz}?/${action}`, fields);
			expect(res.status, action).toBeGreaterThanOrEqual(400);
			const html = await res.text();
			const start = html.indexOf(`aria-labelledby="${section}"`);
			expect(start, `${action}: section ${section}`).toBeGreaterThan(-1);
			const text = visibleText(html.slice(start, html.indexOf('</section>', start)));
			expect(text, action).toContain(message);
		}
	});

	it('shows the refusals of the other studio pages next to the form that was sent, without JavaScript', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Refusals elsewhere');
		const [question] = await sqlOn(server.databaseUrl, 'SELECT id FROM questions WHERE course_id = ? AND deleted_at IS NULL LIMIT 1', [courseA]);
		const within = (html: string, marker: string) => visibleText(html.slice(html.indexOf(marker), html.indexOf('</form>', html.indexOf(marker))));
		const cases: [string, Fields, string, string][] = [
			[`/instructor/courses/${courseA}/quizzes/new`, { title: '', kind: 'practice', lessonId: '' }, '<main', 'Enter a title.'],
			[`/instructor/quizzes/${quiz}/questions/new?/save`, { ...everyType.truefalse, text: '' }, '<main', 'Enter the question text.'],
			[`/instructor/courses/${courseA}/bank/new?/save`, { ...everyType.truefalse, text: '' }, '<main', 'Enter the question text.'],
			[`/instructor/courses/${courseA}/bank/${question.id}?/delete`, {}, 'action="?/delete"', 'Tick the box to confirm'],
			[`/instructor/courses/${courseA}/import?/preview`, { target: 'bank', format: 'gift', source: '::Broken:: Question {' }, '<main', 'line 1']
		];
		for (const [path, fields, marker, message] of cases) {
			const res = path.includes('/import')
				? await postMultipart(client, path, multipart(fields))
				: await client.post(path, fields);
			expect(res.status, path).toBe(400);
			const html = await res.text();
			expect(html.indexOf(marker), path).toBeGreaterThan(-1);
			expect(within(html, marker), path).toContain(message);
		}
	});

	it('adds option rows and previews without JavaScript, and refuses oversized fields with a message', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA);
		const fields = { ...everyType.single, text: 'Typed but *not saved*' };
		const more = await client.post(`/instructor/quizzes/${quiz}/questions/new?/addRow`, fields);
		expect(more.status).toBe(200);
		const html = await more.text();
		expect(html).toContain('name="r3.text"');
		expect(html).not.toContain('name="r4.text"');
		expect(html).toContain('Typed but *not saved*'); // the textarea keeps what was typed

		const preview = await (await client.post(`/instructor/quizzes/${quiz}/questions/new?/preview`, fields)).text();
		expect(preview).toContain('Typed but <em>not saved</em>'); // rendered Markdown in the preview pane
		expect(await questionIdsOf(quiz)).toEqual([]);

		const long = await addQuestion(client, quiz, { ...fields, text: 'x'.repeat(5001) });
		expect(long.status).toBe(400);
		expect(await long.text()).toContain('The question text can be at most 5,000 characters (it has 5,001).');
		const longOption = await addQuestion(client, quiz, { ...fields, 'r0.text': 'y'.repeat(1001) });
		expect(longOption.status).toBe(400);
		expect(await longOption.text()).toContain('The option text in row 1 can be at most 1,000 characters');
		const longFeedback = await addQuestion(client, quiz, { ...fields, 'r1.feedback': 'z'.repeat(2001) });
		expect(longFeedback.status).toBe(400);
		expect(await longFeedback.text()).toContain('The feedback of row 2 can be at most 2,000 characters');
		expect(await questionIdsOf(quiz)).toEqual([]);
	});

	it('tells students and the studio the same number of questions an attempt asks: deleted ones out, drawn ones in', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Counted alike');
		for (const text of ['Kept one', 'Kept two', 'Deleted later']) await addQuestion(client, quiz, { ...everyType.truefalse, text, tags: 'countpool' });
		const [, , deleted] = await questionIdsOf(quiz);
		// Deleting from the bank is allowed while the quiz is a draft; the quiz keeps the row but must not count it.
		const gone = await client.post(`/instructor/courses/${courseA}/bank/${deleted}?/delete`, { confirm: 'yes' });
		expect(gone.status).toBe(303);
		for (const n of [1, 2]) {
			const made = await client.post(`/instructor/courses/${courseA}/bank/new?/save`, { ...everyType.truefalse, text: `Pool statement ${n}`, tags: 'countpool' });
			expect(made.status).toBe(303);
		}
		expect((await client.post(`/instructor/quizzes/${quiz}?/addDraw`, { tag: 'countpool', count: '2' })).status).toBe(200);
		expect((await publish(client, quiz)).status).toBe(200);
		// Two of its own (one was deleted) plus two drawn from the bank.
		expect(visibleText(await client.text(`/instructor/quizzes/${quiz}`))).toContain('Each attempt asks 4 questions');
		const page = visibleText(await (await student()).text(`/quizzes/${quiz}`));
		expect(page).toMatch(/Questions\s*4\b/);
		const attempt = await takeQuiz(await student(), server, quiz);
		const asked = await sqlOn(server.databaseUrl, 'SELECT question_id FROM attempt_questions WHERE attempt_id = ?', [attempt]);
		expect(asked).toHaveLength(4);
	});

	it('draws N random tagged bank questions into each attempt, never repeating the quiz’s own', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'With draws');
		await addQuestion(client, quiz, { ...everyType.truefalse, tags: 'drawpool' });
		const bank = [1, 2, 3].map((n) => ({ ...everyType.truefalse, text: `Bank statement ${n}`, tags: 'drawpool' }));
		for (const fields of bank) expect((await client.post(`/instructor/courses/${courseA}/bank/new?/save`, fields)).status).toBe(303);
		expect((await client.post(`/instructor/quizzes/${quiz}?/addDraw`, { tag: 'drawpool', count: '2' })).status).toBe(200);
		expect((await client.post(`/instructor/quizzes/${quiz}?/addDraw`, { tag: 'no-such-tag', count: '2' })).status).toBe(400);
		expect((await publish(client, quiz)).status).toBe(200);

		const own = await questionIdsOf(quiz);
		for (let i = 0; i < 3; i++) {
			const attempt = await takeQuiz(await student(), server, quiz);
			const asked = (await sqlOn(server.databaseUrl, 'SELECT question_id FROM attempt_questions WHERE attempt_id = ?', [attempt])).map((r) => Number(r.question_id));
			expect(asked).toHaveLength(3);
			expect(new Set(asked).size).toBe(3);
			expect(asked).toEqual(expect.arrayContaining(own));
		}
	});
});

describe('past attempts', () => {
	it('keep their questions, result page and score after the instructor edits the question text and answers', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Stable results');
		await addQuestion(client, quiz, everyType.single);
		await client.post(`/instructor/quizzes/${quiz}?/settings`, settings({ title: 'Stable results' }));
		expect((await publish(client, quiz)).status).toBe(200);

		const learner = await student();
		const attempt = await takeQuiz(learner, server, quiz);
		const review = (html: string) => html.slice(html.indexOf('<h1'), html.indexOf('</ol>'));
		const before = review(await learner.text(`/attempts/${attempt}/result`));
		expect(before).toContain('100%, passed');
		expect(before).toContain('Which clears <strong>lactate</strong> fastest?');

		// Another student's attempt at the unchanged question refers to the same stored version, as do both cards.
		const other = await student();
		const otherAttempt = await takeQuiz(other, server, quiz);
		const [questionId] = await questionIdsOf(quiz);
		const versionOf = (attemptId: number) => scalar('SELECT version_id FROM attempt_questions WHERE attempt_id = ?', [attemptId]);
		const firstVersion = await versionOf(attempt);
		expect(await versionOf(otherAttempt)).toBe(firstVersion);
		// (Counted through the attempts: a version is shared by content, with any earlier question of equal text.)
		const versionsAsked = () => scalar('SELECT count(DISTINCT version_id) FROM attempt_questions WHERE question_id = ?', [questionId]);
		expect(await versionsAsked()).toBe(1);
		expect(await scalar('SELECT count(DISTINCT version_id) FROM review_cards WHERE question_id = ?', [questionId])).toBe(1);
		const edited = await client.post(`/instructor/quizzes/${quiz}/questions/${questionId}?/save`, {
			...everyType.single,
			text: 'Completely rewritten question',
			...rows([
				{ text: 'Active recovery', weight: '0', feedback: 'Now wrong.' },
				{ text: 'Massage', weight: '100', feedback: 'Now right.' },
				{ text: 'Passive rest', weight: '0', feedback: '' }
			])
		});
		expect(edited.status).toBe(303);
		expect(await scalar("SELECT count(*) FROM questions WHERE id = ? AND data LIKE '%Completely rewritten%'", [questionId])).toBe(1);

		const after = review(await learner.text(`/attempts/${attempt}/result`));
		expect(after).toBe(before);
		expect(after).not.toContain('Completely rewritten');
		expect(await scalar('SELECT percent FROM attempts WHERE id = ?', [attempt])).toBe(100);

		// A new attempt asks the edited question: a second version; the first attempt keeps the first.
		const next = await takeQuiz(learner, server, quiz);
		expect(await learner.text(`/attempts/${next}/result`)).toContain('Completely rewritten question');
		expect(await versionOf(next)).not.toBe(firstVersion);
		expect(await versionOf(attempt)).toBe(firstVersion);
		expect(await versionsAsked()).toBe(2);
		expect(await scalar("SELECT count(*) FROM question_versions WHERE id = ? AND snapshot LIKE '%Completely rewritten%'", [await versionOf(next)])).toBe(1);
		expect(review(await learner.text(`/attempts/${attempt}/result`))).toBe(before);
		// The other student, who has not met the edit, still reviews the question as it was asked.
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE question_id = ?', [Date.now() - 1000, questionId]);
		const card = await other.text('/review');
		expect(card).toContain('Which clears <strong>lactate</strong> fastest?');
		expect(card).not.toContain('Completely rewritten');
		expect(await learner.text('/review')).toContain('Completely rewritten question');
	});
});

/**
 * Every attribute of every tag in the page, read the way a browser tokenizes HTML (quoted values may contain ">"),
 * with entities in values decoded. Text, comments and script/textarea contents are skipped.
 */
function listAttributes(html: string): { tag: string; name: string; value: string }[] {
	const found: { tag: string; name: string; value: string }[] = [];
	const decode = (v: string) =>
		v.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos|#39);/gi, (_, e: string) =>
			e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e.toLowerCase()]
		);
	const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|textarea|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
	const tagPattern = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
	for (const [, tag, attrs] of body.matchAll(tagPattern)) {
		for (const [, name, dq, sq, bare] of attrs.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
			found.push({ tag: tag.toLowerCase(), name: name.toLowerCase(), value: decode(dq ?? sq ?? bare ?? '') });
		}
	}
	return found;
}

describe('instructor Markdown is inert', () => {
	it('shows script tags, onerror attributes and javascript: links as text in the editor, preview, quiz and review', async () => {
		const payload = 'Look <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>';
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'XSS check');
		const saved = await addQuestion(client, quiz, {
			type: 'single',
			text: payload,
			points: '1',
			explanation: `Explained <script>alert(7)</script> [more](javascript:alert(8))`,
			...rows([
				{ text: 'Right <img src=x onerror=alert(5)>', weight: '100', feedback: 'Yes <script>alert(6)</script>' },
				{ text: '[Wrong](javascript:alert(9))', weight: '0', feedback: '' }
			])
		});
		expect(saved.status).toBe(303);
		await client.post(`/instructor/quizzes/${quiz}?/settings`, settings({ title: 'XSS check' }));
		expect((await publish(client, quiz)).status).toBe(200);
		const [questionId] = await questionIdsOf(quiz);

		const learner = await student();
		const start = await learner.post(`/quizzes/${quiz}?/start`, {});
		const attemptPath = start.headers.get('location')!;
		const attemptPage = await learner.text(attemptPath);
		const attempt = await takeQuiz(learner, server, quiz); // submits the open attempt
		expect(attemptPath).toBe(`/attempts/${attempt}`);
		const pages = {
			editor: await client.text(`/instructor/quizzes/${quiz}/questions/${questionId}`),
			preview: await client.text(`/instructor/quizzes/${quiz}/preview?answers=1`),
			quizPage: await client.text(`/instructor/quizzes/${quiz}`),
			attempt: attemptPage,
			result: await learner.text(`/attempts/${attempt}/result`)
		};
		for (const [name, html] of Object.entries(pages)) {
			expect(html, name).not.toMatch(/<script>alert/i);
			const attributes = listAttributes(html);
			expect(attributes.length, name).toBeGreaterThan(50);
			expect(attributes.filter((a) => a.name.startsWith('on')), name).toEqual([]);
			expect(attributes.filter((a) => /^\s*javascript:/i.test(a.value)), name).toEqual([]);
			expect(html.match(/<script\b[^>]*>/g)?.every((tag) => tag.includes('nonce=')), name).toBe(true);
		}
		// The text is there, escaped: students and instructors see it literally.
		for (const name of ['editor', 'preview', 'attempt', 'result'] as const) expect(pages[name], name).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(pages.result).toContain('Right answer:');
		expect(pages.result).toContain('Explained &lt;script&gt;alert(7)');
	});
});

describe('GIFT and JSON', () => {
	async function exportJson(client: Client, quizId: number) {
		const res = await client.get(`/instructor/quizzes/${quizId}/export.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/);
		return (await res.json()) as { questions: { type: string }[] };
	}

	async function importInto(client: Client, title: string, file: { name: string; content: string }): Promise<number> {
		const fields = { format: 'auto', target: 'new', quizTitle: title };
		const preview = await postMultipart(client, `/instructor/courses/${courseA}/import?/preview`, multipart(fields, file));
		expect(preview.status).toBe(200);
		const html = await preview.text();
		expect(html).toContain('Check what will be created');
		const source = /name="source" value="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
		expect(source).toBe(file.content);
		const confirm = await postMultipart(client, `/instructor/courses/${courseA}/import?/confirm`, multipart({ ...fields, source, format: 'auto' }));
		expect(confirm.status).toBe(303);
		return Number(/quizzes\/(\d+)/.exec(confirm.headers.get('location')!)![1]);
	}

	it('round-trips every question type: JSON keeps all of them, GIFT all but ordering', async () => {
		const client = await instructorOf(courseA);
		const quiz = await createQuiz(client, courseA, 'Round trip');
		for (const fields of Object.values(everyType)) expect((await addQuestion(client, quiz, fields)).status).toBe(303);
		const original = await exportJson(client, quiz);
		expect(original.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'short', 'numeric', 'matching', 'ordering']);
		expect(original.questions[4]).toEqual({
			text: 'How many minutes?',
			points: 1,
			tags: [],
			type: 'numeric',
			answers: [
				{ kind: 'tolerance', value: 20, tolerance: 2, weight: 100, feedback: 'Good' },
				{ kind: 'range', min: 10, max: 30, weight: 50, feedback: 'Roughly' }
			]
		});

		const fromJson = await importInto(client, 'From JSON', { name: 'round-trip.json', content: JSON.stringify(original) });
		expect(await exportJson(client, fromJson)).toEqual(original);

		const gift = await client.get(`/instructor/quizzes/${quiz}/export.gift`);
		expect(gift.headers.get('content-disposition')).toBe('attachment; filename="round-trip.gift"');
		const giftText = await gift.text();
		expect(giftText).toContain('// Not included: “Order by protection against bias.” (ordering questions cannot be expressed in GIFT');
		const fromGift = await importInto(client, 'From GIFT', { name: 'round-trip.gift', content: giftText });
		expect(await exportJson(client, fromGift)).toEqual({ questions: original.questions.filter((q) => q.type !== 'ordering') });

		// The bank export holds them too (here: the lactate tag only).
		const bank = await client.get(`/instructor/courses/${courseA}/bank/export.json?tag=lactate`);
		const bankQuestions = ((await bank.json()) as { questions: { text: string }[] }).questions.map((q) => q.text);
		expect(bankQuestions).toContain('Which clears **lactate** fastest?');
	});

	it('saves nothing from a file with a syntax error, and says which line and what was expected', async () => {
		const client = await instructorOf(courseA);
		const count = () => scalar('SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM quizzes)');
		const before = await count();
		const bad = ['::Good:: A fine question {T}', '', '::Bad:: Missing its close {', '=right', '~wrong', '', '::Also good:: Another {F}'].join('\n');
		for (const action of ['preview', 'confirm']) {
			const res = await postMultipart(client, `/instructor/courses/${courseA}/import?/${action}`, multipart({ source: bad, format: 'gift', target: 'new', quizTitle: 'Bad import' }));
			expect(res.status, action).toBe(400);
			const html = await res.text();
			expect(html).toContain('Nothing was saved');
			expect(html).toMatch(/Line 5: expected (&quot;|")}(&quot;|") to close the answer block opened on line 3/);
		}
		const badJson = await postMultipart(client, `/instructor/courses/${courseA}/import?/confirm`, multipart({ source: '{"questions":[{"type":"ordering","text":"x","items":["a"]}]}', target: 'bank' }));
		expect(badJson.status).toBe(400);
		expect(await badJson.text()).toContain('questions[0].items: expected at least 2 items');
		expect(await count()).toBe(before);
	});

	it('refuses files over 1 MB and more than 2,000 questions with a clear message', async () => {
		const client = await instructorOf(courseA);
		const count = () => scalar('SELECT count(*) FROM questions');
		const before = await count();
		const big = `::Big:: ${'x'.repeat(1024 * 1024)} {T}`;
		const upload = await postMultipart(client, `/instructor/courses/${courseA}/import?/preview`, multipart({ target: 'bank' }, { name: 'big.gift', content: big }));
		expect(upload.status).toBe(400);
		expect(await upload.text()).toContain('The file is 1,025 KB; imports are limited to 1 MB (1,024 KB).');
		const many = Array.from({ length: 2001 }, (_, i) => `Q${i} {T}`).join('\n\n');
		const tooMany = await postMultipart(client, `/instructor/courses/${courseA}/import?/preview`, multipart({ source: many, target: 'bank' }));
		expect(tooMany.status).toBe(400);
		expect(await tooMany.text()).toContain('The file has 2,001 questions; one import can hold at most 2,000');
		expect(await count()).toBe(before);
	});

	it('explains an upload refused by a server whose body limit is below 1 MB', async () => {
		const small = await startServer({ env: { BODY_SIZE_LIMIT: '512K' } }); // adapter-node's default limit
		try {
			const email = uniqueEmail('instructor');
			expect((await createUserWithCli(small.databaseUrl, { email, name: 'Ida', role: 'admin' }, STRONG_PASSWORD)).status).toBe(0);
			const client = new Client(small.url);
			await logIn(client, email);
			const form = multipart({ target: 'bank' }, { name: 'big.gift', content: `Big ${'x'.repeat(600 * 1024)} {T}` });
			const res = await client.request(`/instructor/courses/${courseA}/import?/preview`, { method: 'POST', body: form, headers: { origin: small.url } });
			expect(res.status).toBe(413);
			expect(await res.text()).toContain('The upload is larger than this server accepts (512 KB). Imports are limited to 1 MB');
		} finally {
			await small.stop();
			removeServerFiles(small);
		}
	});
});
