// The Email settings page in Chromium: switches toggled and saved with the keyboard alone (JavaScript on), the same
// form as a plain POST with JavaScript off, and axe-clean in light and dark mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sqlOn } from '../helpers/answers';
import { scanPage } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { Client, registerUser, uniqueEmail } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { JOBS_INTERVAL_SECONDS: '0' } });
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

async function signedInPage(browser: Awaited<ReturnType<typeof launchBrowser>>) {
	const http = new Client(server.url);
	const { email } = await registerUser(http, 'Kim Keyboard', uniqueEmail('email-prefs'));
	await browser.context.addCookies([{ name: 'touchstone_session', value: http.cookie('touchstone_session')!, url: server.url }]);
	const page = await browser.context.newPage();
	await page.goto(`${server.url}/account/email`);
	return { page, email };
}

const prefs = async (email: string) =>
	Object.fromEntries(
		(await sqlOn(server.databaseUrl, 'SELECT category, enabled FROM email_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = ?', [email])).map((r) => [
			r.category,
			Number(r.enabled)
		])
	);
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id ?? '');
const focusVisible = (page: Page) =>
	page.evaluate(() => {
		const style = getComputedStyle(document.activeElement!);
		return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
	});

describe('Email settings', () => {
	it('toggles and saves with the keyboard alone, with visible focus', async () => {
		const browser = await launchBrowser();
		try {
			const { page, email } = await signedInPage(browser);
			await page.locator('#cat-renewal').focus();
			expect(await page.locator('#cat-renewal').isChecked()).toBe(true);
			expect(await focusVisible(page)).toBe(true);
			await page.keyboard.press('Space'); // renewal off
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			expect(await focused(page)).toBe('cat-review');
			await page.keyboard.press('Space'); // review digest on (opt-in)
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save email settings');
			await page.keyboard.press('Enter');
			await expect.poll(() => page.locator('[role="status"] .alert').first().textContent().catch(() => ''), { timeout: 15_000 }).toContain('saved');
			expect(await prefs(email)).toMatchObject({ renewal: 0, expiry: 1, review: 1, evaluation: 1 });
		} finally {
			await browser.close();
		}
	}, 120_000);

	it('works as a plain form without JavaScript', async () => {
		const browser = await launchBrowser({ javaScriptEnabled: false });
		try {
			const { page, email } = await signedInPage(browser);
			await page.locator('#cat-expiry').uncheck();
			await page.getByRole('button', { name: 'Save email settings' }).click();
			await page.waitForLoadState('load');
			expect(await page.content()).toContain('Your email settings are saved.');
			expect(await page.locator('#cat-expiry').isChecked()).toBe(false);
			expect(await prefs(email)).toMatchObject({ renewal: 1, expiry: 0, review: 0, evaluation: 1 });
		} finally {
			await browser.close();
		}
	}, 120_000);

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`is axe-clean in ${colorScheme} mode`, async () => {
			const browser = await launchBrowser({ colorScheme });
			try {
				const { page } = await signedInPage(browser);
				expect(await scanPage(page)).toEqual([]);
			} finally {
				await browser.close();
			}
		}, 120_000);
	}
});
