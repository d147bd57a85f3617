import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STRONG_PASSWORD, uniqueEmail } from '../helpers/client';
import { launchBrowser, useServerAndBrowser } from '../helpers/browser';

const env = useServerAndBrowser();

/** Tabs until the element matching the accessible name has focus; fails if it is not reachable by keyboard. */
async function tabTo(page: Page, role: 'textbox' | 'button' | 'link', name: string) {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el) return '';
			const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
			return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
		});
		if (focused === name) return;
	}
	throw new Error(`could not reach ${role} "${name}" with Tab`);
}

describe('accounts in a real browser', () => {
	it('registers, logs out and logs in again using only the keyboard, with visible focus', async () => {
		const page = await env.browser.context.newPage();
		const email = uniqueEmail('browser');
		await page.goto(`${env.server.url}/register`);

		await tabTo(page, 'textbox', 'Name');
		await page.keyboard.type('Keyboard Kim');
		await tabTo(page, 'textbox', 'Email');
		await page.keyboard.type(email);
		await tabTo(page, 'textbox', 'Password');
		await page.keyboard.type(STRONG_PASSWORD);
		await tabTo(page, 'button', 'Create account');
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${env.server.url}/dashboard`);
		await expect.poll(() => page.getByText('Signed in as Keyboard Kim').filter({ visible: true }).isVisible()).toBe(true);

		await tabTo(page, 'button', 'Log out');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${env.server.url}/`);
		await expect.poll(() => page.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);

		await page.goto(`${env.server.url}/login`);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill('wrong-password-here');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Incorrect email or password');

		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByLabel('Password').press('Enter');
		await page.waitForURL(`${env.server.url}/dashboard`);
		await expect.poll(() => page.getByText('Signed in as Keyboard Kim').filter({ visible: true }).isVisible()).toBe(true);
		await page.close();
	});

	it('works without JavaScript: registration by plain form posts', async () => {
		const noJs = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await noJs.context.newPage();
			await page.goto(`${env.server.url}/register`);
			await page.getByLabel('Name').fill('No Script Sam');
			await page.getByLabel('Email').fill(uniqueEmail('nojs'));
			await page.getByLabel('Password').fill('password');
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect.poll(() => page.getByText(/at least 8 characters|too easy/).first().isVisible()).toBe(true);
			expect(await page.getByLabel('Name').inputValue()).toBe('No Script Sam');
			await page.getByLabel('Password').fill(STRONG_PASSWORD);
			await page.getByRole('button', { name: 'Create account' }).click();
			await page.waitForURL(`${env.server.url}/dashboard`);
		} finally {
			await noJs.close();
		}
	});
});
