import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import type { Client } from '../helpers/client';
import { adminOn, APPROVALS_ENV, GOOD_EVALUATION, learnerWithLicences } from '../helpers/compliance';
import { completeCourse } from '../helpers/journeys';
import { pdfText } from '../helpers/pdf-text';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const SCIENCE = 'science-of-massage';
let server: TestServer;
let admin: Client;

beforeAll(async () => {
	server = await startServer({ env: APPROVALS_ENV });
	try {
		admin = await adminOn(server);
	} catch (e) {
		throw new Error(`${(e as Error).message}\n${server.output().slice(-3000)}`);
	}
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

describe('records for an auditor', () => {
	it('exports the roster of a course and period, and an audit pack with each certificate', { timeout: 120_000 }, async () => {
		const learner = await learnerWithLicences(server, 'Rosa Roster', [{ jurisdiction: 'FL', number: 'MA77777' }]);
		await completeCourse(learner.client, server, SCIENCE);
		expect((await learner.client.post(`/evaluations/${SCIENCE}`, GOOD_EVALUATION)).status).toBe(200);
		const [{ code }] = await sqlOn(server.databaseUrl, 'SELECT code FROM course_certificates WHERE user_id = ?', [learner.userId]);
		const today = new Date().toISOString().slice(0, 10);
		const query = `course=${SCIENCE}&from=${today}&to=${today}`;

		const csv = await admin.text(`/admin/records/roster.csv?${query}`);
		const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('Learner,Email,Licences,Enrolled,Completed,Final score (%),Evaluation submitted,Certificate code,CE hours');
		expect(lines).toContain(`Rosa Roster,${learner.email},Florida MA77777,${today},${today},100,yes,${code},0.75`);

		const zip = unzipSync(new Uint8Array(await (await admin.get(`/admin/records/audit-pack.zip?${query}`)).arrayBuffer()));
		expect(Object.keys(zip).filter((k) => !k.endsWith('/')).sort()).toEqual(['approval.json', `certificates/${code}.pdf`, 'evaluation-summary.csv', 'roster.csv']);
		expect(strFromU8(zip['roster.csv'])).toContain('Rosa Roster');
		expect(strFromU8(zip['evaluation-summary.csv'])).toContain('Comments are shown once at least 5 learners have answered.');
		expect(JSON.parse(strFromU8(zip['approval.json'])).approvals[0].number).toBe('TEST-APPROVAL-1');
		expect(await pdfText(zip[`certificates/${code}.pdf`])).toContain('Florida licence MA77777');
	});

	it('shows instructors evaluation totals, and comments only from five learners on', { timeout: 180_000 }, async () => {
		const courseId = Number((await sqlOn(server.databaseUrl, 'SELECT id FROM courses WHERE slug = ?', [SCIENCE]))[0].id);
		const before = await admin.text(`/instructor/courses/${courseId}/evaluations`);
		expect(before).toContain('Comments are shown once at least 5 learners have answered');
		for (let i = 0; i < 4; i++) {
			const learner = await learnerWithLicences(server, `Eva Luator ${i}`, []);
			await completeCourse(learner.client, server, SCIENCE);
			expect((await learner.client.post(`/evaluations/${SCIENCE}`, { ...GOOD_EVALUATION, comments: `Comment number ${i}` })).status).toBe(200);
		}
		const after = await admin.text(`/instructor/courses/${courseId}/evaluations`);
		expect(after).toContain('5 responses');
		expect(after).toContain('Comment number 3');
		expect(after).not.toContain('Eva Luator');
		const csv = await admin.text(`/instructor/courses/${courseId}/evaluations/evaluations.csv`);
		expect(csv).toContain('Responses,5');
	});
});
