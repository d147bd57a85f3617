import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFields, sqlOn, type Fields } from '../helpers/answers';
import { createUserWithCli } from '../helpers/cli';
import { Client, logIn, registerUser, uniqueEmail } from '../helpers/client';
import { quizIdOf, takeQuiz } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';
import { maskQuestionIds } from '../../src/lib/quiz/mask';
import type { Question } from '../../src/lib/quiz/types';

const PASSWORD = 'granite-orchid-sailboat-58';
const SCIENCE = 'science-of-massage';
const SAFETY = 'safe-practice-on-the-care-team';

let server: TestServer;
let admin: Client;
let adminId: number;

async function courseId(slug: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM courses WHERE slug = ?', [slug]);
	return Number(row.id);
}

/** A signed-in staff member made with the operator CLI. */
async function staff(role: 'admin' | 'instructor', name: string) {
	const email = uniqueEmail(role);
	const cli = await createUserWithCli(server.databaseUrl, { email, name, role }, PASSWORD);
	expect(cli.status, cli.stderr).toBe(0);
	// The CLI runs synchronously: let the event loop see keep-alive connections the server closed meanwhile, so the
	// next request does not go out on a dead socket.
	await new Promise((resolve) => setTimeout(resolve, 50));
	const client = new Client(server.url);
	expect((await logIn(client, email, PASSWORD)).status).toBe(303);
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	return { client, email, id: Number(row.id) };
}

async function assign(course: number, email: string) {
	const res = await admin.post('/admin/courses?/assign', { courseId: String(course), email });
	expect(res.status).toBe(200);
	return res;
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

/** The text of one question's row in the analytics table. */
function questionRow(html: string, questionId: number): string {
	const start = html.indexOf(`id="question-${questionId}"`);
	expect(start, `row of question ${questionId}`).toBeGreaterThan(-1);
	const next = html.indexOf('id="question-', start + 1);
	return textOf(html.slice(start, next === -1 ? html.indexOf('</tbody></table></div>', start) : next));
}

beforeAll(async () => {
	server = await startServer();
	const made = await staff('admin', 'Ada Admin');
	admin = made.client;
	adminId = made.id;
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

describe('assigning instructors to courses', () => {
	it('lets an admin assign and unassign an instructor, takes effect at once and is audited', async () => {
		const science = await courseId(SCIENCE);
		const teacher = await staff('instructor', 'Tess Teacher');
		expect((await teacher.client.get(`/instructor/courses/${science}/class`)).status).toBe(403);

		await assign(science, teacher.email);
		const page = await admin.text('/admin/courses');
		expect(page).toContain('Tess Teacher');
		expect((await teacher.client.get(`/instructor/courses/${science}/class`)).status).toBe(200);
		const audit = await sqlOn(server.databaseUrl, "SELECT actor_id, target, detail FROM audit_events WHERE action = 'course.assign' ORDER BY id");
		expect(audit.at(-1)).toMatchObject({ actor_id: adminId, target: `course:${science}`, detail: `assigned user:${teacher.id}` });

		const unassign = await admin.post('/admin/courses?/unassign', { courseId: String(science), userId: String(teacher.id) });
		expect(unassign.status).toBe(200);
		expect((await teacher.client.get(`/instructor/courses/${science}/class`)).status).toBe(403);
		const [last] = await sqlOn(server.databaseUrl, "SELECT detail FROM audit_events WHERE action = 'course.assign' ORDER BY id DESC LIMIT 1");
		expect(last.detail).toBe(`unassigned user:${teacher.id}`);
	});

	it('refuses to assign a student, with a message', async () => {
		const student = new Client(server.url);
		const { email } = await registerUser(student, 'Sam Student');
		const res = await admin.post('/admin/courses?/assign', { courseId: String(await courseId(SCIENCE)), email });
		expect(res.status).toBe(400);
		expect(textOf(await res.text())).toContain('Sam Student is a student');
		expect(await sqlOn(server.databaseUrl, 'SELECT 1 FROM course_instructors ci JOIN users u ON u.id = ci.user_id WHERE u.email = ?', [email])).toHaveLength(0);
	});

	it('lets neither a student nor an unassigned instructor assign anyone', async () => {
		const science = await courseId(SCIENCE);
		const student = new Client(server.url);
		const { email: studentEmail } = await registerUser(student);
		const outsider = await staff('instructor', 'Olive Outsider');
		for (const client of [student, outsider.client]) {
			expect((await client.get('/admin/courses')).status).toBe(403);
			const res = await client.post('/admin/courses?/assign', { courseId: String(science), email: outsider.email });
			expect(res.status).toBe(403);
		}
		expect((await student.post('/admin/courses?/assign', { courseId: String(science), email: studentEmail })).status).toBe(403);
		const rows = await sqlOn(server.databaseUrl, 'SELECT 1 FROM course_instructors WHERE user_id = ?', [outsider.id]);
		expect(rows).toHaveLength(0);
		expect((await outsider.client.get(`/instructor/courses/${science}/class`)).status).toBe(403);
	});
});

describe('course isolation', () => {
	it("gives an instructor of one course 403 or 404 and no data for another course's analytics and class view", async () => {
		const science = await courseId(SCIENCE);
		const safety = await courseId(SAFETY);
		const teacher = await staff('instructor', 'Ines Instructor');
		await assign(science, teacher.email);

		// A student of the other course, so there would be something to leak.
		const student = new Client(server.url);
		const { email } = await registerUser(student, 'Other Course Student');
		const safetyFinal = await quizIdOf(server, `${SAFETY}/final`);
		await takeQuiz(student, server, safetyFinal);

		for (const path of [
			`/instructor/quizzes/${safetyFinal}/analytics`,
			`/instructor/courses/${safety}/class`,
			`/instructor/courses/${safety}/class?q=${encodeURIComponent(email)}`,
			`/instructor/courses/${safety}/class/class.csv`
		]) {
			const res = await teacher.client.get(path);
			expect(res.status, path).toBe(403);
			const body = await res.text();
			expect(body, path).not.toContain(email);
			expect(body, path).not.toContain('Other Course Student');
			expect(body, path).not.toContain('Facility');
		}
		expect((await teacher.client.get('/instructor/quizzes/999999/analytics')).status).toBe(404);
		expect((await teacher.client.get('/instructor/courses/999999/class')).status).toBe(404);
		expect((await teacher.client.get('/instructor/courses/abc/class/class.csv')).status).toBe(404);
		// Their own course answers.
		expect((await teacher.client.get(`/instructor/quizzes/${await quizIdOf(server, `${SCIENCE}/final`)}/analytics`)).status).toBe(200);
		// Students see none of it.
		expect((await student.get(`/instructor/quizzes/${safetyFinal}/analytics`)).status).toBe(403);
		expect((await student.get(`/instructor/courses/${safety}/class/class.csv`)).status).toBe(403);
	});
});

describe('quiz analytics', () => {
	const QUIZ = `${SCIENCE}/weighing-the-evidence/quiz`;

	/**
	 * Starts an attempt and submits it right on the questions in `right` (by question id) and wrong on the others.
	 * The fields are built like a browser's, with the attempt's masked ids.
	 */
	async function attemptWith(client: Client, quizId: number, right: Set<number>) {
		const start = await client.post(`/quizzes/${quizId}?/start`, {});
		expect(start.status).toBe(303);
		const attemptId = Number(/\/attempts\/(\d+)/.exec(start.headers.get('location')!)![1]);
		const [attempt] = await sqlOn(server.databaseUrl, 'SELECT seed FROM attempts WHERE id = ?', [attemptId]);
		const rows = await sqlOn(server.databaseUrl, 'SELECT aq.position, aq.question_id, v.snapshot FROM attempt_questions aq JOIN question_versions v ON v.id = aq.version_id WHERE aq.attempt_id = ?', [attemptId]);
		const fields: Fields = {};
		for (const row of rows) {
			const question = maskQuestionIds(JSON.parse(String(row.snapshot)) as Question, `${attempt.seed}:${row.position}`);
			Object.assign(fields, answerFields(question, `q${row.position}`, !right.has(Number(row.question_id))));
		}
		const submit = await client.post(`/attempts/${attemptId}?/submit`, fields);
		expect(submit.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
	}

	it('match values computed by hand for three students', async () => {
		const quizId = await quizIdOf(server, QUIZ);
		// The quiz's eight one-point questions in quiz order: Q1 single choice, Q2 true/false, ..., Q8 single choice.
		const questions = (
			await sqlOn(server.databaseUrl, 'SELECT question_id FROM quiz_questions WHERE quiz_id = ? ORDER BY position', [quizId])
		).map((r) => Number(r.question_id));
		expect(questions).toHaveLength(8);
		const [q1, q2, q3, , , , , q8] = questions;

		// First attempts: A right on all but Q8 (87.5%), B wrong on all (0%), C right on Q1 and Q2 only (25%).
		const [a, b, c] = [new Client(server.url), new Client(server.url), new Client(server.url)];
		for (const client of [a, b, c]) await registerUser(client);
		await attemptWith(a, quizId, new Set(questions.slice(0, 7)));
		await attemptWith(b, quizId, new Set());
		await attemptWith(c, quizId, new Set([q1, q2]));
		// B's second attempt, all right, is counted as an attempt but left out of the statistics.
		await attemptWith(b, quizId, new Set(questions));

		const teacher = await staff('instructor', 'Ana Lytics');
		await assign(await courseId(SCIENCE), teacher.email);
		const res = await teacher.client.get(`/instructor/quizzes/${quizId}/analytics`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);

		expect(text).toContain('Students (first attempts) 3');
		expect(text).toContain('Submitted attempts, all 4');
		expect(text).toContain('Mean 37.5%'); // (87.5 + 0 + 25) / 3
		expect(text).toContain('Median 25.0%');
		expect(text).toContain('Standard deviation 45.1 points'); // √((50² + 37.5² + 12.5²) / 2) = 45.07
		expect(text).toContain('Pass rate (at least 70%) 33.3%'); // one of three
		// Items: Q1, Q2 (1,0,1) var 1/3; Q3–Q7 (1,0,0) var 1/3; Q8 (0,0,0) var 0. Totals 7, 0, 2: var 13.
		// α = 8/7 · (1 − (7/3) / 13) = 256/273 = 0.9377.
		expect(text).toContain("Cronbach's alpha 0.94");
		// Histogram, also as the table that is the chart's text alternative.
		expect(text).toMatch(/0 to under 10% 1 10 to under 20% 0 20 to under 30% 1 .*80 to under 90% 1 90 to 100% 0/);
		expect(html).toMatch(/<svg[^>]*role="img"/);

		// Q1 (1,0,1) against the rest (6,0,1): r = 7/√124 = 0.629. Option counts: two right, B's wrong pick.
		const row1 = questionRow(html, q1);
		expect(row1).toContain('Uncontrolled case series');
		expect(row1).toMatch(/There was no comparison group.*\(right answer\) 2 66\.7%/);
		expect(row1).toMatch(/Massage cannot be given safely to people with cancer\. 1 33\.3%/);
		expect(row1).toMatch(/ 3 66\.7% 62\.9 None/);
		// Q2 is true/false (the right answer is True).
		expect(questionRow(html, q2)).toMatch(/True \(right answer\) 2 66\.7% False 1 33\.3%/);
		// Q3 (1,0,0) against the rest (6,0,2): r = 10/√112 = 0.945.
		expect(questionRow(html, q3)).toMatch(/ 3 33\.3% 94\.5 None/);
		// Q8: nobody right, so no discrimination and a "too hard" flag with its reason.
		const row8 = questionRow(html, q8);
		expect(row8).toMatch(/ 3 0\.0% — Too hard Facility 0%: nearly everyone gets this wrong/);
		expect(row8).toMatch(/Cortisol \(right answer\) 0 0\.0%/);
	});
});

describe('class view', () => {
	it('lists students with progress, filters and sorts without JavaScript, and exports CSV with neutralised cells', async () => {
		const science = await courseId(SCIENCE);
		const teacher = await staff('instructor', 'Cass Classview');
		await assign(science, teacher.email);

		const evil = new Client(server.url);
		const evilName = '=HYPERLINK("http://evil")';
		const { email: evilEmail } = await registerUser(evil, evilName, uniqueEmail('evil'));
		// One lesson completed (the second, so the quiz analysed above is left alone): read to the end, check passed.
		const [lesson] = await sqlOn(
			server.databaseUrl,
			'SELECT l.slug FROM lessons l WHERE l.course_id = ? AND l.active = 1 ORDER BY l.position LIMIT 1 OFFSET 1',
			[science]
		);
		await evil.get(`/courses/${SCIENCE}/${lesson.slug}`);
		const checkId = await quizIdOf(server, `${SCIENCE}/${lesson.slug}/quiz`);
		await takeQuiz(evil, server, checkId, { wrong: true });
		await takeQuiz(evil, server, checkId);
		expect((await evil.post(`/courses/${SCIENCE}/${lesson.slug}?/finish`, {})).status).toBe(303);
		const quiet = new Client(server.url);
		const { email: quietEmail } = await registerUser(quiet, 'Aaron Quiet', uniqueEmail('quiet'));
		await quiet.get(`/courses/${SCIENCE}`);
		await quiet.post(`/courses/${SCIENCE}?/enroll`, {});

		// The page escapes the name, sorts by lessons completed and filters by email.
		const sorted = await teacher.client.text(`/instructor/courses/${science}/class?sort=lessons&dir=desc`);
		const sortedText = textOf(sorted);
		expect(sortedText).toContain(evilName);
		expect(sorted).not.toMatch(/href="http:\/\/evil/);
		expect(sortedText.indexOf(evilEmail)).toBeLessThan(sortedText.indexOf(quietEmail));
		// Lessons completed, then best scores: none on the first lesson check, 100% on the second.
		expect(sortedText).toMatch(new RegExp(`${evilEmail.replace(/[.]/g, '\\.')} 1 of 6 — 100% —`));
		const filtered = textOf(await teacher.client.text(`/instructor/courses/${science}/class?q=${encodeURIComponent(evilEmail)}`));
		expect(filtered).toContain('1 student matching');
		expect(filtered).not.toContain(quietEmail);

		// The CSV: every enrolled student once, the formula neutralised, the lesson and best score right.
		const csvRes = await teacher.client.get(`/instructor/courses/${science}/class/class.csv?sort=name`);
		expect(csvRes.status).toBe(200);
		expect(csvRes.headers.get('content-type')).toContain('text/csv');
		expect(csvRes.headers.get('content-disposition')).toMatch(/^attachment; filename="class-science-of-massage-\d{4}-\d{2}-\d{2}\.csv"$/);
		const csv = (await csvRes.text()).replace(/^\uFEFF/, '');
		const lines = csv.split('\r\n').filter(Boolean);
		const enrolled = await sqlOn(server.databaseUrl, 'SELECT count(*) AS n FROM enrollments WHERE course_id = ?', [science]);
		expect(lines).toHaveLength(Number(enrolled[0].n) + 1);
		expect(lines[0]).toMatch(/^Name,Email,Enrolled,Lessons completed,Lessons in course,Last activity,Course completed,CE hours,Best % Lesson check: /);
		const evilLine = lines.find((line) => line.includes(evilEmail))!;
		expect(evilLine.startsWith(`"'=HYPERLINK(""http://evil"")",${evilEmail},`)).toBe(true);
		const cells = evilLine.split(',');
		expect(cells.slice(3, 5)).toEqual(['1', '6']);
		expect(cells.slice(8, 10)).toEqual(['', '100']); // best scores: no try at check 1; 0% then 100% at check 2
		expect(lines.some((line) => line.startsWith('=') || line.startsWith('"='))).toBe(false);

		const only = (await teacher.client.text(`/instructor/courses/${science}/class/class.csv?q=${encodeURIComponent(quietEmail)}`))
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.filter(Boolean);
		expect(only).toHaveLength(2);
		expect(only[1]).toMatch(new RegExp(`^Aaron Quiet,${quietEmail.replace(/[.]/g, '\\.')},\\d{4}-\\d{2}-\\d{2},0,6,`));
	});
});
