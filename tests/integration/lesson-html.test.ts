import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

// The lesson body is rendered once per server process and written into every page as the same bytes; the
// interactive islands (knowledge checks, appraisals) are rendered per request around it.

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

const LESSON = '/courses/science-of-massage/weighing-the-evidence';
const article = (html: string) => html.slice(html.indexOf('<article'), html.indexOf('</article>'));
const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('the cached lesson body', () => {
	it('is the same HTML on consecutive requests, and a posted knowledge-check answer (no JavaScript) shows its feedback', async () => {
		const client = new Client(server.url);
		const first = await client.text(LESSON);
		const second = await client.text(LESSON);
		expect(article(first).length).toBeGreaterThan(20_000);
		expect(article(second)).toBe(article(first));
		expect(first).not.toContain('touchstone:lesson-html');

		const id = /name="check" value="([^"]+)"/.exec(first)![1];
		const answer = /name="answer" value="([^"]+)"/.exec(first)![1];
		const posted = await client.post(`${LESSON}?/check`, { check: id, answer });
		expect(posted.status).toBe(200);
		const answered = await posted.text();
		const check = answered.slice(answered.indexOf(`<aside class="check`), answered.indexOf('</aside>', answered.indexOf(`id="${id}"`)));
		expect(check).toMatch(/Correct\.|Not quite\.|Partly right\./);
		expect(check).toMatch(new RegExp(`value="${answer}"[^>]*checked|checked[^>]*value="${answer}"`));
		// The answer stayed with that response: the next page is the cached one again.
		expect(article(await client.text(LESSON))).toBe(article(first));
	});

	it('gives a source cited twice two distinct citation ids and two back links, on a cached render too', async () => {
		const client = new Client(server.url);
		for (const html of [await client.text(LESSON), await client.text(LESSON)]) {
			const ids = idsOf(html);
			expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
			expect(ids).toContain('cite-furlan2015');
			expect(ids).toContain('cite-furlan2015-2');
			const entry = html.slice(html.indexOf('id="ref-furlan2015"'), html.indexOf('</li>', html.indexOf('id="ref-furlan2015"')));
			const back = [...entry.matchAll(/href="#(cite-[^"]+)"/g)].map((m) => m[1]);
			expect(back).toEqual(expect.arrayContaining(['cite-furlan2015', 'cite-furlan2015-2']));
			for (const anchor of back) expect(ids).toContain(anchor);
		}
	});

	it('has unique ids and back links that reach a citation on every lesson page', async () => {
		const client = new Client(server.url);
		const courses = [...(await client.text('/courses')).matchAll(/href="(\/courses\/[a-z0-9-]+)"/g)].map((m) => m[1]);
		const lessons = new Set<string>();
		for (const course of new Set(courses)) {
			for (const m of (await client.text(course)).matchAll(/href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/g)) lessons.add(m[1]);
		}
		expect(lessons.size).toBeGreaterThan(10);
		for (const lesson of lessons) {
			const html = await client.text(lesson);
			const ids = idsOf(html);
			expect(ids.filter((id, i) => ids.indexOf(id) !== i), lesson).toEqual([]);
			const refs = html.slice(html.indexOf('id="references"'));
			for (const [, anchor] of refs.matchAll(/href="#(cite-[^"]+)"/g)) expect(ids, `${lesson} #${anchor}`).toContain(anchor);
		}
	});

	it('comes with a navigation as data, and not again inside a page', async () => {
		const client = new Client(server.url);
		const page = await client.text(LESSON);
		const data = await client.text(`${LESSON}/__data.json`);
		expect(data).toContain('cite-furlan2015-2');
		// The page's own serialized data carries only the islands' props, not the body a second time.
		const script = page.slice(page.lastIndexOf('<script'));
		expect(script).not.toContain('cite-furlan2015');
		expect(script).toContain('"check"');
	});
});
