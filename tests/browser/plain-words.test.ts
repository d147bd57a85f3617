import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sqlOn } from '../helpers/answers';
import { launchBrowser } from '../helpers/browser';
import { Client, registerUser } from '../helpers/client';
import { quizIdOf, takeQuiz } from '../helpers/journeys';
import type { TestServer } from '../helpers/server';
import { useWorld, type World } from '../helpers/world';

// Issue 21, items 6 and 7: plain words and one unit (dates, CE hours, review), controls and charts.

let server: TestServer;
let world: World;
const tokens = { newcomer: '', reviewer: '' };

useWorld(async (s, w) => {
	server = s;
	world = w;
	await world.clients.student.get('/admin/audit'); // refused and recorded: the audit log has a row
	const newcomer = new Client(s.url);
	await registerUser(newcomer, 'Nora Newcomer');
	tokens.newcomer = newcomer.cookie('touchstone_session')!;
	// A student who passed a lesson check: its questions are in review, brought forward so they are due now.
	const reviewer = new Client(s.url);
	const { email } = await registerUser(reviewer, 'Rita Reviewer');
	await takeQuiz(reviewer, s, await quizIdOf(s, 'science-of-massage/circulation-toxins-and-lactate/quiz'));
	await sqlOn(s.databaseUrl, 'UPDATE review_cards SET due = due - 30 * 86400000 WHERE user_id = (SELECT id FROM users WHERE email = ?)', [email]);
	tokens.reviewer = reviewer.cookie('touchstone_session')!;
});

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

async function open(browser: Browser, token: string | undefined, path: string, width = 1280): Promise<Page> {
	await browser.context.clearCookies();
	if (token) await browser.context.addCookies([{ name: 'touchstone_session', value: token, url: server.url }]);
	const page = await browser.context.newPage();
	await page.setViewportSize({ width, height: 900 });
	const response = await page.goto(server.url + path);
	expect(response?.status(), path).toBe(200);
	return page;
}

const ISO = /\d{4}-\d{2}-\d{2}/;
const READABLE_TIME = /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2} \S+$/;

describe('dates read as people read them', () => {
	it('the audit log shows a readable time in the reader’s zone, and names the zone without JavaScript', { timeout: 60_000 }, async () => {
		const admin = world.clients.admin.cookie('touchstone_session');
		const zone = 'America/New_York';
		const browser = await launchBrowser({ timezoneId: zone });
		const plain = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await open(browser, admin, '/admin/audit');
			const cell = page.locator('table tbody tr').first().locator('time');
			const iso = (await cell.getAttribute('datetime'))!;
			expect(new Date(iso).toISOString()).toBe(iso); // the exact instant stays machine-readable
			const text = (await cell.textContent())!.trim();
			expect(text).not.toMatch(ISO);
			expect(text).toMatch(READABLE_TIME);
			// Shown in the browser's zone: the hour New York reads for that instant.
			const hour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(iso));
			expect(text).toContain(`, ${hour}:`);
			expect(await page.locator('table thead').textContent()).not.toContain('UTC');

			const noJs = await open(plain, admin, '/admin/audit');
			const served = (await noJs.locator('table tbody tr').first().locator('time').textContent())!.trim();
			expect(served).toMatch(READABLE_TIME);
			expect(served).not.toMatch(ISO);
		} finally {
			await browser.close();
			await plain.close();
		}
	});
});

describe('CE credit in one unit', () => {
	it('reads "CE hours" on the dashboard, ledger, certificates and course page, never "CEs" or bare hours', { timeout: 60_000 }, async () => {
		const browser = await launchBrowser();
		const token = world.clients.student.cookie('touchstone_session');
		try {
			for (const path of ['/dashboard', '/ledger', '/certificates', '/courses/science-of-massage']) {
				const page = await open(browser, token, path);
				const text = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
				expect(text, path).toMatch(/\d+(\.\d+)? CE hours?\b/);
				expect(text.match(/\b\d+(?:\.\d+)? (?!CE hour)(?:CEs?|hours?)\b/g), path).toBeNull();
				await page.close();
			}
		} finally {
			await browser.close();
		}
	});
});

describe('review speaks of questions and shows where the session stands', () => {
	it('without JavaScript: "Question 1 of N", then "2 of N" with the same N, and no cards or FSRS', { timeout: 90_000 }, async () => {
		const browser = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await open(browser, tokens.reviewer, '/review');
			const main = page.locator('main');
			const due = Number(/(\d+) questions due now/.exec((await main.textContent())!)![1]);
			expect(due).toBeGreaterThan(1);
			expect(await main.textContent()).toContain(`Question 1 of ${due} in this session`);
			expect(await main.textContent()).not.toMatch(/\bcards?\b|FSRS/i);

			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: /Good/ }).waitFor();
			expect(await main.textContent()).toContain(`Question 1 of ${due} in this session`);
			await page.getByRole('button', { name: /Good/ }).click();
			await page.getByText(/This question comes back (in \d+ (minutes?|hours?|days)|tomorrow)\./).waitFor();
			expect(await main.textContent()).toContain(`Question 2 of ${due} in this session`);
			expect(await main.textContent()).not.toMatch(/\bcards?\b|FSRS/i);

			// A reload is the same session.
			await page.goto(`${server.url}/review`);
			expect(await page.locator('main').textContent()).toContain(`Question 2 of ${due} in this session`);
		} finally {
			await browser.close();
		}
	});
});

/** Font size and box of every visible chart label and value, and the box of the card holding the chart. */
function chartText(page: Page, heading: string) {
	return page.evaluate((heading) => {
		const card = [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === heading)!;
		const box = card.getBoundingClientRect();
		const texts = [...card.querySelectorAll('.bars .value, .bars .label')].filter((el) => el.textContent && getComputedStyle(el).visibility === 'visible');
		return {
			card: { left: box.left, right: box.right },
			texts: texts.map((el) => {
				const r = el.getBoundingClientRect();
				return { text: el.textContent!, size: parseFloat(getComputedStyle(el).fontSize), left: r.left, right: r.right, width: r.width };
			})
		};
	}, heading);
}

describe('dashboard charts', () => {
	it('a new student sees the review and activity charts’ empty states in words', { timeout: 60_000 }, async () => {
		const browser = await launchBrowser();
		try {
			const page = await open(browser, tokens.newcomer, '/dashboard');
			const review = page.getByRole('region', { name: 'Review' });
			expect(await review.textContent()).toContain('No questions are due in the next 14 days.');
			const activity = page.getByRole('region', { name: 'Activity' });
			expect(await activity.textContent()).toContain('No activity in the last 8 weeks yet.');
			expect(await page.locator('main svg, main .bars').count()).toBe(0);
		} finally {
			await browser.close();
		}
	});

	it('labels and values are at least 12 px and inside their card at 360 and 1280 px', { timeout: 60_000 }, async () => {
		const browser = await launchBrowser();
		try {
			for (const width of [360, 1280]) {
				const page = await open(browser, tokens.reviewer, '/dashboard', width);
				for (const heading of ['Review', 'Activity']) {
					const { card, texts } = await chartText(page, heading);
					expect(texts.length, `${heading} at ${width}`).toBeGreaterThan(1);
					for (const t of texts) {
						expect(t.size, `${heading} "${t.text}" at ${width}`).toBeGreaterThanOrEqual(12);
						expect(t.left, `${heading} "${t.text}" at ${width}`).toBeGreaterThanOrEqual(card.left);
						expect(t.right, `${heading} "${t.text}" at ${width}`).toBeLessThanOrEqual(card.right);
						expect(t.width).toBeGreaterThan(0);
					}
				}
				await page.close();
			}
		} finally {
			await browser.close();
		}
	});
});

describe('controls keep one size', () => {
	it('radios and checkboxes keep their box when their label wraps at 360 px (quiz, lesson check, review, studio)', { timeout: 90_000 }, async () => {
		const browser = await launchBrowser();
		const all: { path: string; width: number; height: number; lines: number }[] = [];
		const student = world.clients.student.cookie('touchstone_session');
		const instructor = world.clients.instructor.cookie('touchstone_session');
		try {
			for (const [token, path] of [
				[student, `/attempts/${world.ids.openAttempt}`],
				[student, '/courses/science-of-massage/weighing-the-evidence'],
				[tokens.reviewer, '/review'],
				[instructor, `/instructor/quizzes/${world.ids.quizA}`],
				[instructor, `/instructor/courses/${world.ids.courseA}/import`]
			] as const) {
				const page = await open(browser, token, path, 360);
				const boxes = await page.locator('main input[type="radio"], main input[type="checkbox"]').evaluateAll((inputs) =>
					inputs
						.filter((input) => input.closest('label') && input.getBoundingClientRect().width > 0)
						.map((input) => {
							const label = input.closest('label')!;
							const box = input.getBoundingClientRect();
							const lines = Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight));
							return { width: box.width, height: box.height, lines };
						})
				);
				expect(boxes.length, path).toBeGreaterThan(0);
				all.push(...boxes.map((b) => ({ path, ...b })));
				await page.close();
			}
			expect(all.filter((b) => b.lines > 1).length, 'some labels wrap at 360 px').toBeGreaterThan(0);
			for (const b of all) {
				expect(b.width, `${b.path}: ${b.lines} line(s)`).toBeCloseTo(all[0].width, 0);
				expect(b.height, `${b.path}: ${b.lines} line(s)`).toBeCloseTo(all[0].height, 0);
			}
		} finally {
			await browser.close();
		}
	});
});
