import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/lib/format';
import { sqlOn } from '../helpers/answers';
import { createUserWithCli } from '../helpers/cli';
import { Client, registerUser, STRONG_PASSWORD, uniqueEmail } from '../helpers/client';
import { visibleText } from '../helpers/html';
import { rawRequest } from '../helpers/raw-http';
import type { TestServer } from '../helpers/server';
import { useWorld, type World } from '../helpers/world';

let server: TestServer;
let world: World;
const ids = { admin: 0, student: 0, otherStudent: 0, instructor: 0, otherInstructor: 0 };

useWorld(async (s, w) => {
	server = s;
	world = w;
	for (const actor of Object.keys(ids) as (keyof typeof ids)[]) ids[actor] = await userIdOf(world.emails[actor]);
});

async function userIdOf(email: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	return Number(row.id);
}

type Event = { id: number; at: number; actor_id: number | null; action: string; target: string | null; detail: string | null };

async function events(where = '1 = 1', args: (string | number)[] = []): Promise<Event[]> {
	const rows = await sqlOn(server.databaseUrl, `SELECT id, at, actor_id, action, target, detail FROM audit_events WHERE ${where} ORDER BY id`, args);
	return rows.map((r) => ({ ...r }) as unknown as Event);
}

async function lastId(): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT coalesce(max(id), 0) AS id FROM audit_events');
	return Number(row.id);
}

/** The events appended since the given id, without the id and time (which the test cannot know). */
async function since(id: number) {
	return (await events('id > ?', [id])).map(({ actor_id, action, target, detail }) => ({ actor_id, action, target, detail }));
}

/** Rows of the audit table on a page, by their <time> cell. */
function rowTimes(html: string): string[] {
	return [...html.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
}

describe('every security-relevant action is recorded with its actor and target', () => {
	it('records role changes by an admin', async () => {
		const mark = await lastId();
		const res = await world.clients.admin.post('/admin/users?/role', { userId: String(ids.otherStudent), role: 'instructor' });
		expect(res.status).toBe(200);
		expect(await since(mark)).toEqual([
			{ actor_id: ids.admin, action: 'role.change', target: `user:${ids.otherStudent}`, detail: 'student -> instructor' }
		]);
		// Saving the role a user already has changes nothing and records nothing.
		const again = await lastId();
		expect((await world.clients.admin.post('/admin/users?/role', { userId: String(ids.otherStudent), role: 'instructor' })).status).toBe(200);
		expect(await since(again)).toEqual([]);
		await world.clients.admin.post('/admin/users?/role', { userId: String(ids.otherStudent), role: 'student' });
		expect((await since(again)).map((e) => e.detail)).toEqual(['instructor -> student']);
	});

	it('records refused admin access by a signed-in student or instructor, on pages and actions, but not by visitors', async () => {
		const mark = await lastId();
		expect((await world.clients.student.get('/admin/audit')).status).toBe(403);
		expect((await world.clients.instructor.get('/admin/audit')).status).toBe(403);
		expect((await world.clients.student.post('/admin/users?/role', { userId: String(ids.student), role: 'admin' })).status).toBe(403);
		const visitor = await new Client(server.url).get('/admin/audit');
		expect(visitor.status).toBe(303);
		expect(visitor.headers.get('location')).toContain('/login');
		expect(await since(mark)).toEqual([
			{ actor_id: ids.student, action: 'admin.denied', target: '/admin/audit', detail: null },
			{ actor_id: ids.instructor, action: 'admin.denied', target: '/admin/audit', detail: null },
			{ actor_id: ids.student, action: 'admin.denied', target: '/admin/users', detail: null }
		]);
		// The refused action changed nothing.
		const [student] = await sqlOn(server.databaseUrl, 'SELECT role FROM users WHERE id = ?', [ids.student]);
		expect(student.role).toBe('student');
	});

	it('records a refused admin page once per account and path every ten minutes, and refuses every time', async () => {
		const loop = new Client(server.url);
		const loopId = await userIdOf((await registerUser(loop, 'Loop Student')).email);
		const mark = await lastId();
		for (let i = 0; i < 30; i++) expect((await loop.get('/admin/users')).status).toBe(403);
		// A burst at once cannot slip two rows in either.
		const burst = await Promise.all(Array.from({ length: 20 }, () => loop.get('/admin/users?page=2')));
		expect(burst.map((r) => r.status)).toEqual(Array(20).fill(403));
		expect((await loop.post('/admin/users?/role', { userId: String(loopId), role: 'admin' })).status).toBe(403);
		// Other spellings of the same address are the same page.
		for (const path of ['/admin/%75sers', '/%61dmin/users', '/admin/user%73?x=1', '/admin/./users', '/admin/users/__data.json']) {
			const refused = await rawRequest(server.url, path, { cookie: `touchstone_session=${loop.cookie('touchstone_session')}` });
			// __data.json answers 200 with the page's 403 inside.
			expect(path.endsWith('__data.json') ? refused.body : String(refused.status), path).toContain('403');
		}
		expect(await since(mark)).toEqual([{ actor_id: loopId, action: 'admin.denied', target: '/admin/users', detail: null }]);

		// Another path, or another account, is recorded on its own.
		for (let i = 0; i < 5; i++) expect((await loop.get('/admin/certificates')).status).toBe(403);
		for (let i = 0; i < 5; i++) expect((await world.clients.otherStudent.get('/admin/users')).status).toBe(403);
		expect(await since(mark)).toEqual([
			{ actor_id: loopId, action: 'admin.denied', target: '/admin/users', detail: null },
			{ actor_id: loopId, action: 'admin.denied', target: '/admin/certificates', detail: null },
			{ actor_id: ids.otherStudent, action: 'admin.denied', target: '/admin/users', detail: null }
		]);

		// Ten minutes later the same refusal is recorded again (the earlier rows are moved back in time here).
		const again = await lastId();
		await sqlOn(server.databaseUrl, 'UPDATE audit_events SET at = at - 601000 WHERE id > ?', [mark]);
		expect((await loop.get('/admin/users')).status).toBe(403);
		expect((await loop.get('/admin/users')).status).toBe(403);
		expect(await since(again)).toEqual([{ actor_id: loopId, action: 'admin.denied', target: '/admin/users', detail: null }]);
		await sqlOn(server.databaseUrl, 'UPDATE audit_events SET at = at + 601000 WHERE id > ? AND id <= ?', [mark, again]);
	});

	it('records accounts created with the operator CLI, and shows the CLI as their actor', async () => {
		const mark = await lastId();
		const email = uniqueEmail('operator');
		const created = await createUserWithCli(server.databaseUrl, { email, name: 'Opal Operator', role: 'instructor' }, STRONG_PASSWORD);
		expect(created.status, created.stderr).toBe(0);
		const id = await userIdOf(email);
		expect(await since(mark)).toEqual([{ actor_id: null, action: 'user.create', target: `user:${id}`, detail: 'role instructor' }]);
		// A refused creation (the email is taken) records nothing.
		expect((await createUserWithCli(server.databaseUrl, { email, name: 'Opal Again', role: 'admin' }, STRONG_PASSWORD)).status).toBe(1);
		expect(await since(mark)).toHaveLength(1);

		const html = await world.clients.admin.text('/admin/audit?action=user.create');
		const [event] = await events('id > ?', [mark]);
		const row = html.slice(html.indexOf(`<time datetime="${new Date(event.at).toISOString()}"`));
		const cells = visibleText(row.slice(0, row.indexOf('</tr>')));
		for (const shown of ['Operator CLI (npm run user:create)', 'Account created by the operator CLI', `user:${id}`, `Opal Operator <${email}>`, 'role instructor']) {
			expect(cells).toContain(shown);
		}
		expect(html).toMatch(/<option value="user.create"[^>]*selected/);
	});

	it('records certificate revocation and reissue', async () => {
		const mark = await lastId();
		const certificate = world.ids.certificate;
		const revoke = await world.clients.admin.post('/admin/certificates?/revoke', { certificateId: String(certificate), reason: 'Name misspelt' });
		expect(revoke.status).toBe(200);
		const reissue = await world.clients.admin.post('/admin/certificates?/reissue', { certificateId: String(certificate) });
		expect(reissue.status).toBe(200);
		const [fresh] = await sqlOn(server.databaseUrl, 'SELECT replaced_by_id FROM certificates WHERE id = ?', [certificate]);
		expect(await since(mark)).toEqual([
			{ actor_id: ids.admin, action: 'certificate.revoke', target: `certificate:${certificate}`, detail: 'Name misspelt' },
			{ actor_id: ids.admin, action: 'certificate.reissue', target: `certificate:${certificate}`, detail: `replaced by certificate:${fresh.replaced_by_id}` }
		]);
		// A refused revocation (already revoked) records nothing.
		const again = await lastId();
		expect((await world.clients.admin.post('/admin/certificates?/revoke', { certificateId: String(certificate), reason: 'Twice' })).status).toBe(409);
		expect(await since(again)).toEqual([]);
	});

	it('records quiz unpublish, publish and delete in the studio', async () => {
		const instructor = world.clients.instructor;
		const quiz = world.ids.quizA;
		const mark = await lastId();
		expect((await instructor.post(`/instructor/quizzes/${quiz}?/unpublish`, {})).status).toBe(200);
		expect((await instructor.post(`/instructor/quizzes/${quiz}?/publish`, {})).status).toBe(200);
		const copy = await instructor.post(`/instructor/quizzes/${quiz}?/duplicate`, {});
		expect(copy.status).toBe(303);
		const copyId = Number(/\/instructor\/quizzes\/(\d+)/.exec(copy.headers.get('location')!)![1]);
		expect((await instructor.post(`/instructor/quizzes/${copyId}?/delete`, { confirm: 'yes' })).status).toBe(303);
		expect(await since(mark)).toEqual([
			{ actor_id: ids.instructor, action: 'quiz.publish', target: `quiz:${quiz}`, detail: 'unpublished' },
			{ actor_id: ids.instructor, action: 'quiz.publish', target: `quiz:${quiz}`, detail: 'published' },
			{ actor_id: ids.instructor, action: 'quiz.delete', target: `quiz:${copyId}`, detail: expect.stringContaining('Copy of') }
		]);
		// A publish refused by validation (a quiz without questions) records nothing.
		const created = await instructor.post(`/instructor/courses/${world.ids.courseA}/quizzes/new`, { title: 'Empty practice', description: '', kind: 'practice' });
		expect(created.status).toBe(303);
		const emptyId = Number(/\/instructor\/quizzes\/(\d+)/.exec(created.headers.get('location')!)![1]);
		const refused = await lastId();
		expect((await instructor.post(`/instructor/quizzes/${emptyId}?/publish`, {})).status).toBe(400);
		expect(await since(refused)).toEqual([]);
	});

	it('records assigning and unassigning an instructor to a course', async () => {
		const mark = await lastId();
		const course = world.ids.courseA;
		const assign = await world.clients.admin.post('/admin/courses?/assign', { courseId: String(course), email: world.emails.otherInstructor });
		expect(assign.status).toBe(200);
		const unassign = await world.clients.admin.post('/admin/courses?/unassign', { courseId: String(course), userId: String(ids.otherInstructor) });
		expect(unassign.status).toBe(200);
		expect(await since(mark)).toEqual([
			{ actor_id: ids.admin, action: 'course.assign', target: `course:${course}`, detail: `assigned user:${ids.otherInstructor}` },
			{ actor_id: ids.admin, action: 'course.assign', target: `course:${course}`, detail: `unassigned user:${ids.otherInstructor}` }
		]);
	});
});

describe('the audit log page', () => {
	it('shows admins each event with actor, action, target, detail and a readable time naming its zone', async () => {
		const page = await world.clients.admin.get('/admin/audit');
		expect(page.status).toBe(200);
		const html = await page.text();
		const [revoke] = await events("action = 'certificate.revoke'");
		const iso = new Date(revoke.at).toISOString(); // UTC, e.g. 2026-11-20T09:15:02.123Z
		const row = html.slice(html.indexOf(`<time datetime="${iso}"`));
		// The exact instant in datetime; the text as people read it, in the server's zone and naming it.
		expect(row).toMatch(new RegExp(`^<time datetime="${iso}"[^>]*>${formatDateTime(new Date(iso))}</time>`));
		expect(formatDateTime(new Date(iso))).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \S+$/);
		const cells = row.slice(0, row.indexOf('</tr>'));
		expect(cells).toContain('Ada Admin');
		expect(cells).toContain(world.emails.admin);
		expect(cells).toContain('Certificate revoked');
		expect(cells).toContain(`certificate:${world.ids.certificate}`);
		expect(cells).toContain(world.ids.certificateCode);
		expect(cells).toContain('Name misspelt');
		// Newest first.
		const times = rowTimes(html);
		expect([...times].sort().reverse()).toEqual(times);
		// The admin section navigation marks the page.
		expect(html).toMatch(/<a href="\/admin\/audit" aria-current="page"[^>]*>Audit log<\/a>/);
		expect(html).toMatch(/<a href="\/admin\/users"(?: class="[^"]*")?>Users<\/a>/);
		// Read-only: no form posts anywhere in the page body, only the GET filter and the logout button.
		const forms = [...html.matchAll(/<form[^>]*>/g)].map((m) => m[0]);
		expect(forms.filter((f) => /method="post"/i.test(f) && !f.includes('action="/logout"'))).toEqual([]);
	});

	it('filters by action', async () => {
		const html = await world.clients.admin.text('/admin/audit?action=course.assign');
		const expected = await events("action = 'course.assign'");
		expect(rowTimes(html)).toHaveLength(expected.length);
		expect(html).toContain(`assigned user:${ids.otherInstructor}`);
		expect(html).not.toContain('Name misspelt');
		expect(html).toMatch(/<option value="course.assign"[^>]*selected/);
		// An unknown action shows everything rather than failing.
		const all = await world.clients.admin.text('/admin/audit?action=bogus');
		expect(rowTimes(all).length).toBe(Math.min(50, (await events()).length));
	});

	it('pages through many events, newest first, without gaps or repeats', async () => {
		// Refusals are recorded once per account and path every ten minutes, so older ones are added directly.
		await sqlOn(
			server.databaseUrl,
			`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
			 INSERT INTO audit_events (action, actor_id, target) SELECT 'admin.denied', ?, '/admin/certificates' FROM n`,
			[ids.otherStudent]
		);
		const all = (await events()).reverse();
		expect(all.length).toBeGreaterThan(100);
		const seen: string[] = [];
		let path: string | null = '/admin/audit';
		let pages = 0;
		while (path) {
			const html = await world.clients.admin.text(path);
			const times = rowTimes(html);
			expect(times.length).toBeLessThanOrEqual(50);
			seen.push(...times);
			const older: RegExpExecArray | null = /<a href="\?before=(\d+)">Older events<\/a>/.exec(html);
			path = older ? `/admin/audit?before=${older[1]}` : null;
			if (++pages > 1) expect(html).toContain('Newer events');
		}
		expect(pages).toBe(Math.ceil(all.length / 50));
		expect(seen).toEqual(all.map((e) => new Date(e.at).toISOString()));

		// Paging inside a filter stays inside it, and "Newer events" goes back to the same rows.
		const first = await world.clients.admin.text('/admin/audit?action=admin.denied');
		const denied = (await events("action = 'admin.denied'")).reverse();
		expect(rowTimes(first)).toEqual(denied.slice(0, 50).map((e) => new Date(e.at).toISOString()));
		const olderLink = /<a href="\?action=admin.denied&amp;before=(\d+)">Older events<\/a>/.exec(first)!;
		const second = await world.clients.admin.text(`/admin/audit?action=admin.denied&before=${olderLink[1]}`);
		expect(rowTimes(second)).toEqual(denied.slice(50, 100).map((e) => new Date(e.at).toISOString()));
		const newerLink = /<a href="\?action=admin.denied&amp;after=(\d+)">Newer events<\/a>/.exec(second)!;
		const back = await world.clients.admin.text(`/admin/audit?action=admin.denied&after=${newerLink[1]}`);
		expect(rowTimes(back)).toEqual(rowTimes(first));
		expect(back).not.toContain('Newer events');
	});
});

describe('nobody can change the audit log', () => {
	it('refuses every attempt to post to the audit page, and the log never shrinks or changes', async () => {
		const before = await events();
		const actions = ['', '?/default', '?/delete', '?/update', '?/edit', '?/clear', '?/purge', '?/remove', '?/truncate'];
		for (const actor of ['admin', 'student', 'instructor', 'anonymous'] as const) {
			for (const action of actions) {
				const fields = { id: String(before[0].id), eventId: String(before[0].id), action: 'role.change', detail: 'tampered' };
				const res = await world.clients[actor].post(`/admin/audit${action}`, fields);
				expect([403, 404, 405], `${actor} POST /admin/audit${action}`).toContain(res.status);
			}
			for (const method of ['PUT', 'PATCH', 'DELETE']) {
				const res = await world.clients[actor].request('/admin/audit', { method, headers: { origin: server.url } });
				expect([403, 404, 405], `${actor} ${method} /admin/audit`).toContain(res.status);
			}
		}
		const after = await events();
		expect(after.length).toBeGreaterThanOrEqual(before.length);
		expect(after.slice(0, before.length)).toEqual(before);
	});
});
