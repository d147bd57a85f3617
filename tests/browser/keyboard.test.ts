// Keyboard-only journeys in Chromium: Tab, Shift+Tab, Space, Enter, arrow keys and typed text, never a click and
// never `fill`. After every key, the focused element (when focus is on one) must show a visible focus indicator.
//  - A student takes the final exam (it has every question type), submits it, reads the result, then rates due
//    review cards with the 1–4 shortcuts.
//  - An instructor opens a question in the studio, changes its text, adds an option and saves.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { maskQuestionIds } from '../../src/lib/quiz/mask';
import type { Question } from '../../src/lib/quiz/types';
import { answerFields, attemptAnswers, sqlOn, type Fields } from '../helpers/answers';
import { useServerAndBrowser } from '../helpers/browser';
import { quizIdOf } from '../helpers/journeys';
import { buildWorld, type Actor, type World } from '../helpers/world';

const env = useServerAndBrowser();
let world: World;
beforeAll(async () => {
	world = await buildWorld(env.server);
}, 120_000);

interface Focus {
	body: boolean;
	tag: string;
	type: string;
	id: string;
	name: string;
	value: string;
	checked: boolean;
	/** Label text, aria-label or text content: what a screen reader would call it. */
	label: string;
	visible: boolean;
	describe: string;
}

async function focused(page: Page): Promise<Focus> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body || el === document.documentElement) {
			return { body: true, tag: 'body', type: '', id: '', name: '', value: '', checked: false, label: '', visible: false, describe: 'body' };
		}
		const input = el as HTMLInputElement;
		const labelled = (el.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(el.id)}"]`) : null) ?? el.closest('label');
		// innerText separates the visually hidden parts of a name ("Edit" + "question 1") as a screen reader does.
		const label = (labelled?.innerText ?? el.getAttribute('aria-label') ?? el.innerText ?? '').replace(/\s+/g, ' ').trim();
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		const shadow = style.boxShadow !== '' && style.boxShadow !== 'none';
		return {
			body: false,
			tag: el.tagName.toLowerCase(),
			type: input.type ?? '',
			id: el.id,
			name: el.getAttribute('name') ?? '',
			value: 'value' in input ? String(input.value) : '',
			checked: !!input.checked,
			label,
			visible: outline || shadow,
			describe: `<${el.tagName.toLowerCase()}${el.id ? ` #${el.id}` : ''}${input.name ? ` name=${input.name}` : ''}> "${label.slice(0, 60)}"`
		};
	});
}

/** Presses a key; wherever focus lands (if not on the page itself), it must be visibly marked. */
async function press(page: Page, key: string): Promise<Focus> {
	await page.keyboard.press(key);
	const focus = await focused(page);
	if (!focus.body) expect(focus.visible, `visible focus after ${key} on ${focus.describe}`).toBe(true);
	return focus;
}

/** Presses a key that loads another page (a form post, a link), and waits for it. */
async function pressToNavigate(page: Page, key: string, url: RegExp | string): Promise<Focus> {
	// waitForURL also waits for the new page's hydration mark (see launchBrowser).
	await Promise.all([page.waitForURL(url), page.keyboard.press(key)]);
	const focus = await focused(page);
	if (!focus.body) expect(focus.visible, `visible focus after ${key} on ${focus.describe}`).toBe(true);
	return focus;
}

/** Types text into the focused field with the keyboard (after selecting what is there). */
async function typeText(page: Page, text: string) {
	await press(page, 'Control+A');
	await page.keyboard.type(text);
}

/** Tabs (or Shift+Tabs) until `wanted` holds for the focused element; fails when it is not reachable. */
async function tabTo(page: Page, wanted: (f: Focus) => boolean, what: string, key = 'Tab', max = 250): Promise<Focus> {
	const path: string[] = [];
	for (let i = 0; i < max; i++) {
		const focus = await press(page, key);
		if (wanted(focus)) return focus;
		path.push(focus.describe);
	}
	throw new Error(`could not reach ${what} with ${key}; passed ${path.slice(0, 60).join(', ')}`);
}

/** The form fields that answer the review card on the page rightly (or wrongly), from its frozen question. */
async function cardAnswers(page: Page, wrong: boolean) {
	const { card, reps } = await page.evaluate(() => ({
		card: (document.querySelector('input[name="card"]') as HTMLInputElement).value,
		reps: (document.querySelector('input[name="reps"]') as HTMLInputElement).value
	}));
	const [row] = await sqlOn(env.server.databaseUrl, 'SELECT v.snapshot FROM review_cards c JOIN question_versions v ON v.id = c.version_id WHERE c.id = ?', [Number(card)]);
	const question = maskQuestionIds(JSON.parse(String(row.snapshot)) as Question, `review:${card}:${reps}`);
	return answerFields(question, 'answer', wrong);
}

/** Tabs through a form from the focused control, answering every control named in `fields`, until `stop`. */
async function answerForm(page: Page, fields: Fields, stop: (f: Focus) => boolean, what: string) {
	const answered = new Set<string>();
	let focus = await focused(page);
	for (let steps = 0; steps < 400 && !stop(focus); steps++) {
		if (fields[focus.name] !== undefined) {
			focus = await answerFocused(page, focus, [fields[focus.name]].flat());
			answered.add(focus.name);
		}
		focus = await press(page, 'Tab');
	}
	if (!stop(focus)) throw new Error(`did not reach ${what}`);
	expect([...answered].sort(), 'every answer field was reached by Tab').toEqual(Object.keys(fields).filter((k) => [fields[k]].flat().length > 0).sort());
	return focus;
}

async function signIn(actor: Actor) {
	await env.browser.context.clearCookies();
	const token = world.clients[actor].cookie('touchstone_session');
	await env.browser.context.addCookies([{ name: 'touchstone_session', value: token!, url: env.server.url }]);
}

/**
 * Sets the focused quiz control to the wanted answer with the keyboard. Radio groups: arrow keys move and check
 * (Space checks the first); checkboxes: Space; selects: arrow keys to the wanted option; text: typed.
 */
async function answerFocused(page: Page, focus: Focus, wanted: string[]): Promise<Focus> {
	if (focus.type === 'radio') {
		for (let i = 0; i < 12 && focus.value !== wanted[0]; i++) focus = await press(page, 'ArrowDown');
		expect(focus.value, `radio ${focus.name}`).toBe(wanted[0]);
		if (!focus.checked) focus = await press(page, 'Space');
	} else if (focus.type === 'checkbox') {
		if (wanted.includes(focus.value) !== focus.checked) focus = await press(page, 'Space');
	} else if (focus.tag === 'select') {
		const { index, target } = await page.evaluate((value) => {
			const select = document.activeElement as HTMLSelectElement;
			return { index: select.selectedIndex, target: [...select.options].findIndex((o) => o.value === value) };
		}, wanted[0]);
		expect(target, `option ${wanted[0]} in ${focus.name}`).toBeGreaterThanOrEqual(0);
		for (let i = index; i < target; i++) focus = await press(page, 'ArrowDown');
		for (let i = index; i > target; i--) focus = await press(page, 'ArrowUp');
		expect(focus.value, `select ${focus.name}`).toBe(wanted[0]);
	} else {
		await typeText(page, wanted[0]);
	}
	return focus;
}

describe('keyboard only', () => {
	it('a student takes a quiz with every question type, reads the result and rates review cards with 1–4', { timeout: 240_000 }, async () => {
		await signIn('student');
		const page = await env.browser.context.newPage();
		const quizId = await quizIdOf(env.server, 'science-of-massage/final');
		await page.goto(`${env.server.url}/quizzes/${quizId}`);
		await page.getByRole('button', { name: 'Start the quiz' }).waitFor();

		await tabTo(page, (f) => f.tag === 'button' && f.label === 'Start the quiz', 'Start the quiz');
		await pressToNavigate(page, 'Enter', /\/attempts\/\d+$/);
		const attemptId = Number(/attempts\/(\d+)/.exec(page.url())![1]);
		const { fields, questions } = await attemptAnswers(env.server.databaseUrl, attemptId);
		expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'short', 'numeric', 'matching', 'ordering']));

		// Walk the form with Tab, answering each control on the way, until the submit button.
		await tabTo(page, (f) => /^q\d/.test(f.name), 'the first question');
		let focus = await answerForm(page, fields, (f) => f.tag === 'button' && f.label === 'Submit answers', 'Submit answers');
		// Autosave has stored exactly what was typed and chosen.
		await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 5000 }).toMatch(/All answers saved/);

		// Back one step and forward again: Shift+Tab reaches "Save answers".
		expect((await press(page, 'Shift+Tab')).label).toBe('Save answers');
		expect((await press(page, 'Tab')).label).toBe('Submit answers');
		// Submitting asks first: a dialog says every question is answered, with focus on "Submit now".
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/All \d+ questions are answered/);
		await expect.poll(async () => (await focused(page)).label).toBe('Submit now');
		await pressToNavigate(page, 'Enter', new RegExp(`/attempts/${attemptId}/result$`));
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('100%, passed');
		const [{ percent }] = await sqlOn(env.server.databaseUrl, 'SELECT percent FROM attempts WHERE id = ?', [attemptId]);
		expect(Number(percent)).toBe(100);

		// Read the result by keyboard, then go to Review from the site menu.
		await tabTo(page, (f) => f.tag === 'a' && f.label === 'Quiz overview', 'the link back to the quiz');
		const review = await tabTo(page, (f) => f.tag === 'a' && f.label === 'Review', 'the Review link', 'Shift+Tab');
		expect(review.label).toBe('Review');
		await sqlOn(env.server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = ?', [Date.now() - 1000, world.ids.studentId]);
		await pressToNavigate(page, 'Enter', `${env.server.url}/review`);

		// Four cards, rated with the keys 1 to 4. The first is answered wrongly: a miss is always logged "again".
		// The others are answered rightly, so the key decides: 2 hard, 3 good, 4 easy.
		const ratings = ['again', 'hard', 'good', 'easy'];
		for (const [i, rating] of ratings.entries()) {
			await tabTo(page, (f) => f.name === 'answer' || f.name.startsWith('answer.'), `the answer of card ${i + 1}`);
			const answers = await cardAnswers(page, rating === 'again');
			await answerForm(page, answers, (f) => f.tag === 'button' && f.label === 'Show answer', 'Show answer');
			await press(page, 'Enter');
			await expect.poll(() => page.getByText('Right answer:').isVisible()).toBe(true);
			// Focus moves to the result, so the shortcut keys work and the place is announced.
			await expect.poll(async () => (await focused(page)).id).toBe('result-heading');
			expect((await focused(page)).visible, 'the result heading shows focus').toBe(true);
			await press(page, String(i + 1));
			const logged = async () => (await sqlOn(env.server.databaseUrl, 'SELECT rating FROM review_logs WHERE user_id = ? ORDER BY id', [world.ids.studentId])).map((l) => l.rating);
			await expect.poll(logged).toEqual(ratings.slice(0, i + 1));
			await expect.poll(() => page.getByRole('status').filter({ hasText: /This question comes back/ }).count()).toBeGreaterThan(0);
			// The next card takes focus, visibly, so the next answer is one Tab away.
			if (i < ratings.length - 1) {
				await expect.poll(async () => (await focused(page)).tag).toBe('section');
				expect((await focused(page)).visible, 'the next card shows focus').toBe(true);
			}
		}
		await page.close();
	});

	it('an instructor edits a question in the studio: open, change the text, add an option, save', { timeout: 120_000 }, async () => {
		await signIn('instructor');
		const page = await env.browser.context.newPage();
		await page.goto(`${env.server.url}/instructor/quizzes/${world.ids.quizA}`);
		await page.getByRole('link', { name: /^Edit question \d+$/ }).first().waitFor();
		const [before] = await sqlOn(env.server.databaseUrl, 'SELECT data FROM questions WHERE id = ?', [world.ids.questionA]);
		const options = (JSON.parse(String(before.data)) as { choices: unknown[] }).choices.length;

		const edit = await tabTo(page, (f) => f.tag === 'a' && /^Edit question \d+$/.test(f.label), 'an Edit link');
		const position = Number(/\d+/.exec(edit.label)![0]);
		const [{ question_id: editing }] = await sqlOn(env.server.databaseUrl, 'SELECT question_id FROM quiz_questions WHERE quiz_id = ? ORDER BY position LIMIT 1 OFFSET ?', [world.ids.quizA, position - 1]);
		expect(Number(editing)).toBe(world.ids.questionA);
		await pressToNavigate(page, 'Enter', new RegExp(`/questions/${world.ids.questionA}$`));

		await tabTo(page, (f) => f.id === 'q-text', 'the question text');
		await typeText(page, 'Which design has *no* comparison group?');
		await expect.poll(() => page.locator('aside.preview legend em').textContent()).toBe('no');

		await tabTo(page, (f) => f.tag === 'button' && f.label === 'Add option', 'Add option');
		const added = await press(page, 'Space');
		// The new row is added in place and takes focus, ready for typing.
		expect(added.id).toBe(`r${options}-text`);
		await page.keyboard.type('A case report');
		await expect.poll(() => page.locator('aside.preview').getByRole('radio', { name: 'A case report' }).count()).toBe(1);
		// Its weight and feedback follow; back again with Shift+Tab.
		expect((await press(page, 'Tab')).id).toBe(`r${options}-weight`);
		expect((await press(page, 'Shift+Tab')).id).toBe(`r${options}-text`);

		await tabTo(page, (f) => f.tag === 'button' && f.label === 'Save question', 'Save question');
		await pressToNavigate(page, 'Enter', new RegExp(`/instructor/quizzes/${world.ids.quizA}\\?saved=question`));
		await expect.poll(() => page.getByText('Question saved.').isVisible()).toBe(true);

		const [after] = await sqlOn(env.server.databaseUrl, 'SELECT data FROM questions WHERE id = ?', [world.ids.questionA]);
		const saved = JSON.parse(String(after.data)) as { text: string; choices: { text: string }[] };
		expect(saved.text).toBe('Which design has *no* comparison group?');
		expect(saved.choices).toHaveLength(options + 1);
		expect(saved.choices.at(-1)!.text).toBe('A case report');
		await page.close();
	});
});
