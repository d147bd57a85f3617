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

/** A signed-in page, in its own browser profile, for a new staff account (instructor of The Science of Massage, or admin). */
async function staffPage(role: 'instructor' | 'admin', name: string) {
	const email = uniqueEmail(role);
	expect((await createUserWithCli(env.server.databaseUrl, { email, name, role }, STRONG_PASSWORD)).status).toBe(0);
	const [user] = await sqlOn(env.server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	const [course] = await sqlOn(env.server.databaseUrl, "SELECT id FROM courses WHERE slug = 'science-of-massage'");
	if (role === 'instructor') {
		await sqlOn(env.server.databaseUrl, 'INSERT INTO course_instructors (user_id, course_id) VALUES (?, ?)', [Number(user.id), Number(course.id)]);
	}
	const browser = await launchBrowser();
	const page = await browser.context.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`${env.server.url}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(STRONG_PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	return { page, courseId: Number(course.id), close: () => browser.close() };
}

describe('the question editor for a non-technical instructor', () => {
	it('marks the correct answers by keyboard, and keeps a weight typed under Advanced', async () => {
		const { page, courseId, close } = await staffPage('instructor', 'Kit Keyboard');
		await page.goto(`${env.server.url}/instructor/courses/${courseId}/bank/new?type=multiple`);
		await page.getByLabel('Question text').fill('Which raise the risk of a clot?');
		const texts = ['Recent surgery', 'Regular running', 'Oral contraception', 'Low blood pressure'];
		for (const [i, text] of texts.entries()) await page.getByLabel(`Option ${i + 1} text`).fill(text);

		// From an option's text, Tab reaches its "Correct answer" box; Space ticks it.
		for (const n of [1, 3]) {
			await page.getByLabel(`Option ${n} text`).focus();
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(`r${n - 1}.correct`);
			await page.keyboard.press('Space');
		}
		await expect.poll(() => page.getByRole('checkbox', { name: 'Correct answer for option 1' }).isChecked()).toBe(true);
		await expect.poll(() => page.getByRole('checkbox', { name: 'Correct answer for option 3' }).isChecked()).toBe(true);

		// The weights wait under a closed "Advanced" disclosure, already set to equal shares; Enter opens it.
		const credit = (n: number) => page.getByLabel(`Option ${n} credit %`);
		expect(await credit(1).isVisible()).toBe(false);
		await page.getByText('Advanced: partial credit').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => credit(1).isVisible()).toBe(true);
		expect(await Promise.all([1, 2, 3, 4].map((n) => credit(n).inputValue()))).toEqual(['50', '-50', '50', '-50']);
		await credit(4).fill('-25');
		await expect.poll(() => page.getByText('Custom credit if chosen: -25%').isVisible()).toBe(true);

		await page.getByRole('button', { name: 'Save question' }).click();
		await page.waitForURL(/\/bank(\?|$)/);
		const [row] = await sqlOn(env.server.databaseUrl, "SELECT id, data FROM questions WHERE data LIKE '%Which raise the risk of a clot?%'");
		expect(JSON.parse(String(row.data)).choices.map((c: { weight: number }) => c.weight)).toEqual([50, -50, 50, -25]);

		// Opened again, the custom weight is shown: the disclosure starts open.
		await page.goto(`${env.server.url}/instructor/courses/${courseId}/bank/${row.id}`);
		await expect.poll(() => credit(4).inputValue()).toBe('-25');
		expect(await credit(4).isVisible()).toBe(true);
		await close();
	});
});

describe('admin and studio headers', () => {
	it('fit one row at 1280 px and wrap without sideways scrolling at 360 px', async () => {
		// How far apart the middles of a bar's items are: under 12 px means one row.
		const spread = (page: import('playwright-core').Page, selector: string, items: string) =>
			page.locator(selector).first().evaluate((bar, items) => {
				const middles = [...bar.querySelectorAll(items)]
					.map((e) => e.getBoundingClientRect())
					.filter((r) => r.height > 0)
					.map((r) => r.top + r.height / 2);
				return Math.max(...middles) - Math.min(...middles);
			}, items);
		const admin = await staffPage('admin', 'Adelaide Administrator');
		const instructor = await staffPage('instructor', 'Ines Instructor');
		for (const [page, path] of [
			[admin.page, '/admin/audit'],
			[admin.page, '/instructor'],
			[instructor.page, '/instructor']
		] as const) {
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(env.server.url + path);
			// The site header: brand, every link, the name and Log out on one line.
			expect(await spread(page, 'header.site .bar', '.brand, .wide a, .wide button, .wide .who'), `${path}: header on one line`).toBeLessThan(12);
			const section = path.startsWith('/admin') ? 'nav.admin-nav ul' : 'nav.tools';
			expect(await spread(page, section, 'a'), `${path}: ${section} on one line`).toBeLessThan(12);

			await page.setViewportSize({ width: 360, height: 800 });
			await page.goto(env.server.url + path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at 360 px`).toBeLessThanOrEqual(360);
		}
		await admin.close();
		await instructor.close();
	});
});
