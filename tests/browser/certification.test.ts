import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attemptAnswers, sqlOn } from '../helpers/answers';
import { useServerAndBrowser } from '../helpers/browser';
import { Client, registerUser, uniqueEmail } from '../helpers/client';
import { completeCourse, completeLessons, quizIdOf } from '../helpers/journeys';

const env = useServerAndBrowser();

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG A/AA violations axe-core finds on the page (evaluated over the DevTools protocol, so the CSP allows it). */
async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(axeSource);
	const ids = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
		const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
		return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
	});
	return ids;
}

/** Answers every question of the open attempt on the page as a student who knows the answers would. */
async function answerAttempt(page: Page, attemptId: number) {
	const { fields } = await attemptAnswers(env.server.databaseUrl, attemptId);
	for (const [name, value] of Object.entries(fields)) {
		for (const v of [value].flat()) {
			const inputs = page.locator(`[name="${name}"]`);
			const tag = await inputs.first().evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
			if (tag === 'SELECT:select-one') await inputs.first().selectOption(v);
			else if (tag === 'INPUT:radio' || tag === 'INPUT:checkbox') await page.locator(`[name="${name}"][value="${v}"]`).check();
			else await inputs.first().fill(v);
		}
	}
}

describe('certificates in a real browser', () => {
	it('a student passes both final exams, downloads the certificate and opens its verification page', async () => {
		// Most of the two courses over HTTP (fast), in the same session the browser then uses.
		const http = new Client(env.server.url);
		await registerUser(http, 'Brooke Browser', uniqueEmail('browser-cert'));
		await completeCourse(http, env.server, 'science-of-massage');
		await completeLessons(http, env.server, 'safe-practice-on-the-care-team');
		await env.browser.context.addCookies([{ name: 'touchstone_session', value: http.cookie('touchstone_session')!, url: env.server.url }]);

		// The last final exam, in the browser.
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/quizzes/${await quizIdOf(env.server, 'safe-practice-on-the-care-team/final')}`);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/attempts\/\d+$/);
		const attemptId = Number(/\/attempts\/(\d+)/.exec(page.url())![1]);
		await answerAttempt(page, attemptId);
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await page.getByRole('button', { name: 'Submit now' }).click();
		await page.waitForURL(/\/result$/);

		// The certificate was issued by the submission itself; the nav leads to it.
		await page.getByRole('link', { name: 'Certificates', exact: true }).click();
		await page.waitForURL(`${env.server.url}/certificates`);
		await expect.poll(() => page.getByRole('heading', { name: 'Evidence-Informed Massage Practitioner' }).isVisible()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		const [row] = await sqlOn(env.server.databaseUrl, "SELECT c.code FROM certificates c JOIN users u ON u.id = c.user_id WHERE u.name = 'Brooke Browser'");
		const code = String(row.code);
		expect(await page.getByText(code).first().isVisible()).toBe(true);

		const downloadEvent = page.waitForEvent('download');
		await page.getByRole('link', { name: /Download PDF/ }).click();
		const download = await downloadEvent;
		expect(download.suggestedFilename()).toBe(`touchstone-certificate-${code}.pdf`);
		const bytes = await readFile((await download.path())!);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.length).toBeGreaterThan(2000);

		// The share link opens the public verification page; its URL works for anyone, signed in or not.
		const shareHref = await page.getByRole('link', { name: `${env.server.url}/verify/${code}` }).getAttribute('href');
		expect(shareHref).toBe(`/verify/${code}`);
		for (const path of ['/ledger', '/tracks/evidence-informed-massage-practitioner', '/dashboard']) {
			await page.goto(env.server.url + path);
			expect(await axeViolations(page), path).toEqual([]);
		}
		await env.browser.context.clearCookies();
		const visitor = await env.browser.context.newPage();
		await visitor.goto(`${env.server.url}/verify/${code}`);
		await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Certificate verification');
		await expect.poll(() => visitor.getByRole('status').first().textContent()).toContain('Valid.');
		expect(await visitor.getByText('Brooke Browser').isVisible()).toBe(true);
		expect(await visitor.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
		expect(await axeViolations(visitor)).toEqual([]);
		await visitor.close();
		await page.close();
	});

	it('finds a certificate from the verification form by a code typed loosely', async () => {
		const [row] = await sqlOn(env.server.databaseUrl, 'SELECT code FROM certificates LIMIT 1');
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/verify`);
		await page.getByLabel('Verification code').fill(String(row.code).toLowerCase().replaceAll('-', ' '));
		await page.getByRole('button', { name: 'Verify' }).click();
		await page.waitForURL(`${env.server.url}/verify/${row.code}`);
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Valid.');
		await page.close();
	});
});
