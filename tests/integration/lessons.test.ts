import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	removeServerFiles(server);
});

const LESSON = '/courses/science-of-massage/circulation-toxins-and-lactate';

describe('catalog and lesson pages', () => {
	it('lists both courses with CE hours computed from the reading', async () => {
		const html = await new Client(server.url).text('/courses');
		expect(html).toContain('The Science of Massage');
		expect(html).toContain('Safe Practice on the Care Team');
		expect(html).toMatch(/\d(\.\d+)? CE hours? \(home study\)/);
	});

	it('renders a lesson with table of contents, graded claims, numbered citations and linked references', async () => {
		const html = await new Client(server.url).text(LESSON);
		expect(html).toMatch(/<h1[^>]*>Circulation, "Toxins" and Lactate<\/h1>/);
		expect(html).toContain('On this page');
		expect(html).toMatch(/<a class="grade contradicted[^"]*" href="\/evidence#lactate-flushing"/);
		expect(html).toMatch(/<sup class="cite[^"]*"><a href="#ref-[a-z0-9-]+"/);
		expect(html).toContain('href="https://doi.org/10.1249/MSS.0b013e3181c9214f"');
		expect(html).toContain('href="https://pubmed.ncbi.nlm.nih.gov/9140896/"');
		expect(html).toMatch(/rel="next" href="\/courses\/science-of-massage\/touch-and-the-nervous-system"/);
	});

	it('gives a helpful 404 for unknown courses and lessons, including hostile slugs', async () => {
		const client = new Client(server.url);
		for (const path of ['/courses/no-such-course', '/courses/science-of-massage/no-such-lesson', '/courses/..%2F..%2Fetc%2Fpasswd', '/courses/%3Cscript%3Ealert(1)%3C%2Fscript%3E']) {
			const res = await client.get(path);
			expect(res.status, path).toBe(404);
			const html = await res.text();
			expect(html).toContain('course catalog');
			// The slug sent in the address never comes back as markup.
			expect(html, path).not.toContain('<script>alert(1)');
			expect(html).not.toContain('root:');
		}
	});

	it('grades an inline knowledge check on the server without putting the answer in the page', async () => {
		const client = new Client(server.url);
		const html = await client.text(LESSON);
		const id = /name="check" value="([^"]+)"/.exec(html)![1];
		const options = [...html.matchAll(/name="answer" value="([^"]+)"/g)].map((m) => m[1]);
		expect(options.length).toBeGreaterThanOrEqual(2);
		expect(html).not.toMatch(/"weight"|weight:/);

		const results = [];
		for (const answer of options) {
			const res = await client.post(`${LESSON}?/check`, { check: id, answer });
			expect(res.status).toBe(200);
			const page = await res.text();
			results.push(/Correct\.|Not quite\.|Partly right\./.exec(page)?.[0]);
		}
		expect(results.filter((r) => r === 'Correct.')).toHaveLength(1);
		expect((await client.post(`${LESSON}?/check`, { check: 'kc-nope', answer: 'a' })).status).toBe(400);
	});
});

describe('search', () => {
	it('finds a lesson by a word in its body and links to the section', async () => {
		const html = await new Client(server.url).text('/search?q=Doppler');
		expect(html).toMatch(/href="\/courses\/science-of-massage\/circulation-toxins-and-lactate#[a-z0-9-]+"/);
		expect(html).toMatch(/<mark[^>]*>Doppler<\/mark>/);
	});

	it('answers FTS syntax and 1,000 characters of junk with a clear page, never a 500', async () => {
		const client = new Client(server.url);
		for (const q of ['"unbalanced', 'NEAR(', '***', '%00', 'a'.repeat(1000), '<script>alert(1)</script>', "' OR 1=1 --"]) {
			const res = await client.get(`/search?q=${encodeURIComponent(q)}`);
			expect(res.status, q).toBe(200);
			const html = await res.text();
			expect(html).not.toContain('<script>alert(1)</script>');
		}
		expect(await client.text('/search?q=%21%21%21')).toContain('Type a word or two');
	});
});
