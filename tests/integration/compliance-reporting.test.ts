import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import type { Client } from '../helpers/client';
import { adminOn, APPROVALS_ENV, learnerWithLicences, PROVIDER_FORM } from '../helpers/compliance';
import { completeCourse } from '../helpers/journeys';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const SCIENCE = 'science-of-massage';
const DAY = 86_400_000;
let server: TestServer;
let admin: Client;

beforeAll(async () => {
	server = await startServer({ env: APPROVALS_ENV });
	admin = await adminOn(server);
	expect((await admin.post('/admin/provider', PROVIDER_FORM)).status).toBe(200);
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const completedAt = async (userId: number) =>
	Number((await sqlOn(server.databaseUrl, 'SELECT completed_at FROM enrollments WHERE user_id = ? AND completed_at IS NOT NULL', [userId]))[0].completed_at);
const exportRows = (rows: string[], format: 'xls' | 'csv') => admin.post('/admin/reporting/export', { row: rows, format });

describe('the reporting queue', () => {
	it('lists Florida completions due in 30 days and Georgia in 7 (with consent), exports them, then marks them reported', { timeout: 180_000 }, async () => {
		const fl = await learnerWithLicences(server, 'Flo Florida', [{ jurisdiction: 'FL', number: 'MA54321' }]);
		const ga = await learnerWithLicences(server, 'Gia Georgia', [{ jurisdiction: 'GA', number: 'MT001234', consent: 'on' }]);
		const gaNo = await learnerWithLicences(server, 'Noel Noconsent', [{ jurisdiction: 'GA', number: 'MT009999' }]);
		for (const learner of [fl, ga, gaNo]) await completeCourse(learner.client, server, SCIENCE);

		const page = await admin.text(`/admin/reporting?course=${SCIENCE}`);
		expect(page).toContain('Flo Florida');
		expect(page).toContain('Gia Georgia');
		expect(page, 'no consent, no report').not.toContain('Noel Noconsent');
		const [flDone, gaDone] = [await completedAt(fl.userId), await completedAt(ga.userId)];
		const courseId = Number((await sqlOn(server.databaseUrl, 'SELECT id FROM courses WHERE slug = ?', [SCIENCE]))[0].id);
		const keyOf = async (userId: number) => `${userId}-${courseId}-${Number((await sqlOn(server.databaseUrl, 'SELECT id FROM licences WHERE user_id = ?', [userId]))[0].id)}`;
		const [flKey, gaKey] = [await keyOf(fl.userId), await keyOf(ga.userId)];
		const rowOf = (key: string) => new RegExp(`value="${key}"[\\s\\S]*?</tr>`).exec(page)![0];
		expect(rowOf(flKey)).toContain(utcDay(Date.parse(utcDay(flDone)) + 30 * DAY));
		expect(rowOf(gaKey)).toContain(utcDay(Date.parse(utcDay(gaDone)) + 7 * DAY));
		expect(rowOf(flKey)).toContain('Due');

		// No codes yet: refused, naming every row, nothing written.
		const refused = await exportRows([flKey, gaKey], 'xls');
		expect(refused.status).toBe(422);
		const message = await refused.text();
		expect(message).toContain('Flo Florida, The Science of Massage (Approved Test Title) (FL): missing the CE Broker course number for FL, the profession code for FL');
		expect(message).toContain('Gia Georgia');

		const codes = { 'profession|FL:massage-therapist': '2300', 'profession|GA:massage-therapist': '4100', 'course|FL:science-of-massage': '20-777001', 'course|GA:science-of-massage': '20-777002' };
		expect((await admin.post('/admin/reporting?/codes', codes)).status).toBe(200);

		// A licence number missing (an account migrated from elsewhere): refused naming that row only.
		await sqlOn(server.databaseUrl, "UPDATE licence_versions SET number = '' WHERE licence_id = (SELECT id FROM licences WHERE user_id = ?)", [ga.userId]);
		const missing = await exportRows([flKey, gaKey], 'csv');
		expect(missing.status).toBe(422);
		const missingText = await missing.text();
		expect(missingText).toContain('Gia Georgia, The Science of Massage (Approved Test Title) (GA): missing the licence number');
		expect(missingText).not.toContain('Flo Florida');
		await sqlOn(server.databaseUrl, "UPDATE licence_versions SET number = 'MT001234' WHERE licence_id = (SELECT id FROM licences WHERE user_id = ?)", [ga.userId]);

		const xls = await exportRows([flKey, gaKey], 'xls');
		expect(xls.status).toBe(200);
		expect(xls.headers.get('content-type')).toBe('application/vnd.ms-excel');
		const book = XLSX.read(new Uint8Array(await xls.arrayBuffer()), { type: 'array' });
		expect(book.bookType ?? 'xls').toBe('xls');
		const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: false });
		const flDate = new Date(flDone);
		const mmdd = `${String(flDate.getUTCMonth() + 1).padStart(2, '0')}/${String(flDate.getUTCDate()).padStart(2, '0')}/${flDate.getUTCFullYear()}`;
		expect(rows).toContainEqual(['12345', '777001', '', '', 'MA54321', mmdd, 'State=FL', 'Profession=2300']);
		const csv = await (await exportRows([gaKey], 'csv')).text();
		expect(csv).toMatch(/^12345,777002,,,MT001234,\d\d\/\d\d\/\d{4},State=GA,Profession=4100\r\n$/);

		const marked = await admin.post('/admin/reporting?/mark', { row: [flKey, gaKey] });
		expect(marked.status).toBe(200);
		const batch = /Batch (R-[\w-]+): 2 marked reported/.exec(await marked.text())![1];
		const after = await admin.text(`/admin/reporting?status=reported`);
		expect(after).toContain('Flo Florida');
		expect(after).toContain(`batch ${batch}`);
		const [audit] = await sqlOn(server.databaseUrl, "SELECT target, detail FROM audit_events WHERE action = 'reporting.report'");
		expect(audit.target).toBe(`batch:${batch}`);
		expect(String(audit.detail)).toContain(flKey);

		const again = await exportRows([flKey], 'csv');
		expect(again.status).toBe(200);
		expect(again.headers.get('content-disposition')).toContain('-includes-reported.csv');
	});

	it('is closed to students', async () => {
		const { client } = await learnerWithLicences(server, 'Stu Dent', []);
		for (const path of ['/admin/reporting', '/admin/provider', '/admin/records']) expect((await client.get(path)).status).toBe(403);
		expect((await client.post('/admin/reporting/export', { row: ['1-1-1'], format: 'csv' })).status).toBe(403);
	});
});
