import { describe, expect, it } from 'vitest';
import { buildCatalog, type ContentFiles } from './catalog';
import { isDueForReview } from './claims';

// The registry's checks, each failure case through buildCatalog as the build runs it.

const bibliography = `
- key: smith2020
  authors: Smith A
  year: 2020
  title: A trial
  journal: J Trials 1(1):1-2
- key: lee2019
  authors: Lee C
  year: 2019
  title: A review
  journal: Rev 2:3
`;

const course = `---\ntitle: Test Course\nsummary: A course.\nlevel: advanced\naudience: Therapists\nceCategory: science\n---\n`;

const lesson = (body: string) =>
	`---\ntitle: Lesson One\nsummary: The first.\nobjectives: [Learn]\nminutes: 5\nreferences: [smith2020]\n---\n${body}`;

const claim = (fields: Partial<Record<string, string>> = {}) => {
	const all = {
		id: 'lactate-flushing',
		statement: 'Massage speeds the removal of lactate.',
		topic: 'circulation',
		direction: 'against',
		certainty: 'low',
		grade: 'contradicted',
		sources: '[lee2019]',
		reviewed: '2026-12-03',
		...fields
	};
	const lines = Object.entries(all).filter(([, v]) => v !== undefined);
	return lines.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n');
};

function files(claims: string, body = 'Text <Cite key="smith2020" />.\n\n## Flow\n\nIt failed <Claim id="lactate-flushing" />.\n'): ContentFiles {
	return {
		'/lessons/bibliography.yaml': bibliography,
		'/lessons/claims.yaml': `claims:\n${claims}\n`,
		'/lessons/01-test-course/index.md': course,
		'/lessons/01-test-course/01-lesson-one/index.md': lesson(body)
	};
}

describe('claims registry', () => {
	it('loads a valid claim, adds its sources to the lesson references and records where it is taught', () => {
		const catalog = buildCatalog(files(claim()));
		const [l] = catalog.courses[0].lessons;
		expect(catalog.claims.get('lactate-flushing')?.grade).toBe('contradicted');
		expect(l.claims).toEqual(['lactate-flushing']);
		expect(l.references).toEqual(['smith2020', 'lee2019']);
		expect(l.cites).toEqual(['smith2020', 'lee2019']);
		expect(catalog.claimUses.get('lactate-flushing')).toEqual([
			{ course: 'test-course', lesson: 'lesson-one', title: 'Lesson One', section: 'flow', heading: 'Flow' }
		]);
		expect(catalog.warnings).toEqual([]);
	});

	it('fails on an unknown claim id used in a lesson, naming the lesson file and the id', () => {
		expect(() => buildCatalog(files(claim(), 'Text <Cite key="smith2020" /> <Claim id="no-such-claim" />.'))).toThrow(
			'/lessons/01-test-course/01-lesson-one/index.md: <Claim id="no-such-claim" />: unknown claim id'
		);
	});

	it('checks claims in a course introduction and counts them as taught there', () => {
		const withIntro = (intro: string) => ({ ...files(claim()), '/lessons/01-test-course/index.md': course + intro });
		expect(() => buildCatalog(withIntro('Safe <Claim id="nope" />.'))).toThrow('/lessons/01-test-course/index.md: <Claim id="nope" />: unknown claim id');
		const catalog = buildCatalog(withIntro('Flushing <Claim id="lactate-flushing" />.'));
		expect(catalog.courses[0].claims).toEqual(['lactate-flushing']);
		expect(catalog.claimUses.get('lactate-flushing')?.map((u) => u.lesson)).toEqual(['', 'lesson-one']);
	});

	it('fails on a claim badge that is not self-closing', () => {
		expect(() => buildCatalog(files(claim(), 'Text <Cite key="smith2020" /> <Claim id="lactate-flushing">flushes</Claim>.'))).toThrow(
			'<Claim id="lactate-flushing">: write a claim badge as <Claim id="claim-id" />'
		);
		expect(() => buildCatalog(files(claim(), 'Text <Claim key="lactate-flushing" />.'))).toThrow(/<Claim key="lactate-flushing" \/>: write a claim badge/);
	});

	it('fails on a claim without a source', () => {
		expect(() => buildCatalog(files(claim({ sources: '[]' })))).toThrow(/claims\.yaml: claim "lactate-flushing", field "sources": a claim needs at least one source/);
		expect(() => buildCatalog(files(claim({ sources: undefined })))).toThrow(/claim "lactate-flushing", field "sources"/);
	});

	it('fails on a grade the rule does not allow for the direction and certainty', () => {
		expect(() => buildCatalog(files(claim({ direction: 'for', certainty: 'low', grade: 'supported' })))).toThrow(
			'claim "lactate-flushing": grade "supported" is not allowed for direction "for" with low certainty; the rule gives "mixed"'
		);
		expect(() => buildCatalog(files(claim({ certainty: 'very-low', grade: 'contradicted' })))).toThrow(/the rule gives "unknown"/);
	});

	it('fails on a source key missing from the bibliography', () => {
		expect(() => buildCatalog(files(claim({ sources: '[lee2019, nobody1999]' })))).toThrow(
			'claim "lactate-flushing": source "nobody1999" is not in lessons/bibliography.yaml'
		);
	});

	it('fails on malformed fields and duplicate ids, naming the claim', () => {
		expect(() => buildCatalog(files(claim({ certainty: 'medium' })))).toThrow(/claim "lactate-flushing", field "certainty"/);
		expect(() => buildCatalog(files(claim({ reviewed: 'last year' })))).toThrow(/claim "lactate-flushing", field "reviewed"/);
		expect(() => buildCatalog(files(claim({ id: 'Lactate Flushing' })))).toThrow(/claim "Lactate Flushing", field "id"/);
		expect(() => buildCatalog(files(`${claim()}\n${claim()}`))).toThrow('claim "lactate-flushing": duplicate id');
		expect(() => buildCatalog(files('  just: text'))).toThrow(/claims\.yaml/);
	});

	it('warns, without failing, on a registry claim no lesson uses', () => {
		const catalog = buildCatalog(files(claim(), 'Text <Cite key="smith2020" />.'));
		expect(catalog.warnings).toEqual([expect.stringContaining('claim "lactate-flushing" is not used by any lesson')]);
	});
});

describe('isDueForReview', () => {
	it('flags a claim last reviewed more than 24 months ago', () => {
		const today = new Date('2026-12-03T12:00:00Z');
		expect(isDueForReview('2024-12-04', today)).toBe(false);
		expect(isDueForReview('2024-12-02', today)).toBe(true);
		expect(isDueForReview('2026-01-01', today)).toBe(false);
	});
});
