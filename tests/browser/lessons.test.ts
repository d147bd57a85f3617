import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';

const env = useServerAndBrowser();

describe('lessons in a real browser', () => {
	it('renders a lesson with its citations and a reference list that the citation links reach', async () => {
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/courses/science-of-massage/circulation-toxins-and-lactate`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Lactate');
		const cite = page.locator('sup.cite a').first();
		const href = await cite.getAttribute('href');
		await cite.click();
		await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
		await expect.poll(() => page.locator(`${href}`).isVisible()).toBe(true);
		expect(await page.locator('#references + ol li').count()).toBeGreaterThanOrEqual(3);
		await page.close();
	});

	it('moves the effect-size slider with the keyboard and updates the probability', async () => {
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/courses/science-of-massage/weighing-the-evidence`);
		const slider = page.getByRole('slider', { name: "Cohen's d" });
		await slider.focus();
		const readout = page.locator('.readout');
		await expect.poll(() => readout.textContent()).toContain('d = 0.50');
		expect(await readout.textContent()).toContain('64%');
		for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => readout.textContent()).toContain('d = 0.80');
		expect(await readout.textContent()).toContain('71%');
		await page.keyboard.press('Home');
		await expect.poll(() => readout.textContent()).toContain('d = 0.00');
		expect(await readout.textContent()).toContain('50%');
		await page.close();
	});

	it('answers an inline knowledge check in place, with feedback announced', async () => {
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/courses/science-of-massage/circulation-toxins-and-lactate`);
		const check = page.locator('aside.check').first();
		await check.getByRole('radio').first().check();
		await check.getByRole('button', { name: 'Check answer' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toMatch(/Correct\.|Not quite\./);
		await page.close();
	});

	it('finds a lesson from the search page by a word in its body', async () => {
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/search`);
		await page.getByLabel('Words to find').fill('fibromyalgia');
		await page.getByLabel('Words to find').press('Enter');
		await page.waitForURL(/q=fibromyalgia/);
		const first = page.locator('ol.hits a').first();
		await expect.poll(() => first.textContent()).toBeTruthy();
		await first.click();
		await page.waitForURL(/\/courses\//);
		expect(page.url()).toContain('#');
		await page.close();
	});
});
