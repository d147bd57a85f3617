// Study offline in Chromium: the install manifest, the service worker keeping a course for a learner, lessons read
// with the network off, progress queued offline arriving once, logout wiping the device, and a new worker
// replacing an older build's caches.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sqlOn } from '../helpers/answers';
import { useServerAndBrowser } from '../helpers/browser';
import { STRONG_PASSWORD, uniqueEmail } from '../helpers/client';

const env = useServerAndBrowser();
const COURSE = 'science-of-massage';
const lesson = (slug: string) => `${env.server.url}/courses/${COURSE}/${slug}`;

/** Loads a page without waiting for hydration (the offline page has no script). */
const open = (page: Page, url: string) => page.mainFrame().goto(url);

async function register(page: Page, name: string) {
	const email = uniqueEmail('offline');
	await page.goto(`${env.server.url}/register`);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(STRONG_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL(`${env.server.url}/dashboard`);
	const [user] = await sqlOn(env.server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	return { email, id: Number(user.id) };
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
/** Every kept page (path) in each of our user caches. */
const keptPages = (page: Page) =>
	page.evaluate(async () => {
		const out: Record<string, string[]> = {};
		for (const name of (await caches.keys()).filter((n) => n.startsWith('touchstone-user-'))) {
			out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
		}
		return out;
	});
/** Progress items queued on this device (for one lesson, when given). */
const queued = (page: Page, lesson?: string) =>
	page.evaluate(
		(lesson) =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('touchstone-offline', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('progress', { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', { unique: true });
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const all = req.result.transaction('progress').objectStore('progress').getAll();
					all.onsuccess = () => {
						req.result.close();
						resolve((all.result as { lesson: string }[]).filter((i) => !lesson || i.lesson === lesson).length);
					};
				};
			}),
		lesson
	);

let page: Page;
let learner: { email: string; id: number };

describe('studying offline', () => {
	it('is installable: the manifest is linked and parses, and the service worker registers and controls the page', async () => {
		page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/`);
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await page.evaluate(async (url) => (await fetch(url!)).json(), href);
		expect(manifest).toMatchObject({ short_name: 'Touchstone', start_url: '/dashboard', display: 'standalone' });
		const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
		expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
		for (const icon of icons) expect(await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), icon.src)).toBe('image/png');
		expect(await page.locator('meta[name="theme-color"]').count()).toBe(2);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
		const { version } = await page.evaluate(async () => (await fetch('/_app/version.json')).json());
		expect(await cacheNames(page)).toContain(`touchstone-shell-${version}`);
	});

	it('keeps a course for a learner, then opens its lessons offline with a note, and an uncached page shows the offline page', async () => {
		learner = await register(page, 'Offline Olu');
		await page.goto(`${env.server.url}/courses/${COURSE}`);
		await page.getByRole('button', { name: 'Keep this course for offline reading' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'kept for offline reading' }).count(), { timeout: 60_000 }).toBe(1);
		await expect.poll(() => page.getByText(/6 of 6 lessons kept on this device · space used by this site: [\d.]+ MB/).count()).toBe(1);
		const kept = Object.entries(await keptPages(page));
		expect(kept.map(([name]) => name)).toEqual([expect.stringMatching(new RegExp(`^touchstone-user-${learner.id}-`))]);
		expect(kept[0][1]).toContain(`/courses/${COURSE}/weighing-the-evidence/__data.json`);

		await env.browser.context.setOffline(true);
		await open(page, lesson('weighing-the-evidence'));
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Weighing');
		await expect.poll(() => page.getByText('Offline copy: this lesson is the copy kept on this device.').isVisible()).toBe(true);
		await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 20_000 });
		// The effect-size explorer runs in the page.
		const slider = page.getByRole('slider', { name: "Cohen's d" });
		await slider.focus();
		for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.locator('.readout').textContent()).toContain('d = 0.80');
		// A knowledge check needs the server: it says so and keeps the chosen answer.
		const check = page.locator('aside.check').first();
		const choice = check.getByRole('radio').first();
		await choice.check();
		await check.getByRole('button', { name: 'Check answer' }).click();
		await expect.poll(() => check.getByRole('alert').textContent()).toContain('needs a connection');
		expect(await choice.isChecked()).toBe(true);

		await open(page, `${env.server.url}/dashboard`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('You are offline');
		expect(await page.getByRole('link').filter({ hasText: 'Weighing' }).count()).toBe(1);
		expect(await page.locator('main li a').count()).toBe(6);
	});

	it('queues reading time and "finished reading" made offline, and sends them once, in order, on reconnecting', async () => {
		const slug = 'circulation-toxins-and-lactate';
		await open(page, lesson(slug));
		await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 20_000 });
		await expect.poll(() => queued(page, slug)).toBe(1); // the first heartbeat, queued
		await expect.poll(() => queued(page, slug), { timeout: 25_000 }).toBe(2); // the next, 15 s later
		await page.getByRole('button', { name: /I have finished reading/ }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('saved on this device');
		expect(await queued(page, slug)).toBe(3);
		await open(page, `${env.server.url}/dashboard`); // the offline page: no lesson open while reconnecting

		const progress = () =>
			sqlOn(env.server.databaseUrl, 'SELECT lp.active_seconds AS s, lp.reached_end_at AS r FROM lesson_progress lp JOIN lessons l ON l.id = lp.lesson_id WHERE lp.user_id = ? AND l.slug = ?', [learner.id, slug]);
		expect(await progress()).toEqual([]);
		await env.browser.context.setOffline(false);
		await page.goto(`${env.server.url}/courses/${COURSE}`);
		await expect.poll(() => queued(page)).toBe(0);
		await expect.poll(async () => (await progress())[0]?.r ?? null).not.toBeNull();
		const seconds = Number((await progress())[0].s);
		expect(seconds).toBeGreaterThanOrEqual(14);
		expect(seconds).toBeLessThanOrEqual(16);
		await page.reload();
		await page.waitForTimeout(500);
		expect(Number((await progress())[0].s)).toBe(seconds);

		// "Remove offline copy" takes the course's lessons off the device.
		await page.getByRole('button', { name: 'Remove offline copy' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'removed from this device' }).count()).toBe(1);
		expect(Object.values(await keptPages(page)).flat().filter((p) => p.startsWith(`/courses/${COURSE}/`))).toEqual([]);
		expect(await page.getByText('0 of 6 lessons kept on this device').count()).toBe(1);
	});

	it('deletes every kept page and the queue at logout', async () => {
		await env.browser.context.setOffline(false);
		await page.goto(lesson('weighing-the-evidence'));
		expect(Object.values(await keptPages(page)).flat().length).toBeGreaterThan(0);
		await page.getByRole('button', { name: 'Log out' }).click();
		await page.waitForURL(`${env.server.url}/`);
		await expect.poll(async () => Object.values(await keptPages(page)).flat()).toEqual([]);
		expect(await queued(page)).toBe(0);
	});

	it("drops the previous learner's pages when someone else signs in on the same browser", async () => {
		const first = await register(page, 'First Fen');
		await page.goto(lesson('weighing-the-evidence'));
		await expect.poll(async () => Object.keys(await keptPages(page))).toEqual([expect.stringContaining(`-user-${first.id}-`)]);
		await env.browser.context.clearCookies(); // the session ends without the logout form
		const second = await register(page, 'Second Sol');
		await expect.poll(async () => Object.keys(await keptPages(page))).toEqual([]);
		await page.goto(lesson('weighing-the-evidence'));
		await expect.poll(async () => Object.keys(await keptPages(page))).toEqual([expect.stringContaining(`-user-${second.id}-`)]);
	});

	it("a newly installed worker deletes an older build's caches and keeps its own", async () => {
		await page.evaluate(async () => {
			await caches.open('touchstone-shell-1700000000000');
			await (await caches.open('touchstone-user-1-1700000000000')).put('/courses/a/b', new Response('old'));
		});
		// A worker script at a new URL installs and activates as a new build's would.
		await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?next'));
		await expect.poll(async () => (await cacheNames(page)).filter((n) => n.includes('1700000000000')), { timeout: 30_000 }).toEqual([]);
		const { version } = await page.evaluate(async () => (await fetch('/_app/version.json')).json());
		expect(await cacheNames(page)).toContain(`touchstone-shell-${version}`);
		await page.close();
	});
});
