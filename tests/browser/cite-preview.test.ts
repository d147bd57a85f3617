import { describe, expect, it } from 'vitest';
import { scanPage } from '../helpers/axe';
import { launchBrowser, useServerAndBrowser } from '../helpers/browser';

const env = useServerAndBrowser();
const LESSON = '/courses/science-of-massage/weighing-the-evidence';

describe('citation preview', () => {
	it('shows the reference on hover and on keyboard focus, describes the link, and closes on Escape', { timeout: 60_000 }, async () => {
		const page = await env.browser.context.newPage();
		await page.goto(env.server.url + LESSON);
		const cite = page.locator('sup.cite a[href="#ref-furlan2015"]').first();
		const reference = (await page.locator('#ref-furlan2015 [data-ref-text]').innerText()).replace(/\s+/g, ' ').trim();
		expect(reference).toContain('Furlan');
		const tooltip = page.getByRole('tooltip');

		await cite.hover();
		await expect.poll(() => tooltip.isVisible()).toBe(true);
		expect((await tooltip.innerText()).replace(/\s+/g, ' ').trim()).toBe(reference);
		expect(await cite.getAttribute('aria-describedby')).toBe(await tooltip.getAttribute('id'));
		// The pointer can move onto the preview without it closing; moving away closes it.
		await tooltip.hover();
		expect(await tooltip.isVisible()).toBe(true);
		await page.mouse.move(0, 0);
		await expect.poll(() => tooltip.count()).toBe(0);
		expect(await cite.getAttribute('aria-describedby')).toBeNull();

		// Keyboard: Tab onto the citation from the element before it.
		await cite.evaluate((link) => {
			const before = document.createElement('button');
			before.textContent = 'before';
			link.closest('p, li, h3, td')!.prepend(before);
			before.focus();
		});
		for (let i = 0; i < 20 && !(await cite.evaluate((link) => link === document.activeElement)); i++) await page.keyboard.press('Tab');
		expect(await cite.evaluate((link) => link === document.activeElement)).toBe(true);
		await expect.poll(() => tooltip.isVisible()).toBe(true);
		expect((await tooltip.innerText()).replace(/\s+/g, ' ').trim()).toBe(reference);
		await page.keyboard.press('Escape');
		await expect.poll(() => tooltip.count()).toBe(0);
		// Escape closes without moving focus, and the preview never takes focus itself.
		expect(await cite.evaluate((link) => link === document.activeElement)).toBe(true);
		await page.keyboard.press('Tab');
		expect(await cite.evaluate((link) => link === document.activeElement)).toBe(false);

		// Enter still follows the link to the reference.
		await cite.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ref-furlan2015');
		await page.close();
	});

	it('is axe-clean while open, in light and dark', { timeout: 90_000 }, async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const browser = await launchBrowser({ colorScheme });
			try {
				const page = await browser.context.newPage();
				await page.goto(env.server.url + LESSON);
				await page.locator('sup.cite a[href="#ref-furlan2015"]').first().focus();
				await expect.poll(() => page.getByRole('tooltip').isVisible()).toBe(true);
				expect(await scanPage(page), colorScheme).toEqual([]);
			} finally {
				await browser.close();
			}
		}
	});

	it('is a plain link to the reference without JavaScript', { timeout: 60_000 }, async () => {
		const browser = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await browser.context.newPage();
			await page.goto(env.server.url + LESSON);
			const cite = page.locator('sup.cite a[href="#ref-furlan2015"]').first();
			await cite.hover();
			expect(await page.getByRole('tooltip').count()).toBe(0);
			await cite.click();
			await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ref-furlan2015');
			expect(await page.locator('#ref-furlan2015').isVisible()).toBe(true);
		} finally {
			await browser.close();
		}
	});
});
