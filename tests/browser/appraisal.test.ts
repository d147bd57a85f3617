// "Appraise this trial" in Chromium, against the fixture-lesson build (tests/helpers/appraisal.ts): rated and
// submitted with the keyboard only (JavaScript on, scored in place), as a plain form with JavaScript off, and
// scanned by axe in light and dark mode before and after scoring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Answer } from '../../src/lib/appraisal/pedro';
import { scanPage } from '../helpers/axe';
import { buildAppraisalFixture, expertAnswers, fixtureTrials, LESSON_PATH } from '../helpers/appraisal';
import { launchBrowser } from '../helpers/browser';
import { Client, registerUser } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ buildDir: buildAppraisalFixture() });
}, 600_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
const focusVisible = (page: Page) =>
	page.evaluate(() => {
		const style = getComputedStyle(document.activeElement!);
		return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
	});

describe('the trial appraisal exercise in a browser', () => {
	it('is rated and submitted with the keyboard alone, scored in place, with focus moved to the result', async () => {
		const browser = await launchBrowser();
		try {
			const page = await browser.context.newPage();
			await page.goto(server.url + LESSON_PATH);
			await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
			const answers: Answer[] = [...expertAnswers('fixture-good-trial')];
			answers[7] = 'no'; // item 8: misses that 87% is above the threshold
			// Tab from the trial's heading to the first radio group, then per item: Space picks Yes, or Right
			// arrow moves to and picks No; Tab goes on to the next group.
			await page.locator('#appraise-fixture-good-trial-title').evaluate((el) => {
				el.setAttribute('tabindex', '-1');
				el.focus();
			});
			await page.keyboard.press('Tab'); // the citation link in the heading
			for (const [i, answer] of answers.entries()) {
				await page.keyboard.press('Tab');
				expect(await activeName(page)).toBe(`item${i + 1}`);
				expect(await focusVisible(page), `visible focus on item ${i + 1}`).toBe(true);
				await page.keyboard.press(answer === 'yes' ? 'Space' : 'ArrowRight');
			}
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Score my appraisal');
			await page.keyboard.press('Enter');
			await expect.poll(() => activeId(page), { timeout: 15_000 }).toBe('appraise-fixture-good-trial-result-heading');
			const status = page.locator('#appraise-fixture-good-trial-result [role="status"]');
			expect(await status.textContent()).toContain('you matched the expert on 10 of 11 items. Your total 7 of 10, the expert\'s 8.');
			const result = await page.locator('#appraise-fixture-good-trial-result').innerText();
			expect(result).toContain(fixtureTrials.get('fixture-good-trial')!.key[7].explanation);
			expect(result).toContain(fixtureTrials.get('fixture-good-trial')!.summary.dropouts);
			expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
			// The other exercise on the page is untouched.
			expect(await page.locator('#appraise-fixture-pilot-result').innerText()).toBe('');
		} finally {
			await browser.close();
		}
	});

	it("completes a signed-in student's lesson in place once the last appraisal is scored", async () => {
		const client = new Client(server.url);
		await registerUser(client);
		await client.get(LESSON_PATH);
		await client.post(`${LESSON_PATH}?/finish`, {});
		const browser = await launchBrowser();
		try {
			await browser.context.addCookies([{ name: 'touchstone_session', value: client.cookie('touchstone_session')!, url: server.url }]);
			const page = await browser.context.newPage();
			await page.goto(server.url + LESSON_PATH);
			const finish = page.locator('section.finish');
			expect(await finish.innerText()).toContain('0 of 2 submitted');
			for (const trial of ['fixture-good-trial', 'fixture-pilot']) {
				const form = page.locator(`#appraise-${trial} form`);
				for (let item = 1; item <= 11; item++) await form.locator(`input[name="item${item}"][value="no"]`).check();
				await form.getByRole('button', { name: 'Score my appraisal' }).click();
				await expect.poll(() => activeId(page), { timeout: 15_000 }).toBe(`appraise-${trial}-result-heading`);
				expect(await page.locator(`#appraise-${trial}-result`).innerText()).toContain('Your appraisal is recorded');
			}
			await expect.poll(() => finish.innerText(), { timeout: 15_000 }).toContain('You have completed this lesson.');
		} finally {
			await browser.close();
		}
	});

	it('works as a plain form with JavaScript off: a full page post renders the result at the exercise', async () => {
		const browser = await launchBrowser({ javaScriptEnabled: false });
		try {
			const page = await browser.context.newPage();
			await page.goto(server.url + LESSON_PATH);
			const form = page.locator('#appraise-fixture-pilot form');
			// The browser itself refuses an unrated item (required radios), so nothing is posted yet.
			await form.getByRole('button', { name: 'Score my appraisal' }).click();
			expect(page.url()).toBe(server.url + LESSON_PATH);
			for (const [i, answer] of expertAnswers('fixture-pilot').entries()) {
				await form.getByRole('group', { name: new RegExp(`^Item ${i + 1}\\b`) }).getByLabel(answer === 'yes' ? 'Yes' : 'No').check();
			}
			await Promise.all([page.waitForURL(/\?\/appraise#appraise-fixture-pilot-result$/), form.getByRole('button', { name: 'Score my appraisal' }).click()]);
			const result = await page.locator('#appraise-fixture-pilot-result').innerText();
			expect(result).toContain('You matched the expert key on 11 of 11 items.');
			expect(result).toContain('You rated every item as the expert did.');
			expect(result).toMatch(/Expert total\s*1 \/ 10: poor/);
			expect(await form.locator('input[name="item11"][value="yes"]').isChecked()).toBe(true);
		} finally {
			await browser.close();
		}
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no axe findings in ${scheme} mode, before and after scoring`, async () => {
			const browser = await launchBrowser({ colorScheme: scheme });
			try {
				const page = await browser.context.newPage();
				await page.goto(server.url + LESSON_PATH);
				expect(await scanPage(page)).toEqual([]);
				const form = page.locator('#appraise-fixture-good-trial form');
				for (let item = 1; item <= 11; item++) await form.locator(`input[name="item${item}"][value="yes"]`).check();
				await form.getByRole('button', { name: 'Score my appraisal' }).click();
				await expect.poll(() => activeId(page), { timeout: 15_000 }).toBe('appraise-fixture-good-trial-result-heading');
				expect(await scanPage(page)).toEqual([]);
			} finally {
				await browser.close();
			}
		});
	}
});
