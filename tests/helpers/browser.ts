import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { removeServerFiles, startServer, type TestServer } from './server';

/**
 * Debian's Chromium driven by playwright-core, with a fresh profile and no background networking (this machine
 * has no network beyond loopback). The path comes from CHROMIUM_PATH, set by scripts/test.js.
 */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; timezoneId?: string } = {}) {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	const profile = mkdtempSync(join(tmpdir(), 'touchstone-chromium-'));
	const context: BrowserContext = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		colorScheme: options.colorScheme ?? 'light',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		timezoneId: options.timezoneId,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	// Pages become interactive only after hydration; on a busy machine that can lag the HTML by seconds, so every
	// navigation waits for the layout's hydration mark before a test types or clicks.
	if (options.javaScriptEnabled !== false) {
		const newPage = context.newPage.bind(context);
		context.newPage = async () => {
			const page = await newPage();
			const hydrated = () => page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 20_000 }).catch(() => undefined);
			const goto = page.goto.bind(page);
			page.goto = async (...args: Parameters<typeof goto>) => {
				const response = await goto(...args);
				await hydrated();
				return response;
			};
			const waitForURL = page.waitForURL.bind(page);
			page.waitForURL = async (...args: Parameters<typeof waitForURL>) => {
				await waitForURL(...args);
				await hydrated();
			};
			return page;
		};
	}
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

export type TestBrowser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * Registers the file's beforeAll and afterAll: starts the built server (its own temporary database) and then a
 * browser launched with `options`; afterwards closes the browser, stops the server and removes its files. The
 * returned object's `server` and `browser` are set once beforeAll has run (read them inside hooks and tests).
 */
export function useServerAndBrowser(options?: Parameters<typeof launchBrowser>[0]): { server: TestServer; browser: TestBrowser } {
	const env = {} as { server: TestServer; browser: TestBrowser };
	beforeAll(async () => {
		env.server = await startServer();
		env.browser = await launchBrowser(options);
	});
	afterAll(async () => {
		await env.browser?.close();
		await env.server?.stop();
		if (env.server) removeServerFiles(env.server);
	});
	return env;
}

/** Fills a quiz form in the page from field name → value(s), as a student would click and type. */
export async function fillAnswers(page: import('playwright-core').Page, fields: Record<string, string | string[]>) {
	for (const [name, value] of Object.entries(fields)) {
		const values = [value].flat();
		const first = page.locator(`[name="${name}"]`).first();
		const tag = await first.evaluate((el) => `${el.tagName.toLowerCase()}:${(el as HTMLInputElement).type}`);
		if (tag === 'select:select-one') await first.selectOption(values[0]);
		else if (tag === 'input:radio' || tag === 'input:checkbox') {
			for (const v of values) await page.locator(`[name="${name}"][value="${v}"]`).check();
		} else await first.fill(values[0]);
	}
}
