import { describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { launchBrowser, useServerAndBrowser } from '../helpers/browser';
import { createUserWithCli } from '../helpers/cli';
import { STRONG_PASSWORD, uniqueEmail } from '../helpers/client';

const env = useServerAndBrowser();

describe('the instructor studio in a real browser', () => {
	it('an instructor writes a quiz with two question types, previews and publishes it, and a student takes it', async () => {
		const email = uniqueEmail('instructor');
		expect((await createUserWithCli(env.server.databaseUrl, { email, name: 'Ida Instructor', role: 'instructor' }, STRONG_PASSWORD)).status).toBe(0);
		const [user] = await sqlOn(env.server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
		const [course] = await sqlOn(env.server.databaseUrl, "SELECT id FROM courses WHERE slug = 'science-of-massage'");
		await sqlOn(env.server.databaseUrl, 'INSERT INTO course_instructors (user_id, course_id) VALUES (?, ?)', [Number(user.id), Number(course.id)]);

		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/login`); // waits for hydration: filled fields must not race it
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));

		await page.goto(`${env.server.url}/instructor`);
		await page.getByRole('link', { name: 'New quiz' }).click();
		await page.getByLabel('Title').fill('Browser-made quiz');
		await page.getByRole('button', { name: 'Create draft quiz' }).click();
		await page.waitForURL(/\/instructor\/quizzes\/\d+/);
		const quizId = Number(/quizzes\/(\d+)/.exec(page.url())![1]);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Browser-made quiz');

		// Question 1: single choice. The preview follows the typing before anything is saved.
		await page.getByRole('link', { name: 'Single choice' }).click();
		await page.waitForURL(/questions\/new\?type=single/); // and hydrated: the live preview is JavaScript
		const preview = page.locator('aside.preview');
		await preview.waitFor();
		await page.getByLabel('Question text').fill('Which clears **lactate** fastest?');
		await expect.poll(() => preview.locator('legend strong').textContent()).toBe('lactate');
		await page.getByLabel('Option 1 text').fill('Active recovery');
		await page.getByLabel('Option 2 text').fill('Massage');
		await expect.poll(() => preview.getByRole('radio', { name: 'Massage' }).count()).toBe(1);
		await page.getByLabel('Feedback if chosen').nth(1).fill('It slowed clearance.');
		await page.getByRole('button', { name: 'Add option' }).click(); // in place with JavaScript: no reload
		await expect.poll(() => page.getByLabel('Option 5 text').count()).toBe(1);
		await page.getByLabel('Option 5 text').fill('Passive rest');
		await expect.poll(() => preview.getByRole('radio').count()).toBe(3);
		await expect.poll(() => preview.locator('.key').textContent()).toContain('It slowed clearance.');
		await page.getByRole('button', { name: 'Save question' }).click();
		await page.waitForURL(new RegExp(`/instructor/quizzes/${quizId}\\?saved=question`));
		await expect.poll(() => page.getByText('Question saved.').isVisible()).toBe(true);

		// Question 2: true or false.
		await page.getByRole('link', { name: 'True or false' }).click();
		await page.waitForURL(/type=truefalse/);
		await page.getByLabel('Question text').waitFor();
		await page.getByLabel('Question text').fill('Massage flushes lactate out of muscles.');
		await page.locator('fieldset.tf').getByLabel('False').check();
		await expect.poll(() => preview.locator('.key li.right').textContent()).toContain('False');
		await page.getByRole('button', { name: 'Save question' }).click();
		await page.waitForURL(/saved=question/);
		await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);

		// Preview the whole quiz, with and without the answers.
		await page.getByRole('link', { name: 'Preview as a student' }).click();
		await page.waitForURL(/\/preview/);
		await expect.poll(() => page.locator('fieldset.question').count()).toBe(2);
		expect(await page.locator('.key').count()).toBe(0);
		await page.getByRole('link', { name: 'Show answers' }).click();
		await expect.poll(() => page.locator('.key').count()).toBe(2);
		await page.getByRole('link', { name: 'Back to the quiz' }).click();

		// Publish.
		await page.getByRole('button', { name: 'Publish', exact: true }).click();
		await expect.poll(() => page.getByText('Published: students can now take this quiz.').isVisible()).toBe(true);
		expect((await sqlOn(env.server.databaseUrl, 'SELECT status FROM quizzes WHERE id = ?', [quizId]))[0].status).toBe('published');
		await page.close();

		// A student (another browser profile) takes it.
		const learner = await launchBrowser();
		try {
			const studentPage = await learner.context.newPage();
			await studentPage.goto(`${env.server.url}/register`);
			await studentPage.getByLabel('Name').fill('Sam Student');
			await studentPage.getByLabel('Email').fill(uniqueEmail('student'));
			await studentPage.getByLabel('Password').fill(STRONG_PASSWORD);
			await studentPage.getByRole('button', { name: 'Create account' }).click();
			await studentPage.waitForURL((url) => !url.pathname.startsWith('/register'));
			await studentPage.goto(`${env.server.url}/quizzes/${quizId}`);
			await studentPage.getByRole('button', { name: 'Start the quiz' }).click();
			await studentPage.waitForURL(/\/attempts\/\d+$/);
			await studentPage.getByRole('radio', { name: 'Active recovery' }).waitFor();
			await studentPage.getByRole('radio', { name: 'Active recovery' }).check();
			await studentPage.getByRole('radio', { name: 'False' }).check();
			await studentPage.getByRole('button', { name: 'Submit answers' }).click();
			await studentPage.getByRole('button', { name: 'Submit now' }).click();
			await studentPage.waitForURL(/\/result$/);
			await expect.poll(() => studentPage.getByRole('heading', { level: 1 }).textContent()).toContain('100%, passed');
		} finally {
			await learner.close();
		}
	});
});
