import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attemptAnswers, sqlOn } from '../helpers/answers';
import { fillAnswers, launchBrowser, useServerAndBrowser } from '../helpers/browser';
import { Client, STRONG_PASSWORD, registerUser, uniqueEmail } from '../helpers/client';
import { completeLessons, quizIdOf, takeQuiz } from '../helpers/journeys';

const env = useServerAndBrowser();

async function register(page: Page, name: string) {
	await page.goto(`${env.server.url}/register`);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email').fill(uniqueEmail('ux'));
	await page.getByLabel('Password').fill(STRONG_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL(`${env.server.url}/dashboard`);
}

/** Opens the timed final's start page, checks what it says, and starts attempt 1. Returns the attempt id. */
async function startFinal(page: Page): Promise<number> {
	await page.goto(`${env.server.url}/quizzes/${await quizIdOf(env.server, 'science-of-massage/final')}`);
	const notice = page.getByRole('region', { name: 'Before you start' });
	const said = await notice.textContent();
	expect(said).toContain('You have 45 minutes');
	expect(said).toContain('When time runs out, the answers saved by then are graded');
	expect(said).toMatch(/Starting uses attempt 1 of \d+/);
	expect(said).toMatch(/You pass with \d+%/);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/attempts\/\d+$/);
	return Number(/attempts\/(\d+)/.exec(page.url())![1]);
}

/** The fields answering the first `n` questions on the page, in the order shown. */
async function firstAnswers(page: Page, fields: Record<string, string | string[]>, n: number) {
	const ids = await page.locator('fieldset.question').evaluateAll((sets) => sets.map((set) => set.id.replace(/-question$/, '')));
	const names = new Set(ids.slice(0, n));
	return Object.fromEntries(Object.entries(fields).filter(([name]) => names.has(name.split('.')[0])));
}

const answeredText = (page: Page) => page.getByRole('navigation', { name: 'Answered questions' }).locator('strong').textContent();

describe('a timed exam has a safety net', () => {
	it('with JavaScript: a live answered count, jump links, and a dialog before submitting', { timeout: 120_000 }, async () => {
		const page = await env.browser.context.newPage();
		await register(page, 'Dana Dialog');
		const attemptId = await startFinal(page);
		const { fields, questions } = await attemptAnswers(env.server.databaseUrl, attemptId);
		const total = questions.length;
		expect(await answeredText(page)).toBe(`0 of ${total} answered`);

		// Answer the first question: the count follows without a reload, and question 1 leaves the jump links.
		await fillAnswers(page, await firstAnswers(page, fields, 1));
		await expect.poll(() => answeredText(page)).toBe(`1 of ${total} answered`);
		const bar = page.getByRole('navigation', { name: 'Answered questions' });
		expect(await bar.getByRole('link', { name: 'Question 1', exact: true }).count()).toBe(0);
		await bar.getByRole('link', { name: 'Question 2', exact: true }).click();
		await expect.poll(() => page.url()).toMatch(/#q\d+-question$/);

		// Submitting asks first, listing what is blank and what is left; "Keep answering" changes nothing.
		await page.getByRole('button', { name: 'Submit answers' }).click();
		const dialog = page.getByRole('dialog', { name: 'Submit attempt 1?' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		const asked = await dialog.textContent();
		expect(asked).toContain(`${total - 1} of ${total} questions have no answer`);
		expect(asked).toMatch(/After this you have \d+ attempts? left/);
		await dialog.getByRole('button', { name: 'Keep answering' }).click();
		await expect.poll(() => dialog.isVisible()).toBe(false);
		expect(page.url()).toMatch(/\/attempts\/\d+/);

		await fillAnswers(page, fields);
		await expect.poll(() => answeredText(page)).toBe(`${total} of ${total} answered`);
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await expect.poll(() => dialog.textContent()).toContain(`All ${total} questions are answered`);
		await dialog.getByRole('button', { name: 'Submit now' }).click();
		await page.waitForURL(/\/result$/);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('100%, passed');
		await page.close();
	});

	it('without JavaScript: the count comes from saved answers and Submit shows a confirmation step', { timeout: 120_000 }, async () => {
		const browser = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await browser.context.newPage();
			await register(page, 'Noel NoScript');
			const attemptId = await startFinal(page);
			const { fields, questions } = await attemptAnswers(env.server.databaseUrl, attemptId);
			const total = questions.length;
			expect(await answeredText(page)).toBe(`0 of ${total} answered`);
			await fillAnswers(page, await firstAnswers(page, fields, 2));

			await page.getByRole('button', { name: 'Submit answers' }).click();
			await page.waitForURL(/\/attempts\/\d+\?\/review$/);
			const confirm = page.getByRole('region', { name: 'Submit attempt 1?' });
			const asked = await confirm.textContent();
			expect(asked).toContain(`${total - 2} of ${total} questions have no answer`);
			expect(asked).toMatch(/After this you have \d+ attempts? left/);
			expect(await confirm.getByRole('link', { name: 'Question 3', exact: true }).getAttribute('href')).toMatch(/^#q\d+-question$/);
			// The answers were saved on the way: the server-rendered count shows them.
			expect(await answeredText(page)).toBe(`2 of ${total} answered`);

			await confirm.getByRole('button', { name: 'Submit now' }).click();
			await page.waitForURL(/\/result$/);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/\d+%/);
			await page.close();
		} finally {
			await browser.close();
		}
	});
});

describe('the question box', () => {
	it('keeps the question (the legend) inside the fieldset at 360 px', { timeout: 60_000 }, async () => {
		await env.browser.context.clearCookies();
		const page = await env.browser.context.newPage();
		await page.setViewportSize({ width: 360, height: 800 });
		await register(page, 'Bea Box');
		await startFinal(page);
		const boxes = await page.locator('fieldset.question').evaluateAll((sets) =>
			sets.map((set) => {
				const f = set.getBoundingClientRect();
				const l = set.querySelector(':scope > legend')!.getBoundingClientRect();
				return { top: l.top >= f.top + 1, left: l.left >= f.left, right: l.right <= f.right, bottom: l.bottom <= f.bottom };
			})
		);
		expect(boxes.length).toBeGreaterThan(5);
		for (const box of boxes) expect(box).toEqual({ top: true, left: true, right: true, bottom: true });
		await page.close();
	});
});

describe('the site header', () => {
	it('folds the links into a menu on a phone, opened by keyboard, and shows them in a row on a wide screen', { timeout: 60_000 }, async () => {
		await env.browser.context.clearCookies();
		const page = await env.browser.context.newPage();
		await register(page, 'Mo Menu');
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto(`${env.server.url}/dashboard`);
		const ledger = page.locator('header.site').getByRole('link', { name: 'CE ledger' });
		expect(await ledger.isVisible()).toBe(false);
		const header = await page.locator('header.site').boundingBox();
		expect(header!.height).toBeLessThan(100);
		await page.locator('summary', { hasText: 'Menu' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => ledger.isVisible()).toBe(true);
		expect(await page.locator('header.site').getByRole('link', { name: 'Tracks' }).isVisible()).toBe(true);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dashboard');

		await page.setViewportSize({ width: 1280, height: 800 });
		expect(await page.locator('summary', { hasText: 'Menu' }).isVisible()).toBe(false);
		expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CE ledger' }).isVisible()).toBe(true);
		await page.close();
	});

	it('opens the menu without JavaScript', { timeout: 60_000 }, async () => {
		const browser = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await browser.context.newPage();
			await page.setViewportSize({ width: 360, height: 800 });
			await page.goto(`${env.server.url}/courses`);
			const login = page.locator('header.site').getByRole('link', { name: 'Log in' });
			expect(await login.isVisible()).toBe(false);
			await page.locator('summary', { hasText: 'Menu' }).click();
			await login.click();
			await page.waitForURL(`${env.server.url}/login`);
		} finally {
			await browser.close();
		}
	});
});

describe('a next step after a pass', () => {
	it('offers the next lesson after a lesson check, and after the course final says what was earned', { timeout: 120_000 }, async () => {
		const http = new Client(env.server.url);
		const { email } = await registerUser(http, 'Nia Next', uniqueEmail('next'));
		await completeLessons(http, env.server, 'science-of-massage');
		await env.browser.context.clearCookies();
		await env.browser.context.addCookies([{ name: 'touchstone_session', value: http.cookie('touchstone_session')!, url: env.server.url }]);
		const page = await env.browser.context.newPage();

		const [first] = await sqlOn(
			env.server.databaseUrl,
			'SELECT a.id FROM attempts a JOIN users u ON u.id = a.user_id WHERE u.email = ? AND a.quiz_id = ? ORDER BY a.id LIMIT 1',
			[email, await quizIdOf(env.server, 'science-of-massage/weighing-the-evidence/quiz')]
		);
		await page.goto(`${env.server.url}/attempts/${first.id}/result`);
		const next = page.getByRole('region', { name: 'Next lesson' });
		await next.getByRole('link', { name: /^Next lesson: Circulation/ }).click();
		await page.waitForURL(/circulation-toxins-and-lactate$/);

		const finalId = await takeQuiz(http, env.server, await quizIdOf(env.server, 'science-of-massage/final'));
		await page.goto(`${env.server.url}/attempts/${finalId}/result`);
		const done = page.getByRole('region', { name: 'You completed The Science of Massage' });
		expect(await done.textContent()).toMatch(/\d+(\.\d+)? CE hours? were added to your CE ledger/);
		expect(await done.getByRole('link', { name: 'CE ledger' }).getAttribute('href')).toBe('/ledger');
		const certificates = await sqlOn(env.server.databaseUrl, 'SELECT c.id FROM certificates c JOIN users u ON u.id = c.user_id WHERE u.email = ?', [email]);
		expect(await done.getByRole('link', { name: 'See your certificate' }).count()).toBe(certificates.length ? 1 : 0);

		// Once the final is passed, starting it again is the secondary action.
		await page.goto(`${env.server.url}/quizzes/${await quizIdOf(env.server, 'science-of-massage/final')}`);
		expect(await page.getByRole('button', { name: 'Start a new attempt' }).getAttribute('class')).toContain('secondary');

		// The dashboard says which certificate the course counts toward and which requirement is met.
		await page.goto(`${env.server.url}/dashboard`);
		const progress = page.getByRole('region', { name: 'Certificate progress' });
		expect(await progress.getByRole('link', { name: 'Evidence-Informed Massage Practitioner' }).count()).toBe(1);
		expect(await progress.textContent()).toMatch(/Met Complete “The Science of Massage”/);
		await page.goto(`${env.server.url}/courses/science-of-massage`);
		expect(await page.getByRole('link', { name: 'Evidence-Informed Massage Practitioner' }).count()).toBeGreaterThan(0);
		await page.close();
	});
});

describe('citations', () => {
	it('give each citation of a source its own id, and the reference list links back to every one', { timeout: 60_000 }, async () => {
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/courses/science-of-massage/weighing-the-evidence`);
		const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		expect(ids).toContain('cite-furlan2015-2');
		const back = await page.locator('#ref-furlan2015 .back a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(back.length).toBeGreaterThan(1);
		for (const href of back) expect(ids).toContain(href!.slice(1));
		await page.close();
	});
});
