import { describe, expect, it } from 'vitest';
import { attemptAnswers, sqlOn } from '../helpers/answers';
import { fillAnswers, useServerAndBrowser } from '../helpers/browser';
import { STRONG_PASSWORD, uniqueEmail } from '../helpers/client';

const env = useServerAndBrowser();

describe('a student in a real browser', () => {
	it('reads a lesson, passes its check, sees it complete on the dashboard, logs out and in, and resumes', async () => {
		const page = await env.browser.context.newPage();
		const email = uniqueEmail('journey');
		await page.goto(`${env.server.url}/register`);
		await page.getByLabel('Name').fill('Journey Jo');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(`${env.server.url}/dashboard`);

		await page.goto(`${env.server.url}/courses/science-of-massage/weighing-the-evidence`);
		await page.getByRole('button', { name: /I have finished reading/ }).click();
		await page.waitForURL(/\/quizzes\/\d+$/);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/attempts\/\d+$/);
		const attemptId = Number(/attempts\/(\d+)/.exec(page.url())![1]);
		// Every question is a fieldset named by its legend.
		expect(await page.getByRole('group', { name: /Question 1/ }).count()).toBe(1);
		const { fields } = await attemptAnswers(env.server.databaseUrl, attemptId);
		await fillAnswers(page, fields);
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).count(), { timeout: 5000 }).toBeGreaterThan(0);
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await page.getByRole('button', { name: 'Submit now' }).click();
		await page.waitForURL(/\/result$/);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('100%, passed');

		await page.goto(`${env.server.url}/courses/science-of-massage/weighing-the-evidence`);
		await expect.poll(() => page.getByText('You have completed this lesson.').isVisible()).toBe(true);
		await page.goto(`${env.server.url}/dashboard`);
		await expect.poll(() => page.getByText('1 of 6 lessons complete').isVisible()).toBe(true);

		// Start the next lesson and scroll into it, then log out and back in: Continue brings us back there.
		await page.goto(`${env.server.url}/courses/science-of-massage/circulation-toxins-and-lactate`);
		await page.getByRole('button', { name: 'Log out' }).click();
		await page.waitForURL(`${env.server.url}/`);
		await page.goto(`${env.server.url}/login`);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL(`${env.server.url}/dashboard`);
		const resume = page.getByRole('link', { name: /Continue: Circulation/ });
		await resume.click();
		await page.waitForURL(/circulation-toxins-and-lactate/);
		await page.close();
	});

	it('runs a review session with keyboard ratings', async () => {
		await env.browser.context.clearCookies();
		const page = await env.browser.context.newPage();
		const email = uniqueEmail('review');
		await page.goto(`${env.server.url}/register`);
		await page.getByLabel('Name').fill('Review Rae');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(`${env.server.url}/dashboard`);

		// Answer two knowledge checks in a lesson: they become review cards.
		await page.goto(`${env.server.url}/courses/science-of-massage/circulation-toxins-and-lactate`);
		for (const check of await page.locator('aside.check').all()) {
			await check.getByRole('radio').first().check();
			await check.getByRole('button', { name: 'Check answer' }).click();
			await expect.poll(() => check.getByRole('status').textContent()).toMatch(/Correct\.|Not quite\./);
		}
		await sqlOn(env.server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)', [Date.now() - 1000, email]);

		await page.goto(`${env.server.url}/review`);
		await page.getByRole('radio').first().check();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect.poll(() => page.getByText('Right answer:').isVisible()).toBe(true);
		await page.keyboard.press('3');
		await expect.poll(() => page.getByText(/This question comes back (in \d+ (minutes?|hours?|days)|tomorrow)/).isVisible()).toBe(true);
		const logs = await sqlOn(env.server.databaseUrl, 'SELECT l.rating FROM review_logs l JOIN users u ON u.id = l.user_id WHERE u.email = ?', [email]);
		expect(logs).toHaveLength(1);
		// The second card is next.
		await expect.poll(() => page.getByRole('button', { name: 'Show answer' }).isVisible()).toBe(true);
		await page.close();
	});
	it('records a lesson as opened when it is read, never when a link to it is hovered', async () => {
		await env.browser.context.clearCookies(); // the review test left its student signed in
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/register`);
		await page.getByLabel('Name').fill('Hover Hal');
		await page.getByLabel('Email').fill(uniqueEmail('hover'));
		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(`${env.server.url}/dashboard`);

		// Opening the first lesson records it: the page's first heartbeat arrives.
		const beat = page.waitForResponse((r) => r.url().endsWith('/api/progress/heartbeat') && r.status() === 200);
		await page.goto(`${env.server.url}/courses/science-of-massage/weighing-the-evidence`);
		await beat;
		// Hovering "Next" preloads the next lesson's data, and must record nothing.
		const preload = page.waitForResponse((r) => r.url().includes('/circulation-toxins-and-lactate/__data.json'));
		await page.locator('a[rel="next"]').hover();
		expect((await preload).status()).toBe(200);

		await page.goto(`${env.server.url}/dashboard`);
		const resume = page.getByRole('link', { name: /^Continue: / });
		await expect.poll(() => resume.textContent()).toContain('Weighing the Evidence');
		await page.close();
	});
});
