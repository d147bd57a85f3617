import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/lib/appraisal/pedro';
import { appraisalFields, buildAppraisalFixture, expertAnswers, fixtureTrials, LESSON_PATH } from '../helpers/appraisal';
import { sqlOn } from '../helpers/answers';
import { Client, registerUser } from '../helpers/client';
import { decodeEntities, formFields, visibleText } from '../helpers/html';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';
import { readLessonFiles } from '../../scripts/vite-plugin-lessons';
import { buildCatalog } from '../../src/lib/content/catalog';

// "Appraise this trial" against a build whose catalog is the fixture course (see tests/helpers/appraisal.ts).
let server: TestServer;
let buildDir: string;
beforeAll(async () => {
	buildDir = buildAppraisalFixture();
	server = await startServer({ buildDir });
}, 600_000);

/** Every file the server sends to browsers as-is (scripts, styles), as text. */
function clientFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

const good = fixtureTrials.get('fixture-good-trial')!;
const everyExplanation = [...fixtureTrials.values()].flatMap((t) => t.key.map((k) => k.explanation));
/** What a reader sees of the page, whitespace collapsed. */
const shown = (html: string) => visibleText(html).replace(/\s+/g, ' ');
const page = async (client: Client) => shown(await client.text(LESSON_PATH));

describe('the trial appraisal exercise', () => {
	it('shows the summaries and PEDro items but none of the key before submission, in the page or its data', async () => {
		const client = new Client(server.url);
		const html = decodeEntities(await client.text(LESSON_PATH));
		expect(html).toContain(good.summary.allocation);
		expect(html).toContain('Allocation was concealed.');
		expect(html.match(/name="item11"/g)).toHaveLength(4); // yes and no, for each of the two trials
		const data = await client.text(`${LESSON_PATH}/__data.json`);
		for (const body of [html, decodeEntities(data)]) {
			for (const explanation of everyExplanation) expect(body).not.toContain(explanation);
			expect(body).not.toMatch(/decidedBy|pedroDatabaseScore/);
		}
	});

	it('keeps the key out of every script and asset the browser downloads', () => {
		const files = clientFiles(join(buildDir, 'client'));
		expect(files.some((f) => f.includes('Allocation was concealed.'))).toBe(true); // the item wording is client-side
		for (const explanation of everyExplanation) expect(files.some((f) => f.includes(explanation))).toBe(false);
	});

	it('scores a full-page post on the server: totals, bands, and each wrong item with its deciding passage', async () => {
		const client = new Client(server.url);
		const answers: Answer[] = [...expertAnswers('fixture-good-trial')];
		answers[4] = 'yes'; // item 5: blinded subjects
		answers[5] = 'yes'; // item 6: blinded therapists
		const res = await client.post(`${LESSON_PATH}?/appraise`, appraisalFields('fixture-good-trial', answers));
		expect(res.status).toBe(200);
		const html = decodeEntities(await res.text());
		const text = shown(html);
		expect(text).toContain('You matched the expert key on 9 of 11 items.');
		expect(text).toMatch(/Your PEDro total\s*10 \/ 10: excellent/);
		expect(text).toMatch(/Expert total\s*8 \/ 10: good/);
		expect(text).toMatch(/PEDro database rating\s*8 \/ 10: good/);
		expect(text).toContain(`Item 5, Blinded subjects: you said Yes; the key says No. ${good.key[4].explanation}`);
		expect(text).toContain(`Item 6, Blinded therapists: you said Yes; the key says No. ${good.key[5].explanation}`);
		expect(text).toContain(`Deciding passage (Blinding) ${good.summary.blinding}`);
		// Items rated as the expert did are not explained, and the other trial's key stays unsent.
		for (const k of good.key.filter((k) => k.item !== 5 && k.item !== 6)) expect(html).not.toContain(k.explanation);
		for (const k of fixtureTrials.get('fixture-pilot')!.key) expect(html).not.toContain(k.explanation);
		expect(text).toContain('Log in to have your appraisal count');
		expect((await sqlOn(server.databaseUrl, 'SELECT COUNT(*) AS n FROM check_answers'))[0].n).toBe(0);
	});

	it('refuses an incomplete appraisal, names the missing items and keeps the ratings given', async () => {
		const client = new Client(server.url);
		const { item3: _, item7: __, ...fields } = appraisalFields('fixture-pilot', expertAnswers('fixture-pilot'));
		const res = await client.post(`${LESSON_PATH}?/appraise`, fields);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(shown(html)).toContain('Rate every item yes or no before scoring: items 3 and 7 have no answer.');
		expect(shown(html)).not.toContain('Your appraisal, scored');
		const kept = formFields(html, '?/appraise#appraise-fixture-pilot-result').filter(([name]) => name.startsWith('item'));
		expect(kept.map(([name]) => name)).toEqual(['item1', 'item2', 'item4', 'item5', 'item6', 'item8', 'item9', 'item10', 'item11']);
	});

	it('refuses a trial the lesson does not have', async () => {
		const res = await new Client(server.url).post(`${LESSON_PATH}?/appraise`, appraisalFields('no-such-trial', expertAnswers('fixture-pilot')));
		expect(res.status).toBe(400);
	});

	it("records a signed-in student's appraisals, and the lesson completes only once each is submitted", async () => {
		const client = new Client(server.url);
		const { email } = await registerUser(client);
		const completed = async () =>
			(await sqlOn(server.databaseUrl, 'SELECT p.completed_at AS c FROM lesson_progress p JOIN users u ON u.id = p.user_id WHERE u.email = ?', [email]))[0]?.c ?? null;
		await client.get(LESSON_PATH);
		expect((await client.post(`${LESSON_PATH}?/finish`, {})).status).toBe(303);
		expect(await completed()).toBeNull();
		expect(await page(client)).toContain('score its 2 trial appraisals: 0 of 2 submitted.');

		const first = shown(await (await client.post(`${LESSON_PATH}?/appraise`, appraisalFields('fixture-good-trial', expertAnswers('fixture-good-trial')))).text());
		expect(first).toContain('You rated every item as the expert did.');
		expect(first).toContain('Your appraisal is recorded');
		const rows = await sqlOn(server.databaseUrl, 'SELECT c.check_id, c.answer, c.correct FROM check_answers c JOIN users u ON u.id = c.user_id WHERE u.email = ?', [email]);
		expect(rows.map((r) => ({ ...r }))).toEqual([{ check_id: 'appraisal:fixture-good-trial', answer: 'yyyynnyyyyy', correct: 1 }]);
		expect(await completed()).toBeNull();
		expect(await page(client)).toContain('1 of 2 submitted.');

		await client.post(`${LESSON_PATH}?/appraise`, appraisalFields('fixture-pilot', Array<Answer>(11).fill('yes')));
		expect(await completed()).not.toBeNull();
		expect(await page(client)).toContain('You have completed this lesson.');
	});
});

// The real catalog's appraisal lessons (course 3's reading-a-trial, once merged), in the ordinary build.
const real = buildCatalog(readLessonFiles()).courses.flatMap((c) =>
	c.lessons.filter((l) => l.appraisals.length).map((l) => ({ path: `/courses/${c.slug}/${l.slug}`, trials: l.appraisals.map((id) => c.trials.get(id)!) }))
);

describe.skipIf(real.length === 0)('the appraisal lessons of the real catalog', () => {
	let site: TestServer;
	beforeAll(async () => {
		site = await startServer();
	});
	afterAll(async () => {
		await site?.stop();
		if (site) removeServerFiles(site);
	});

	it('send each trial summary but no key before submission, and score the expert key as 11 of 11', async () => {
		const client = new Client(site.url);
		for (const { path, trials } of real) {
			const html = decodeEntities(await client.text(path));
			expect(html).not.toMatch(/decidedBy|pedroDatabaseScore/);
			for (const trial of trials) {
				expect(html).toContain(trial.summary.design);
				// An explanation that only repeats a sentence of the summary is on the page anyway.
				const summary = Object.values(trial.summary).join(' ');
				for (const k of trial.key) if (!summary.includes(k.explanation)) expect(html, `${trial.id} item ${k.item}`).not.toContain(k.explanation);
				const res = await client.post(`${path}?/appraise`, appraisalFields(trial.id, trial.key.map((k) => k.answer)));
				expect(shown(await res.text())).toContain(`You matched the expert key on 11 of 11 items.`);
			}
		}
	});
});
