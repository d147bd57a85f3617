import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { Client, registerUser, uniqueEmail } from '../helpers/client';
import { adminOn, APPROVALS_ENV, PROVIDER_FORM } from '../helpers/compliance';
import { completeCourse } from '../helpers/journeys';
import { pdfText } from '../helpers/pdf-text';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
	server = await startServer({ env: APPROVALS_ENV });
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (server) removeServerFiles(server);
});

async function signInBrowserAs(client: Client) {
	await browser.context.clearCookies();
	await browser.context.addCookies([{ name: 'touchstone_session', value: client.cookie('touchstone_session')!, url: server.url }]);
}

describe('a CE provider in a real browser', () => {
	it('a learner adds a Florida licence, completes and evaluates a course, downloads the certificate; an admin exports the report', { timeout: 180_000 }, async () => {
		const learner = new Client(server.url);
		await registerUser(learner, 'Lena Licensed', uniqueEmail('browser-ce'));
		await signInBrowserAs(learner);
		const page = await browser.context.newPage();

		await page.goto(`${server.url}/account/licences`);
		await page.getByLabel('Where you are licensed or certified').selectOption('FL');
		await page.getByLabel('Licence number').fill('ma 24680');
		await page.getByRole('button', { name: 'Add licence' }).click();
		await expect.poll(() => page.getByText('Added your Florida licence MA24680.').count()).toBe(1);

		// The lessons and final over HTTP (fast), in the session the browser uses.
		await completeCourse(learner, server, 'science-of-massage');
		await page.goto(`${server.url}/courses/science-of-massage`);
		await page.getByRole('link', { name: 'Evaluate this course' }).click();
		await page.waitForURL(/\/evaluations\/science-of-massage$/);
		for (const group of await page.getByRole('group').all()) await group.getByLabel('4 · Agree').check();
		await page.getByLabel('Comments (optional)').fill('Useful, with good sources.');
		await page.getByRole('button', { name: 'Submit evaluation' }).click();
		const downloadLink = page.getByRole('link', { name: /Download your certificate/ });
		await downloadLink.waitFor();
		const downloadEvent = page.waitForEvent('download');
		await downloadLink.click();
		const download = await downloadEvent;
		expect(download.suggestedFilename()).toMatch(/^touchstone-course-certificate-TS-[\w-]+\.pdf$/);
		const text = await pdfText(await readFile((await download.path())!));
		expect(text).toContain('Florida licence MA24680');
		expect(text).toContain('0.75 CEs');

		const admin = await adminOn(server);
		expect((await admin.post('/admin/provider', PROVIDER_FORM)).status).toBe(200);
		await admin.post('/admin/reporting?/codes', { 'profession|FL:massage-therapist': '2300', 'course|FL:science-of-massage': '20-777001' });
		await signInBrowserAs(admin);
		await page.goto(`${server.url}/admin/reporting`);
		await expect.poll(() => page.getByRole('cell', { name: 'Lena Licensed', exact: true }).count()).toBe(1);
		const csvEvent = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export as CSV' }).click();
		const csv = await readFile((await (await csvEvent).path())!, 'utf8');
		expect(csv).toMatch(/^12345,777001,,,MA24680,\d\d\/\d\d\/\d{4},State=FL,Profession=2300\r\n$/);
	});
});
