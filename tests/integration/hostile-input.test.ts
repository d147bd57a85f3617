// Hostile input against every form, page and endpoint of the app (the list comes from tests/authorization-matrix.ts,
// which another test keeps complete). Three promises:
//  1. Nothing answers 500 and the server logs no error, whatever arrives: script and SQL in every field, path
//     traversal and Unicode tricks in slugs and codes, over-long fields, huge, truncated and malformed bodies,
//     the wrong content type, repeated parameters.
//  2. A refused multi-row write saves nothing (GIFT import, question save, new quiz).
//  3. Script stored through any text field a student, instructor or admin can write never runs in any page that
//     shows it: pages are read with an HTML tokenizer, and only the page's own nonce'd script may appear.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { matrix, type RouteCase } from '../authorization-matrix';
import { attemptAnswers, sqlOn } from '../helpers/answers';
import { Client, logIn, registerUser, STRONG_PASSWORD, uniqueEmail } from '../helpers/client';
import { controlNames, findScriptInjection, formFields, scriptNonce, visibleText } from '../helpers/html';
import { rawRequest, type Answer, type RawInit } from '../helpers/raw-http';
import type { TestServer } from '../helpers/server';
import { useWorld, type Actor, type World } from '../helpers/world';

let server: TestServer;
let world: World;
let spare: { client: Client; email: string };

useWorld(async (s, w) => {
	server = s;
	world = w;
	spare = { client: new Client(server.url), email: uniqueEmail('spare') };
	await registerUser(spare.client, 'Spare Student', spare.email);
});

// ---------------------------------------------------------------------------------------------------------------
// Payloads

const KB = 1024;
/** The test server's BODY_SIZE_LIMIT (3M). */
const bodyLimit = 3 * KB * KB;
const overLimit = (body: string | Buffer | undefined) => body !== undefined && Buffer.byteLength(body) > bodyLimit;
const longText = 'x'.repeat(100 * KB);
const scriptPayloads = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'[click me](javascript:alert(1))',
	'<a href="javascript:alert(1)">x</a>',
	'</textarea></title><script>alert(1)</script>'
];
const sqlPayloads = ["' OR 1=1 --", '"; DROP TABLE users; --', "1' UNION SELECT password_hash FROM users --"];
const trickPayloads = [
	'../../etc/passwd',
	'%2e%2e%2f%2e%2e%2fetc%2fpasswd',
	'%c0%ae%c0%ae/',
	'science-of-massage%00',
	'\u0000',
	'gnp.\u202Eexe',
	'sci\u200Dence\u200B',
	'sсience-of-massage', // Cyrillic "с"
	'\uFEFF\uFFFF\uD800'
];
const numberPayloads = ['-1', '0', '1e309', '0x10', '9'.repeat(40), 'NaN', '1.5', ' 1 '];
const everyPayload = [...scriptPayloads, ...sqlPayloads, ...trickPayloads, ...numberPayloads, longText];

/** Markup that must stay inert wherever it is stored; `m` is a marker to find the text on the page. */
const short = (m: string) => `${m}"><img src=x onerror=alert(1)><svg onload=alert(1)><script>alert(1)</script>`;
const markdown = (m: string) =>
	`${m} <script>alert(1)</script> "><img src=x onerror=alert(1)> <svg onload=alert(1)> [a-${m}](javascript:alert(1)) ` +
	`[b](JaVaScRiPt:alert(1)) [c](java&#x09;script:alert(1)) <javascript:alert(1)> ![d](javascript:alert(1)) ` +
	`<a href="javascript:alert(1)">e</a> <iframe src="javascript:alert(1)"></iframe> [f](  javascript:alert(1))`;
const gift = (text: string) => text.replace(/[~=#{}:\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const clientOf = (actor: Actor) => world.clients[actor];
const sessionCookie = (actor: Actor) => {
	const token = actor === 'anonymous' ? undefined : clientOf(actor).cookie('touchstone_session');
	return token ? `touchstone_session=${token}` : '';
};

async function answerOf(res: Response): Promise<Answer> {
	return {
		status: res.status,
		type: res.headers.get('content-type') ?? '',
		csp: res.headers.get('content-security-policy'),
		location: res.headers.get('location'),
		body: await res.text()
	};
}

/** A request sent exactly as written (see rawRequest), with the actor's session unless a cookie is given. */
const raw = (path: string, init: RawInit & { actor?: Actor } = {}) =>
	rawRequest(server.url, path, { ...init, cookie: init.cookie ?? (init.actor ? sessionCookie(init.actor) : '') });

const form = (fields: [string, string][]) => {
	const body = new URLSearchParams();
	for (const [k, v] of fields) body.append(k, v);
	return body.toString();
};
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

function multipart(fields: [string, string][], boundary = 'hostileBoundary42') {
	const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
	return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a form as the actor's browser would, returning the answer (redirects not followed). */
async function postAs(actor: Actor, path: string, fields: [string, string][] | Record<string, string>) {
	return answerOf(await clientOf(actor).post(path, Array.isArray(fields) ? groupFields(fields) : fields));
}
function groupFields(fields: [string, string][]): Record<string, string | string[]> {
	const grouped: Record<string, string[]> = {};
	for (const [k, v] of fields) (grouped[k] ??= []).push(v);
	return grouped;
}
async function getAs(actor: Actor, path: string) {
	return answerOf(await clientOf(actor).get(path));
}

// ---------------------------------------------------------------------------------------------------------------
// Findings, collected per test and reported together

function checker() {
	const problems: string[] = [];
	return {
		problems,
		/**
		 * No server error; HTML never carries script that is not the page's own. A chunked body (no Content-Length)
		 * over the server's limit may also be refused by closing the connection (`mayClose`), which Node does when it
		 * stops reading it; a declared length over the limit gets a 413 (tests/integration/body-limit.test.ts).
		 */
		answer(label: string, a: Answer, mayClose = false) {
			if (a.status >= 500 || (a.status === 0 && !mayClose)) problems.push(`${label}: status ${a.status} ${a.body.slice(0, 200)}`);
			if (a.type.includes('text/html')) {
				for (const p of findScriptInjection(a.body, scriptNonce(a.csp))) problems.push(`${label}: ${p}`);
			}
		}
	};
}

const errorLines = () =>
	server
		.output()
		.split('\n')
		.map((line, i, all) => ({ line, next: all[i + 1] ?? '' }))
		.filter(({ line, next }) => /\bError\b/.test(line) && /^\s+at /.test(next))
		.map(({ line }) => line);

// ---------------------------------------------------------------------------------------------------------------

describe('stored script never runs where it is shown', () => {
	const m = {
		name: 'xName7',
		provider: 'xProv7',
		course: 'xCourse7',
		quizTitle: 'xQuizT7',
		quizDesc: 'xQuizD7',
		qText: 'xQText7',
		qOption: 'xQOpt7',
		qFeedback: 'xQFb7',
		qExplanation: 'xQExpl7',
		qTag: 'xQTag7',
		reason: 'xReason7',
		giftText: 'xGiftText7',
		giftTitle: 'xGiftTitle7',
		giftOption: 'xGiftOpt7',
		giftTag: 'xGiftTag7',
		newQuiz: 'xNewQuiz7',
		newDesc: 'xNewDesc7'
	};
	const ids = { attempt: 0, importedQuiz: 0, newQuiz: 0, importedQuestion: 0, reissuedCode: '' };

	it('accepts the payloads through every field students, instructors and admins write', { timeout: 120_000 }, async () => {
		const { student, instructor, admin } = { student: 'student', instructor: 'instructor', admin: 'admin' } as const;
		const w = world.ids;

		// Student: account name and self-reported ledger entry.
		expect((await postAs(student, '/account?/name', { name: short(m.name) })).status).toBe(200);
		const earnedOn = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
		const add = await postAs(student, '/ledger?/add', { provider: short(m.provider), title: short(m.course), earnedOn, hours: '1.5', category: 'ethics', format: 'in-person' });
		expect(add.status, add.body.slice(0, 300)).toBe(200);

		// Instructor: the quiz's title and description through its settings form.
		const quizPage = await getAs(instructor, `/instructor/quizzes/${w.quizA}`);
		const settings = formFields(quizPage.body, '?/settings').map(([k, v]): [string, string] =>
			k === 'title' ? [k, short(m.quizTitle)] : k === 'description' ? [k, markdown(m.quizDesc)] : [k, v]
		);
		const saved = await postAs(instructor, `/instructor/quizzes/${w.quizA}?/settings`, settings);
		expect(saved.status, saved.body.slice(0, 300)).toBe(200);
		expect(visibleText(saved.body)).toContain('Settings saved');

		// Instructor: the first question's text, options, feedback, explanation and tags through the editor.
		const editorPath = `/instructor/quizzes/${w.quizA}/questions/${w.questionA}`;
		const editor = await getAs(instructor, editorPath);
		const fields = formFields(editor.body, '?/save').map(([k, v]): [string, string] => {
			if (k === 'text') return [k, markdown(m.qText)];
			if (k === 'explanation') return [k, markdown(m.qExplanation)];
			if (k === 'tags') return [k, `${v}, ${m.qTag}"><img src=x onerror=alert(1)>`];
			if (/^r\d+\.text$/.test(k)) return [k, `${markdown(m.qOption)} ${k}`];
			if (/^r\d+\.feedback$/.test(k)) return [k, markdown(m.qFeedback)];
			return [k, v];
		});
		expect(fields.some(([k]) => k === 'r0.text'), 'the editor form has option rows').toBe(true);
		const edit = await postAs(instructor, `${editorPath}?/save`, fields);
		expect(edit.status, edit.body.slice(0, 500)).toBe(303);

		// Instructor: a GIFT import into a new quiz, and a new quiz of their own.
		const source = [
			`// tags: ${m.giftTag}"><img src=x onerror=alert(1)>, plain`,
			`::${gift(short(m.giftTitle))}::${gift(markdown(m.giftText))} {`,
			`=${gift(markdown(m.giftOption))} #${gift(markdown('xGiftFb7'))}`,
			`~${gift(short('wrong'))} #${gift(short('nope'))}`,
			`####${gift(markdown('xGiftExpl7'))}`,
			'}',
			'',
			`${gift(short('xGiftTF7'))} {T#${gift(short('tfw'))}#${gift(short('tfr'))}}`
		].join('\n');
		const importPath = `/instructor/courses/${w.courseA}/import`;
		const importFields = { source, format: 'gift', target: 'new', quizTitle: short(m.quizTitle + 'I'), quizId: '' };
		const preview = await postAs(instructor, `${importPath}?/preview`, importFields);
		expect(preview.status, preview.body.slice(0, 500)).toBe(200);
		expect(visibleText(preview.body)).toContain(m.giftText);
		expect(findScriptInjection(preview.body, scriptNonce(preview.csp))).toEqual([]);
		const confirmed = await postAs(instructor, `${importPath}?/confirm`, importFields);
		expect(confirmed.status, confirmed.body.slice(0, 500)).toBe(303);
		ids.importedQuiz = Number(/\/instructor\/quizzes\/(\d+)/.exec(confirmed.location!)![1]);
		ids.importedQuestion = Number((await sqlOn(server.databaseUrl, 'SELECT question_id FROM quiz_questions WHERE quiz_id = ? ORDER BY position LIMIT 1', [ids.importedQuiz]))[0].question_id);
		const created = await postAs(instructor, `/instructor/courses/${w.courseA}/quizzes/new`, { title: short(m.newQuiz), description: markdown(m.newDesc), kind: 'practice', lessonId: '' });
		expect(created.status, created.body.slice(0, 500)).toBe(303);
		ids.newQuiz = Number(/\/instructor\/quizzes\/(\d+)/.exec(created.location!)![1]);
		// A draw rule on the imported (hostile) tag shows the tag on the quiz page.
		const draw = await postAs(instructor, `/instructor/quizzes/${ids.newQuiz}?/addDraw`, { tag: `${m.giftTag}"><img src=x onerror=alert(1)>`, count: '1' });
		expect(draw.status, draw.body.slice(0, 300)).toBe(200);

		// Student: a new attempt asks the edited question; submitting it grades and schedules it for review.
		const start = await postAs(student, `/quizzes/${w.quizA}?/start`, {});
		expect(start.status).toBe(303);
		ids.attempt = Number(/\/attempts\/(\d+)/.exec(start.location!)![1]);
		const { fields: answers } = await attemptAnswers(server.databaseUrl, ids.attempt);
		expect((await postAs(student, `/attempts/${ids.attempt}?/save`, Object.entries(answers).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, x])))).status).toBe(200);
		const studentId = w.studentId;
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = ?', [Date.now() + 86_400_000 * 30, studentId]);

		// Admin: revoke the certificate with a hostile reason, then reissue it (the new one carries the hostile name).
		const reason = markdown(m.reason).slice(0, 500);
		const revoke = await postAs(admin, '/admin/certificates?/revoke', { certificateId: String(w.certificate), reason });
		expect(revoke.status, revoke.body.slice(0, 300)).toBe(200);
		const reissue = await postAs(admin, '/admin/certificates?/reissue', { certificateId: String(w.certificate) });
		expect(reissue.status, reissue.body.slice(0, 300)).toBe(200);
		ids.reissuedCode = String((await sqlOn(server.databaseUrl, 'SELECT code FROM certificates WHERE id = (SELECT replaced_by_id FROM certificates WHERE id = ?)', [w.certificate]))[0].code);
	});

	it('shows every payload as text, never as markup, on every page and export', { timeout: 120_000 }, async () => {
		const w = world.ids;
		const check = checker();
		const shown: { actor: Actor; path: string; markers: string[] }[] = [
			{ actor: 'student', path: '/account', markers: [m.name] },
			{ actor: 'student', path: '/dashboard', markers: [m.name] },
			{ actor: 'student', path: '/ledger', markers: [m.provider, m.course] },
			{ actor: 'student', path: '/certificates', markers: [m.name] },
			{ actor: 'student', path: `/quizzes/${w.quizA}`, markers: [m.quizTitle, m.quizDesc] },
			{ actor: 'student', path: `/attempts/${ids.attempt}`, markers: [m.qText, m.qOption, m.quizTitle] },
			// The public page never shows the revocation reason; it must still be free of injected markup.
			{ actor: 'anonymous', path: `/verify/${w.certificateCode}`, markers: [] },
			{ actor: 'anonymous', path: `/verify/${ids.reissuedCode}`, markers: [m.name] },
			{ actor: 'instructor', path: '/instructor', markers: [m.quizTitle, m.newQuiz] },
			{ actor: 'instructor', path: `/instructor/quizzes/${w.quizA}`, markers: [m.quizTitle, m.quizDesc, m.qText] },
			{ actor: 'instructor', path: `/instructor/quizzes/${w.quizA}/questions/${w.questionA}`, markers: [m.qText, m.qOption, m.qFeedback, m.qExplanation, m.qTag] },
			{ actor: 'instructor', path: `/instructor/quizzes/${w.quizA}/preview?answers=1`, markers: [m.qText, m.qOption, m.qFeedback, m.qExplanation] },
			{ actor: 'instructor', path: `/instructor/quizzes/${ids.importedQuiz}`, markers: [m.giftText, m.giftTag] },
			{ actor: 'instructor', path: `/instructor/quizzes/${ids.importedQuiz}/preview?answers=1`, markers: [m.giftText, m.giftOption, 'xGiftFb7', 'xGiftExpl7'] },
			{ actor: 'instructor', path: `/instructor/quizzes/${ids.importedQuiz}/questions/${ids.importedQuestion}`, markers: [m.giftText, m.giftTitle] },
			{ actor: 'instructor', path: `/instructor/quizzes/${ids.newQuiz}`, markers: [m.newQuiz, m.newDesc, m.giftTag] },
			{ actor: 'instructor', path: `/instructor/courses/${w.courseA}/bank`, markers: [m.giftText, m.qText, m.giftTag] },
			{ actor: 'instructor', path: `/instructor/courses/${w.courseA}/bank/${w.questionA}`, markers: [m.qText] },
			{ actor: 'instructor', path: `/instructor/courses/${w.courseA}/class`, markers: [m.name] },
			{ actor: 'admin', path: '/admin/users', markers: [m.name] },
			{ actor: 'admin', path: '/admin/certificates', markers: [m.name, m.reason] }
		];
		for (const { actor, path, markers } of shown) {
			const page = await getAs(actor, path);
			check.answer(`${actor} GET ${path}`, page);
			expect(page.status, `${actor} GET ${path}`).toBe(200);
			const text = visibleText(page.body);
			for (const marker of markers) if (!text.includes(marker)) check.problems.push(`${path} does not show ${marker}`);
		}

		// Submitting the attempt: the result shows the question, feedback and explanation.
		const { fields } = await attemptAnswers(server.databaseUrl, ids.attempt);
		const submit = await postAs('student', `/attempts/${ids.attempt}?/submit`, Object.entries(fields).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, x])));
		expect(submit.status).toBe(303);
		const result = await getAs('student', `/attempts/${ids.attempt}/result`);
		check.answer('GET result', result);
		for (const marker of [m.qText, m.qFeedback, m.qExplanation]) if (!visibleText(result.body).includes(marker)) check.problems.push(`result does not show ${marker}`);
		// Analytics read the attempt's frozen question.
		const analytics = await getAs('instructor', `/instructor/quizzes/${w.quizA}/analytics`);
		check.answer('GET analytics', analytics);
		if (!visibleText(analytics.body).includes(m.qText)) check.problems.push(`analytics does not show ${m.qText}`);

		// Review: only the edited question is due; answering it shows its feedback and explanation.
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = ?', [Date.now() + 86_400_000 * 30, w.studentId]);
		await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = ? AND question_id = ?', [Date.now() - 1000, w.studentId, w.questionA]);
		const review = await getAs('student', '/review');
		check.answer('GET review', review);
		if (!visibleText(review.body).includes(m.qText)) check.problems.push(`review does not show ${m.qText}`);
		const reviewForm = formFields(review.body, '?/answer');
		const answered = await postAs('student', '/review?/answer', [...reviewForm, ['answer', 'not-an-option']]);
		check.answer('POST review answer', answered);
		if (!visibleText(answered.body).includes(m.qExplanation)) check.problems.push(`review answer does not show ${m.qExplanation}`);

		// Every page of the app, as every actor that may see it.
		for (const row of matrix.filter((r) => r.method === 'GET')) {
			for (const actor of ['anonymous', 'student', 'instructor', 'admin'] as const) {
				if (row.expect[actor] !== 'ok') continue;
				const path = row.path(world);
				const page = await getAs(actor, path);
				check.answer(`${actor} GET ${path}`, page);
				if (!page.type.includes('text/html')) {
					// Files and data: never served as something a browser would render as a page.
					expect(page.type, `${path} content type`).not.toMatch(/html|xml|svg/);
				}
			}
		}

		// The class spreadsheet: the name is there as text, in a file that is downloaded rather than rendered.
		const csv = await clientOf('instructor').get(`/instructor/courses/${w.courseA}/class/class.csv`);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
		expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await csv.text()).toContain(m.name);
		for (const exportPath of [`/instructor/quizzes/${ids.importedQuiz}/export.gift`, `/instructor/quizzes/${ids.importedQuiz}/export.json`]) {
			const file = await clientOf('instructor').get(exportPath);
			expect(file.headers.get('content-type'), exportPath).not.toMatch(/html/);
			expect(file.headers.get('x-content-type-options')).toBe('nosniff');
			expect(await file.text()).toContain(m.giftText);
		}

		expect(check.problems).toEqual([]);
	});

	it('refuses names that would read as another (direction overrides, control characters) and prints every script on certificates', { timeout: 60_000 }, async () => {
		for (const name of ['Sam \u202Enosbor', 'Sam\u2066x\u2069', 'Sam\u0000Student', 'Sam\nStudent']) {
			const res = await postAs('student', '/account?/name', { name });
			expect(res.status, JSON.stringify(name)).toBe(400);
			expect(visibleText(res.body)).toContain('text-direction');
		}
		const [{ name: stored }] = await sqlOn(server.databaseUrl, 'SELECT name FROM users WHERE id = ?', [world.ids.studentId]);
		expect(String(stored)).toContain(m.name);

		const name = 'Zoë Ōkubo-Łukasz 山田 محمد 👩‍⚕️';
		expect((await postAs('student', '/account?/name', { name })).status).toBe(200);
		// Reissue the current certificate: the new one carries the new name, on the page, the PDF and the badge.
		const [{ id: current }] = await sqlOn(server.databaseUrl, 'SELECT id FROM certificates WHERE user_id = ? AND replaced_by_id IS NULL ORDER BY id DESC LIMIT 1', [world.ids.studentId]);
		expect((await postAs('admin', '/admin/certificates?/reissue', { certificateId: String(current) })).status).toBe(200);
		const [fresh] = await sqlOn(server.databaseUrl, 'SELECT id, code, holder_name FROM certificates WHERE user_id = ? ORDER BY id DESC LIMIT 1', [world.ids.studentId]);
		expect(fresh.holder_name).toBe(name);
		const verify = await getAs('anonymous', `/verify/${fresh.code}`);
		expect(verify.status).toBe(200);
		expect(visibleText(verify.body)).toContain(name);
		const pdf = await clientOf('student').get(`/certificates/${fresh.id}/certificate.pdf`);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
		const badge = await clientOf('student').get(`/certificates/${fresh.id}/badge.jwt`);
		expect(badge.status).toBe(200);
	});

	it('sends people only to pages of this site after logging in, whatever redirectTo says', { timeout: 60_000 }, async () => {
		const targets = ['//evil.example', '/%5Cevil.example', '/%09/evil.example', '/%0a/evil.example', '/%0d%0a/evil.example', '%2F%2Fevil.example', 'https://evil.example', 'javascript:alert(1)', '/%E3%80%80/x', '/dashboard%00', '/%20/evil.example', '/%E2%80%AE/x'];
		const problems: string[] = [];
		// As a browser reads a Location header: tabs and line breaks dropped, then resolved against the page.
		const lands = (location: string | null) => (location === null ? null : new URL(location.replace(/[\t\n\r]/g, ''), `${server.url}/login`).origin);
		for (const target of targets) {
			const signedIn = await getAs('student', `/login?redirectTo=${target}`);
			const login = await answerOf(await new Client(server.url).post(`/login?redirectTo=${target}`, { email: spare.email, password: STRONG_PASSWORD }));
			for (const [how, res] of [['signed in', signedIn], ['logging in', login]] as const) {
				if (res.status !== 303) problems.push(`${how}, redirectTo=${target}: status ${res.status}`);
				else if (lands(res.location) !== server.url) problems.push(`${how}, redirectTo=${target}: sent to ${JSON.stringify(res.location)}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('echoes hostile input in refused forms and searches as text only', { timeout: 60_000 }, async () => {
		const check = checker();
		const payload = 'xEcho7"><img src=x onerror=alert(1)><script>alert(1)</script>';
		const q = encodeURIComponent(payload);
		for (const [actor, path, echoes] of [
			['anonymous', `/search?q=${q}`, true],
			['admin', `/admin/users?q=${q}`, true],
			['admin', `/admin/certificates?q=${q}`, true],
			['anonymous', `/verify?code=${q}`, true],
			['instructor', `/instructor/quizzes/${world.ids.quizA}?tag=${q}`, false],
			['anonymous', `/login?redirectTo=${encodeURIComponent('javascript:alert(1)')}`, false]
		] as const) {
			const page = await getAs(actor, path);
			check.answer(`${actor} GET ${path}`, page);
			if (echoes && !visibleText(page.body).includes('xEcho7')) check.problems.push(`${path} does not echo the query`);
		}
		const refused: [Actor, string, Record<string, string>][] = [
			['anonymous', '/login', { email: payload, password: 'x' }],
			['anonymous', '/register', { name: payload, email: payload, password: 'short' }],
			['anonymous', '/forgot-password', { email: payload }],
			['student', '/account?/name', { name: payload.repeat(3) }],
			['student', '/ledger?/add', { provider: payload, title: payload, earnedOn: payload, hours: payload, category: payload, format: payload }],
			['student', '/ledger?/profile', { profileId: payload, cycleStart: payload }],
			['instructor', `/instructor/courses/${world.ids.courseA}/quizzes/new`, { title: payload, description: payload, kind: payload, lessonId: payload }],
			['instructor', `/instructor/courses/${world.ids.courseA}/import?/preview`, { source: `::${payload}:: {`, format: 'gift', target: 'new', quizTitle: payload }],
			['instructor', `/instructor/quizzes/${world.ids.quizA}?/addDraw`, { tag: payload, count: payload }],
			['instructor', `/instructor/quizzes/${world.ids.quizA}/questions/new?/save`, { type: 'single', text: markdown('xEcho8'), points: payload, 'r0.text': payload, 'r0.weight': payload }],
			['admin', '/admin/certificates?/revoke', { certificateId: payload, reason: payload }]
		];
		for (const [actor, path, fields] of refused) {
			const res = await postAs(actor, path, fields);
			check.answer(`${actor} POST ${path}`, res);
			expect(res.status, `${actor} POST ${path}`).toBe(400);
		}
		expect(check.problems).toEqual([]);
	});
});

describe('refused writes', () => {
	const counts = async () => {
		const row = async (sql: string) => Number((await sqlOn(server.databaseUrl, sql))[0].n);
		return {
			questions: await row('SELECT count(*) AS n FROM questions'),
			quizzes: await row('SELECT count(*) AS n FROM quizzes'),
			quizQuestions: await row('SELECT count(*) AS n FROM quiz_questions'),
			questionData: String((await sqlOn(server.databaseUrl, 'SELECT group_concat(data, char(10)) AS d FROM (SELECT data FROM questions ORDER BY id)'))[0].d)
		};
	};

	it('save nothing at all: GIFT import, question save and new quiz', { timeout: 120_000 }, async () => {
		const w = world.ids;
		const importPath = `/instructor/courses/${w.courseA}/import?/confirm`;
		const good = (i: number) => `::Good ${i}::Is this fine? {T}`;
		const cases: { label: string; send: () => Promise<Answer> }[] = [
			{ label: 'GIFT with a syntax error after good questions', send: () => postAs('instructor', importPath, { source: `${good(1)}\n\n${good(2)}\n\n::Broken:: What { =a ~b`, format: 'gift', target: 'new', quizTitle: 'Half import' }) },
			{ label: 'GIFT with one over-long question', send: () => postAs('instructor', importPath, { source: `${good(1)}\n\n::Long::${'y'.repeat(6000)} {T}`, format: 'gift', target: 'bank' }) },
			{ label: 'GIFT with too many questions', send: () => postAs('instructor', importPath, { source: Array.from({ length: 2001 }, (_, i) => `Q${i} {T}`).join('\n\n'), format: 'gift', target: 'bank' }) },
			{ label: 'GIFT into a published quiz that it would break', send: () => postAs('instructor', importPath, { source: `${good(1)}\n\n::Unanswerable::Which? {~a ~b}`, format: 'gift', target: 'quiz', quizId: String(w.quizA) }) },
			{ label: 'GIFT into another course’s quiz', send: () => postAs('instructor', importPath, { source: good(1), format: 'gift', target: 'quiz', quizId: String(w.quizB) }) },
			{ label: 'JSON with one bad question', send: () => postAs('instructor', importPath, { source: JSON.stringify({ questions: [{ type: 'truefalse', text: 'ok', answer: true }, { type: 'nonsense' }] }), format: 'json', target: 'new', quizTitle: 'Half JSON' }) },
			{ label: 'GIFT with a new quiz title that is too long', send: () => postAs('instructor', importPath, { source: good(1), format: 'gift', target: 'new', quizTitle: 't'.repeat(201) }) },
			{
				label: 'GIFT in a truncated multipart body',
				send: () => {
					const { type } = multipart([]);
					const body = multipart([['format', 'gift'], ['target', 'new'], ['quizTitle', 'Truncated'], ['source', `${good(1)}\n\n${good(2)}`]]).body;
					return raw(`/instructor/courses/${w.courseA}/import?/confirm`, { method: 'POST', actor: 'instructor', headers: { 'content-type': type }, body: body.slice(0, body.length - 30) });
				}
			},
			{
				label: 'GIFT upload of 5 MB',
				send: () => {
					const { body, type } = multipart([['format', 'gift'], ['target', 'new'], ['quizTitle', 'Huge'], ['source', `${good(1)}\n\n${'// padding\n'.repeat(500_000)}`]]);
					return raw(`/instructor/courses/${w.courseA}/import?/confirm`, { method: 'POST', actor: 'instructor', headers: { 'content-type': type }, body });
				}
			},
			{
				label: 'GIFT upload of 5 MB without a length',
				send: () => {
					const { body, type } = multipart([['format', 'gift'], ['target', 'new'], ['quizTitle', 'Huge'], ['source', `${good(1)}\n\n${'// padding\n'.repeat(500_000)}`]]);
					return raw(`/instructor/courses/${w.courseA}/import?/confirm`, { method: 'POST', actor: 'instructor', headers: { 'content-type': type }, body, chunked: true });
				}
			},
			{
				label: 'GIFT file of 1.5 MB (over the import limit, under the body limit)',
				send: () => {
					const { body, type } = multipart([['format', 'gift'], ['target', 'new'], ['quizTitle', 'Big'], ['source', `${good(1)}\n\n${'// padding\n'.repeat(150_000)}`]]);
					return raw(`/instructor/courses/${w.courseA}/import?/confirm`, { method: 'POST', actor: 'instructor', headers: { 'content-type': type }, body });
				}
			},
			{
				label: 'question save with an over-long option',
				send: async () => {
					const path = `/instructor/quizzes/${w.quizA}/questions/${w.questionA}`;
					const fields = formFields((await getAs('instructor', path)).body, '?/save').map(([k, v]): [string, string] => (k === 'r1.text' ? [k, 'o'.repeat(1001)] : k === 'text' ? [k, 'Changed text'] : [k, v]));
					return postAs('instructor', `${path}?/save`, fields);
				}
			},
			{
				label: 'question save with a bad weight in the last row',
				send: async () => {
					const path = `/instructor/quizzes/${w.quizA}/questions/${w.questionA}`;
					const fields = formFields((await getAs('instructor', path)).body, '?/save').map(([k, v]): [string, string] => (k === 'text' ? [k, 'Changed again'] : [k, v]));
					return postAs('instructor', `${path}?/save`, fields.map(([k, v]): [string, string] => (k === 'r3.weight' ? [k, "' OR 1=1 --"] : [k, v])));
				}
			},
			{
				label: 'question save with 51 rows',
				send: () => postAs('instructor', `/instructor/quizzes/${w.quizA}/questions/new?/save`, [['type', 'single'], ['text', 'Many rows'], ['points', '1'], ...Array.from({ length: 51 }, (_, i): [string, string] => [`r${i}.text`, `Option ${i}`])])
			},
			{
				label: 'new question with a type change posted to an existing one',
				send: async () => postAs('instructor', `/instructor/quizzes/${w.quizA}/questions/${w.questionA}?/save`, { type: 'truefalse', text: 'Now true/false', points: '1', answer: 'true' })
			},
			{
				label: 'new question into a published quiz, unanswerable',
				send: () => postAs('instructor', `/instructor/quizzes/${w.quizA}/questions/new?/save`, { type: 'single', text: 'No right answer', points: '1', 'r0.text': 'a', 'r0.weight': '0', 'r1.text': 'b', 'r1.weight': '0' })
			},
			{ label: 'new quiz with a 100 KB description', send: () => postAs('instructor', `/instructor/courses/${w.courseA}/quizzes/new`, { title: 'Long', description: longText, kind: 'practice', lessonId: '' }) },
			{ label: 'new lesson check without a lesson', send: () => postAs('instructor', `/instructor/courses/${w.courseA}/quizzes/new`, { title: 'No lesson', description: '', kind: 'lesson', lessonId: "1' OR 1=1 --" }) }
		];
		const problems: string[] = [];
		for (const { label, send } of cases) {
			const before = await counts();
			const res = await send();
			const after = await counts();
			// A body over the server's limit may be refused by closing the connection (status 0 here).
			const refusedByClosing = res.status === 0 && label.includes('5 MB');
			if ((res.status < 400 && !refusedByClosing) || res.status >= 500) problems.push(`${label}: status ${res.status}`);
			if (res.type.includes('text/html') && res.status === 400 && !/class="[^"]*alert/.test(res.body)) problems.push(`${label}: no message shown`);
			if (after.questions !== before.questions) problems.push(`${label}: questions ${before.questions} -> ${after.questions}`);
			if (after.quizzes !== before.quizzes) problems.push(`${label}: quizzes ${before.quizzes} -> ${after.quizzes}`);
			if (after.quizQuestions !== before.quizQuestions) problems.push(`${label}: quiz questions ${before.quizQuestions} -> ${after.quizQuestions}`);
			if (after.questionData !== before.questionData) problems.push(`${label}: a question changed`);
		}
		expect(problems).toEqual([]);
	});

	it('refuse over-long text with a message instead of truncating it', async () => {
		const problems: string[] = [];
		for (const [actor, path, fields, table, column] of [
			['student', '/account?/name', { name: 'n'.repeat(101) }, 'users', 'name'],
			['student', '/ledger?/add', { provider: 'p'.repeat(201), title: 'Ethics', earnedOn: '2025-01-01', hours: '1', category: 'ethics', format: 'in-person' }, 'ce_entries', 'provider'],
			['admin', '/admin/certificates?/revoke', { certificateId: String(world.ids.certificate), reason: 'r'.repeat(501) }, 'certificates', 'revoked_reason']
		] as const) {
			const longest = async () => Number((await sqlOn(server.databaseUrl, `SELECT coalesce(max(length(${column})), 0) AS n FROM ${table}`))[0].n);
			const before = await longest();
			const res = await postAs(actor, path, fields);
			if (res.status !== 400) problems.push(`${path}: status ${res.status}`);
			if (!/at most \d+ characters/.test(visibleText(res.body))) problems.push(`${path}: no length message`);
			if ((await longest()) !== before) problems.push(`${path}: stored something`);
		}
		expect(problems).toEqual([]);
	});
});

describe('every form, page and endpoint under hostile input', () => {
	const actorFor = (row: RouteCase): Actor | null => {
		for (const actor of ['student', 'instructor', 'admin', 'anonymous'] as const) if (row.expect[actor] === 'ok') return actor;
		return null;
	};
	const pagePath = (path: string) => path.replace(/\?\/\w+$/, '');

	// First: the later tests submit the open attempt and use up the per-address verification lookups.
	it('guards SvelteKit’s data endpoints (__data.json) exactly like the pages they feed', { timeout: 120_000 }, async () => {
		const problems: string[] = [];
		const isPage = (route: string) => existsSync(`src/routes${route}/+page.svelte`) || existsSync(`src/routes${route}/+page.server.ts`);
		for (const row of matrix.filter((r) => r.method === 'GET' && isPage(r.route))) {
			const [pathname, query] = row.path(world).split('?');
			const dataPath = `${pathname === '/' ? '' : pathname}/__data.json${query ? `?${query}` : ''}`;
			for (const actor of ['anonymous', 'student', 'otherStudent', 'otherInstructor', 'instructor', 'admin'] as const) {
				const res = await clientOf(actor).request(dataPath, { headers: { accept: '*/*' } });
				const text = await res.text();
				if (res.status >= 500) {
					problems.push(`${actor} ${dataPath}: status ${res.status}`);
					continue;
				}
				const expected = row.expect[actor];
				const json = (() => {
					try {
						return JSON.parse(text) as { type: string; location?: string; nodes?: { type: string; status?: number }[] };
					} catch {
						return null;
					}
				})();
				const last = json?.nodes?.at(-1);
				const got =
					json?.type === 'redirect'
						? json.location?.startsWith('/login')
							? 'login'
							: 'ok'
						: json?.type === 'data' && last?.type === 'error'
							? // A 400 after access was granted counts as 'ok', as for the page (authorization-matrix.ts).
								last.status === 400
								? 'ok'
								: (last.status ?? 500)
							: json?.type === 'data'
								? 'ok'
								: res.status;
				if (got !== expected) problems.push(`${actor} ${dataPath}: expected ${expected}, got ${got}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('form actions: script, SQL, tricks, long fields, repeated fields, bad bodies and content types', { timeout: 400_000 }, async () => {
		const check = checker();
		const names = new Map<string, string[]>();
		const rows = matrix.filter((r) => r.method === 'POST' && !r.json);
		for (const row of rows) {
			const actor = actorFor(row);
			if (!actor) continue;
			const path = row.path(world);
			let fieldNames = names.get(pagePath(path));
			if (!fieldNames) {
				const page = await getAs(actor, pagePath(path));
				fieldNames = [...new Set([...controlNames(page.body), ...Object.keys(row.body?.(world) ?? {}), 'a', 'name', 'id'])];
				names.set(pagePath(path), fieldNames);
			}
			// The rows that end a session get a session of their own (a spare student's), made for each request.
			const cookie = async () => {
				if (!row.fresh) return sessionCookie(actor);
				await logIn(spare.client, spare.email);
				return `touchstone_session=${spare.client.cookie('touchstone_session')}`;
			};
			{
				const send = async (label: string, init: RawInit) =>
					check.answer(`${actor} POST ${path} [${label}]`, await raw(path, { method: 'POST', ...init, cookie: await cookie() }), overLimit(init.body));
				for (const payload of everyPayload) {
					await send(`all fields = ${JSON.stringify(payload.slice(0, 30))}`, { headers: urlencoded, body: form(fieldNames.map((n) => [n, payload])) });
				}
				// As use:enhance posts it: the answer is JSON (devalue), never HTML.
				await send('enhanced', { headers: { ...urlencoded, accept: 'application/json', 'x-sveltekit-action': 'true' }, body: form(fieldNames.map((n) => [n, scriptPayloads[1]])) });
				await send('repeated fields', { headers: urlencoded, body: form(fieldNames.flatMap((n): [string, string][] => [[n, '1'], [n, "' OR 1=1 --"], [n, '2']])) });
				await send('bad urlencoding', { headers: urlencoded, body: `${fieldNames[0]}=%E0%A4%A&%%%=1&a=%zz&b=%c0%ae&c=%00&&==&d` });
				await send('multipart', { headers: { 'content-type': multipart([]).type }, body: multipart(fieldNames.map((n) => [n, scriptPayloads[1]])).body });
				await send('truncated multipart', { headers: { 'content-type': multipart([]).type }, body: multipart(fieldNames.map((n) => [n, 'v'])).body.slice(0, -20) });
				await send('multipart without boundary', { headers: { 'content-type': 'multipart/form-data' }, body: 'name=x' });
				await send('JSON', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(Object.fromEntries(fieldNames.map((n) => [n, scriptPayloads[0]]))) });
				await send('text/plain', { headers: { 'content-type': 'text/plain' }, body: fieldNames.map((n) => `${n}=x`).join('\n') });
				await send('no content type', { headers: {}, body: 'a=1' });
				await send('5 MB', { headers: urlencoded, body: `a=${'x'.repeat(5 * KB * KB)}` });
				await send('empty body', { headers: urlencoded, body: '' });
			}
		}
		expect(check.problems).toEqual([]);
	});

	it('form actions that read big forms: 5 MB without a length, cut off mid-way', { timeout: 120_000 }, async () => {
		const check = checker();
		const w = world.ids;
		for (const [actor, path] of [
			['student', '/account?/name'],
			['student', '/ledger?/add'],
			['anonymous', '/login'],
			['student', `/attempts/${w.openAttempt}?/save`],
			['student', '/review?/answer'],
			['instructor', `/instructor/quizzes/${w.quizA}/questions/new?/save`],
			['instructor', `/instructor/quizzes/${w.quizA}?/addFromBank`],
			['instructor', `/instructor/courses/${w.courseA}/import?/preview`],
			['anonymous', '/courses/science-of-massage/weighing-the-evidence?/check']
		] as const) {
			const big = `a=${'x'.repeat(5 * KB * KB)}`;
			check.answer(`${path} chunked 5 MB`, await raw(path, { method: 'POST', actor, headers: urlencoded, body: big, chunked: true }), true);
			const mp = multipart([['text', big]]);
			check.answer(`${path} multipart chunked 5 MB`, await raw(path, { method: 'POST', actor, headers: { 'content-type': mp.type }, body: mp.body, chunked: true }), true);
			// Claims more than it sends, then the client gives up.
			await new Promise<void>((resolve) => {
				const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
					socket.write(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\norigin: ${server.url}\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 1000\r\ncookie: ${sessionCookie(actor)}\r\n\r\na=1&b=`);
					setTimeout(() => socket.destroy(), 200);
				});
				socket.on('error', () => undefined);
				socket.on('close', () => resolve());
			});

		}
		expect(check.problems).toEqual([]);
	});

	it('pages and endpoints: traversal, Unicode tricks and hostile queries in every path parameter', { timeout: 300_000 }, async () => {
		const check = checker();
		const segments = [
			'..%2f..%2fetc%2fpasswd',
			'%2e%2e%2f%2e%2e%2fetc%2fpasswd',
			'%2e%2e',
			'%c0%ae%c0%ae%c0%af',
			'%ff%fe%fd',
			'%e2%80%ae1',
			'science%e2%80%8dof-massage',
			's%d1%81ience-of-massage',
			'%00',
			'1%00',
			'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
			"'%20OR%201=1%20--",
			'%22%3B%20DROP%20TABLE%20users%3B%20--',
			'-1',
			'0',
			'1e3',
			'0x10',
			'99999999999999999999999',
			'NaN',
			'1.5',
			'%20',
			'TS-0000-0000-0000-0000-0000',
			'ts-c19p-dabc-meyw-rv7p-xgb9',
			'a'.repeat(4000)
		];
		const queries = `?q=${encodeURIComponent(scriptPayloads[1])}&q=2&tag=%00&type=%2e%2e&page=-1&page=1e309&answers=%ff&code=${encodeURIComponent(sqlPayloads[1])}&redirectTo=%2f%2fevil.example&redirectTo=javascript:alert(1)`;
		const seen = new Set<string>();
		for (const row of matrix.filter((r) => r.method === 'GET')) {
			const actor = actorFor(row) ?? 'anonymous';
			const path = row.path(world).split('?')[0];
			const routeParts = row.route.split('/').filter((p) => p && !/^\(.*\)$/.test(p));
			const pathParts = path.split('/').filter(Boolean);
			const paths: string[] = [`${path}${queries}`, `${path}/../../../../etc/passwd`, `${path}%00`, `${path}/%2e%2e/%2e%2e/admin`];
			routeParts.forEach((part, i) => {
				if (!part.startsWith('[')) return;
				for (const s of segments) paths.push('/' + pathParts.map((p, j) => (j === i ? s : p)).join('/'));
			});
			for (const p of paths) {
				if (seen.has(`${actor} ${p}`)) continue;
				seen.add(`${actor} ${p}`);
				check.answer(`${actor} GET ${p.slice(0, 120)}`, await raw(p, { actor }));
			}
		}
		// Hostile session cookies: treated as no session (or a refused one), never an error.
		for (const token of ["' OR 1=1 --", 'x'.repeat(4000), '%00', '%E2%80%AE', '../../etc/passwd', 'a;b', '', '""', world.clients.student.cookie('touchstone_session') + 'x']) {
			for (const path of ['/dashboard', '/', '/admin/users', `/attempts/${world.ids.submittedAttempt}/result`]) {
				const a = await raw(path, { cookie: `touchstone_session=${token}; touchstone_session=other` });
				check.answer(`GET ${path} with cookie ${JSON.stringify(token.slice(0, 20))}`, a);
				if (path !== '/' && !(a.status === 303 && a.location?.startsWith('/login'))) check.problems.push(`GET ${path} with a bad cookie: ${a.status} ${a.location}`);
			}
		}
		// Full-text search syntax and SQL in the search box.
		for (const q of ['"', '""', '*', 'a*', 'NEAR(a b)', 'a OR', 'AND', '^x', 'title:x', '(', ')', "'", '-x', 'x -', '%', '_', '\\', '\u0000', 'x'.repeat(2000), sqlPayloads[0], sqlPayloads[1]]) {
			const a = await raw(`/search?q=${encodeURIComponent(q)}`);
			check.answer(`GET /search?q=${JSON.stringify(q.slice(0, 20))}`, a);
			if (a.status !== 200) check.problems.push(`GET /search?q=${JSON.stringify(q.slice(0, 20))}: status ${a.status}`);
		}
		for (const p of ['/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwindows', '/_app/../../package.json', '/_app/immutable/%2e%2e/%2e%2e/%2e%2e/package.json', '/favicon.svg%00.html', '/%c0%ae%c0%ae/etc/passwd']) {
			const a = await raw(p);
			check.answer(`GET ${p}`, a);
			if (a.body.includes('"name": "touchstone"') || a.body.includes('root:x:0')) check.problems.push(`GET ${p} served a file outside the site`);
		}
		expect(check.problems).toEqual([]);
	});

	it('the JSON endpoint: bad JSON, wrong types, wrong content types, huge bodies', { timeout: 60_000 }, async () => {
		const check = checker();
		const path = '/api/progress/heartbeat';
		const json = { 'content-type': 'application/json' };
		const bodies: [string, Record<string, string>, string][] = [
			['invalid JSON', json, '{"course": "science-of-massage", '],
			['not an object', json, '[1,2,3]'],
			['null', json, 'null'],
			['numbers', json, '{"course": 1, "lesson": {}, "section": []}'],
			['prototype', json, '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, "course": "science-of-massage", "lesson": "weighing-the-evidence", "section": ""}'],
			['traversal', json, JSON.stringify({ course: '../../etc/passwd', lesson: '%2e%2e%2f', section: '../x' })],
			['unicode', json, JSON.stringify({ course: 'science-of-massage\u0000', lesson: 'weighing\u202Ethe-evidence', section: 'a\u200Db' })],
			['SQL', json, JSON.stringify({ course: sqlPayloads[0], lesson: sqlPayloads[1], section: null })],
			['long', json, JSON.stringify({ course: longText, lesson: longText, section: longText })],
			['deep', json, '['.repeat(100_000) + ']'.repeat(100_000)],
			['5 MB', json, JSON.stringify({ course: 'x'.repeat(5 * KB * KB) })],
			['multipart', { 'content-type': multipart([]).type }, multipart([['course', 'science-of-massage']]).body],
			['form', urlencoded, 'course=science-of-massage&lesson=weighing-the-evidence&section='],
			['text/plain', { 'content-type': 'text/plain' }, '{"course":"science-of-massage","lesson":"weighing-the-evidence","section":""}'],
			['repeated keys', json, '{"course":"x","course":"science-of-massage","lesson":"weighing-the-evidence","section":"","section":"a"}']
		];
		for (const [label, headers, body] of bodies) {
			for (const actor of ['anonymous', 'student'] as const) {
				check.answer(`${actor} POST heartbeat [${label}]`, await raw(path, { method: 'POST', actor, headers, body }), overLimit(body));
			}
		}
		check.answer('heartbeat chunked 5 MB', await raw(path, { method: 'POST', actor: 'student', headers: json, body: JSON.stringify({ course: 'x'.repeat(5 * KB * KB) }), chunked: true }), true);
		for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) check.answer(`${method} heartbeat`, await raw(path, { method, actor: 'student' }));
		expect(check.problems).toEqual([]);
	});

	it('left the server up, with no error in its log', async () => {
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect((await getAs('student', '/dashboard')).status).toBe(200);
		expect(errorLines()).toEqual([]);
	});
});
