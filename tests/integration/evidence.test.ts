import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../scripts/vite-plugin-lessons';
import { buildCatalog } from '../../src/lib/content/catalog';
import { attr, formFields, tokenize } from '../helpers/html';
import { useWorld, type World } from '../helpers/world';
import type { Client } from '../helpers/client';

// The evidence map against the real registry (lessons/claims.yaml), as a browser without JavaScript sees it.
const catalog = buildCatalog(readLessonFiles());
const claims = [...catalog.claims.values()];

let world: World;
let anonymous: Client;
useWorld((_server, w) => {
	world = w;
	anonymous = w.clients.anonymous;
});

/** Ids of the claim entries on an evidence page, in order. */
function claimIds(html: string): string[] {
	return tokenize(html)
		.tags.filter((t) => t.name === 'article' && attr(t, 'class')?.includes('claim'))
		.map((t) => attr(t, 'id')!);
}

describe('/evidence', () => {
	it('lists every registry claim with its anchor, grade, certainty, sources and review date', async () => {
		expect(claims.length).toBeGreaterThan(0);
		const html = await anonymous.text('/evidence');
		expect(claimIds(html).sort()).toEqual(claims.map((c) => c.id).sort());
		for (const claim of claims) {
			const entry = html.slice(html.indexOf(`id="${claim.id}"`), html.indexOf('</article>', html.indexOf(`id="${claim.id}"`)));
			expect(entry, claim.id).toContain(`grade ${claim.grade}`);
			expect(entry, claim.id).toContain(`datetime="${claim.reviewed}"`);
			for (const key of claim.sources) {
				const ref = catalog.bibliography.get(key)!;
				if (ref.doi) expect(entry, `${claim.id} ${key}`).toContain(`href="https://doi.org/${ref.doi}"`);
				if (ref.pmid) expect(entry, `${claim.id} ${key}`).toContain(`href="https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/"`);
				expect(entry, `${claim.id} ${key}`).toContain(ref.title.replace(/&/g, '&amp;').slice(0, 30));
			}
		}
	});

	it('links each claim to the lessons that teach it, and each lesson badge links back to the claim', async () => {
		const html = await anonymous.text('/evidence');
		for (const claim of claims) {
			const uses = catalog.claimUses.get(claim.id)!;
			for (const use of uses) {
				const path = use.lesson ? `/courses/${use.course}/${use.lesson}` : `/courses/${use.course}`;
				const href = `${path}${use.section ? `#${use.section}` : ''}`;
				expect(html, claim.id).toContain(`href="${href}"`);
				const res = await anonymous.get(href.split('#')[0]);
				expect(res.status, href).toBe(200);
				const lesson = await res.text();
				if (use.section) expect(lesson, href).toContain(`id="${use.section}"`);
				expect(lesson, href).toMatch(new RegExp(`<a class="grade ${claim.grade}[^"]*" href="/evidence#${claim.id}"`));
				// A lesson lists the claim's sources among its references (a course introduction has no list).
				if (use.lesson) for (const key of claim.sources) expect(lesson, `${href} cites ${key}`).toContain(`id="ref-${key}"`);
			}
		}
	});

	it('filters by grade and by topic with a plain GET form', async () => {
		const html = await anonymous.text('/evidence');
		const form = tokenize(html).tags.find((t) => t.name === 'form' && attr(t, 'method') === 'get');
		expect(form).toBeDefined();
		expect(formFields(html, '').map(([name]) => name)).toEqual(['grade', 'topic']);

		const grade = claims[0].grade;
		const byGrade = claimIds(await anonymous.text(`/evidence?grade=${grade}`));
		expect(byGrade.sort()).toEqual(claims.filter((c) => c.grade === grade).map((c) => c.id).sort());

		const topic = claims[claims.length - 1].topic;
		const byTopicPage = await anonymous.text(`/evidence?grade=&topic=${topic}`);
		expect(claimIds(byTopicPage).sort()).toEqual(claims.filter((c) => c.topic === topic).map((c) => c.id).sort());
		expect(formFields(byTopicPage, '')).toEqual([['grade', ''], ['topic', topic]]);

		const both = claimIds(await anonymous.text(`/evidence?grade=${grade}&topic=${topic}`));
		expect(both.sort()).toEqual(claims.filter((c) => c.grade === grade && c.topic === topic).map((c) => c.id).sort());
	});

	it('shows every claim for unknown filter values instead of an error', async () => {
		for (const query of ['?grade=excellent', '?topic=%3Cscript%3E', '?grade=' + 'x'.repeat(500)]) {
			const res = await anonymous.get(`/evidence${query}`);
			expect(res.status, query).toBe(200);
			expect(claimIds(await res.text()).length, query).toBe(claims.length);
		}
	});

	it('is listed in the instructor studio with the claims due for review', async () => {
		const html = await world.clients.instructor.text('/instructor');
		expect(html).toContain('Claims due for review');
		expect(html).toContain('href="/evidence"');
	});
});
