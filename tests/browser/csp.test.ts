// Every page type in Chromium under the real Content-Security-Policy: no `securitypolicyviolation` event and no
// CSP error in the console while the page loads, hydrates and its key interaction runs (the effect-size slider, a
// knowledge check, quiz autosave, the question editor's live preview, a review answer, an enhanced form).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { attemptAnswers } from '../helpers/answers';
import { useServerAndBrowser } from '../helpers/browser';
import { pageTypes } from '../helpers/page-types';
import { buildWorld, type Actor, type World } from '../helpers/world';

const env = useServerAndBrowser();
let world: World;
beforeAll(async () => {
	world = await buildWorld(env.server);
	// Runs in every page before its own scripts (through the DevTools protocol, so the policy does not apply to it).
	await env.browser.context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`.trim()), true);
	});
}, 120_000);

async function signIn(context: BrowserContext, actor: Actor) {
	await context.clearCookies();
	const token = world.clients[actor].cookie('touchstone_session');
	if (token) await context.addCookies([{ name: 'touchstone_session', value: token, url: env.server.url }]);
}

/** Opens a page, recording CSP reports from the page (event) and from the browser (console). */
async function openPage(path: string) {
	const page = await env.browser.context.newPage();
	const consoleErrors: string[] = [];
	page.on('console', (msg) => {
		if (/Content Security Policy|Refused to (execute|load|apply|evaluate|connect|frame|send)/i.test(msg.text())) consoleErrors.push(msg.text());
	});
	const response = await page.goto(env.server.url + path);
	// The layout marks the page once the app has started and hydrated it (page.goto waits for the mark too).
	// HTML that SvelteKit does not render (an endpoint's plain error page) has no script, so nothing to hydrate.
	if (await page.locator('script').count()) await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
	const violations = async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)), ...consoleErrors];
	return { page, status: response?.status(), violations };
}

/** The key interaction of a page type, where it has one; each asserts that the JavaScript really ran. */
const interactions: Record<string, (page: Page) => Promise<void>> = {
	lesson: async (page) => {
		const slider = page.getByRole('slider', { name: "Cohen's d" });
		await slider.focus();
		for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.locator('.readout').textContent()).toContain('d = 0.80');
		const check = page.locator('aside.check').first();
		await check.getByRole('radio').first().check();
		await check.getByRole('button', { name: 'Check answer' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toMatch(/Correct\.|Not quite\./);
		expect(page.url(), 'answered in place, without a page load').not.toContain('?/check');
	},
	'quiz taking': async (page) => {
		// The attempt holds saved right answers: choosing a wrong one is a change, which autosave posts.
		const { fields } = await attemptAnswers(env.server.databaseUrl, world.ids.openAttempt, { wrong: true });
		const [name, value] = Object.entries(fields)[0];
		const input = page.locator(`[name="${name}"]`).first();
		const kind = await input.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
		if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox') await page.locator(`[name="${name}"][value="${[value].flat()[0]}"]`).click();
		else if (kind.startsWith('SELECT')) await input.selectOption([value].flat()[0]);
		else await input.fill([value].flat()[0]);
		await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 5000 }).toMatch(/All answers saved/);
	},
	'question editor': async (page) => {
		await page.getByLabel('Question text').fill('Which is **bold**?');
		await expect.poll(() => page.locator('aside.preview legend strong').textContent()).toBe('bold');
		await page.getByRole('button', { name: 'Add option' }).click();
		await expect.poll(() => page.locator('fieldset.row').count()).toBeGreaterThan(4);
	},
	review: async (page) => {
		// Whatever type the due card is: choose or type something.
		const answer = page.locator('[name="answer"], [name^="answer."]').first();
		const kind = await answer.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
		if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox') await answer.check();
		else if (kind.startsWith('SELECT')) await answer.selectOption({ index: 1 });
		else await answer.fill('1');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect.poll(() => page.getByText('Right answer:').isVisible()).toBe(true);
	},
	account: async (page) => {
		await page.getByRole('button', { name: 'Save name' }).click();
		await expect.poll(() => page.getByText('Your name has been saved.').isVisible()).toBe(true);
	},
	search: async (page) => {
		await page.getByLabel('Words to find').fill('cortisol');
		await page.getByLabel('Words to find').press('Enter');
		await page.waitForURL(/q=cortisol/);
		await expect.poll(() => page.locator('ol.hits a').count()).toBeGreaterThan(0);
	}
};

describe('in Chromium, under the Content-Security-Policy', () => {
	it('every page type loads, hydrates and works without a single violation', { timeout: 240_000 }, async () => {
		const failures: string[] = [];
		const names = new Set(pageTypes(world).map((p) => p.name));
		for (const name of Object.keys(interactions)) expect(names.has(name), name).toBe(true);
		for (const { name, as, path, status } of pageTypes(world)) {
			await signIn(env.browser.context, as);
			const { page, status: got, violations } = await openPage(path);
			expect(got, `${name} ${path}`).toBe(status);
			await interactions[name]?.(page);
			for (const v of await violations()) failures.push(`${name} ${path}: ${v}`);
			await page.close();
		}
		expect(failures).toEqual([]);
	});

	it('reports an injected inline script (the listener works and the policy blocks it)', async () => {
		await signIn(env.browser.context, 'anonymous');
		const { page, violations } = await openPage('/');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__injectedRan = true';
			document.body.append(script);
			const img = document.createElement('img');
			img.setAttribute('src', 'x');
			img.setAttribute('onerror', 'window.__injectedRan = true');
			document.body.append(img);
		});
		await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
		expect(await page.evaluate(() => (window as unknown as { __injectedRan?: boolean }).__injectedRan)).toBeUndefined();
		expect((await violations()).join('\n')).toMatch(/script-src/);
		await page.close();
	});
});
