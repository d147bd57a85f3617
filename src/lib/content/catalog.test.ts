import { describe, expect, it } from 'vitest';
import { buildCatalog, type ContentFiles } from './catalog';

const bibliography = `
- key: smith2020
  authors: Smith A, Jones B
  year: 2020
  title: A trial
  journal: J Trials 1(1):1-2
  doi: 10.1000/xyz123
  pmid: "123456"
- key: lee2019
  authors: Lee C
  year: 2019
  title: A review
  journal: Rev 2:3
`;

const course = `---
title: Test Course
summary: A course for tests.
level: advanced
audience: Therapists
ceCategory: science
---
`;

const lesson = (front: string, body = 'Some words here <Cite key="smith2020" />.\n\n## First part\n\nMore words.\n') =>
	`---\n${front}\n---\n${body}`;

const goodFront = `title: Lesson One
summary: The first lesson.
objectives:
  - Understand things
minutes: 5
references: [smith2020, lee2019]`;

function files(overrides: ContentFiles = {}): ContentFiles {
	return {
		'/lessons/bibliography.yaml': bibliography,
		'/lessons/01-test-course/index.md': course,
		'/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront),
		'/lessons/01-test-course/01-lesson-one/quiz.gift': '::Q:: 2+2? {=4 ~5}',
		...overrides
	};
}

describe('buildCatalog', () => {
	it('builds courses and lessons with slugs, positions, word counts, sections and quiz files', () => {
		const catalog = buildCatalog(files());
		const [c] = catalog.courses;
		expect(c.slug).toBe('test-course');
		expect(c.lessons[0].slug).toBe('lesson-one');
		expect(c.lessons[0].position).toBe(1);
		expect(c.lessons[0].wordCount).toBe(7);
		expect(c.lessons[0].sections.map((s) => s.id)).toEqual(['', 'first-part']);
		expect(c.lessons[0].cites).toEqual(['smith2020']);
		expect(Object.keys(c.lessons[0].quizFiles)).toEqual(['quiz.gift']);
		expect(catalog.bibliography.get('lee2019')?.title).toBe('A review');
	});

	it('orders lessons by their number', () => {
		const catalog = buildCatalog(
			files({
				'/lessons/01-test-course/02-second/index.md': lesson(goodFront.replace('Lesson One', 'Second')),
				'/lessons/01-test-course/10-tenth/index.md': lesson(goodFront.replace('Lesson One', 'Tenth'))
			})
		);
		expect(catalog.courses[0].lessons.map((l) => l.slug)).toEqual(['lesson-one', 'second', 'tenth']);
	});

	it('names the file and field of a frontmatter mistake', () => {
		const bad = files({ '/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront.replace('minutes: 5', 'minutes: five')) });
		expect(() => buildCatalog(bad)).toThrow(/01-lesson-one\/index\.md: field "minutes"/);
		const missing = files({ '/lessons/01-test-course/index.md': course.replace('level: advanced\n', '') });
		expect(() => buildCatalog(missing)).toThrow(/01-test-course\/index\.md: field "level"/);
		const extra = files({ '/lessons/01-test-course/index.md': course.replace('level: advanced', 'level: advanced\nprice: 10') });
		expect(() => buildCatalog(extra)).toThrow(/price/);
	});

	it('fails on a citation of an unknown key, or one missing from references', () => {
		const unknown = files({
			'/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront, 'Text <Cite key="nobody1999" />.')
		});
		expect(() => buildCatalog(unknown)).toThrow(/01-lesson-one\/index\.md: <Cite key="nobody1999" \/>: unknown citation key/);
		const unlisted = files({
			'/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront.replace('[smith2020, lee2019]', '[lee2019]'))
		});
		expect(() => buildCatalog(unlisted)).toThrow(/add "smith2020" to the "references" field/);
		const badRef = files({
			'/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront.replace('lee2019]', 'ghost2000]'))
		});
		expect(() => buildCatalog(badRef)).toThrow(/field "references": unknown citation key "ghost2000"/);
	});

	it('validates the bibliography entries', () => {
		const bad = files({ '/lessons/bibliography.yaml': bibliography.replace('10.1000/xyz123', 'not-a-doi') });
		expect(() => buildCatalog(bad)).toThrow(/bibliography\.yaml: entry 1, field "doi"/);
		const dup = files({ '/lessons/bibliography.yaml': bibliography + bibliography.split('- key: lee2019')[0].replace(/^\n/, '') });
		expect(() => buildCatalog(dup)).toThrow(/duplicate key "smith2020"/);
	});

	it('requires NN-slug folder names', () => {
		const bad = files({ '/lessons/01-test-course/lesson-two/index.md': lesson(goodFront) });
		expect(() => buildCatalog(bad)).toThrow(/folder "lesson-two" must be named NN-slug/);
	});

	it('fails with the file and line of a GIFT syntax error', () => {
		const bad = files({ '/lessons/01-test-course/01-lesson-one/quiz.gift': '::Q1:: Fine? {T}\n\n::Q2:: Broken {=a ~b\n' });
		expect(() => buildCatalog(bad)).toThrow(/01-lesson-one\/quiz\.gift: Line 3/);
	});

	it('fails when a quiz question cites an unknown key or a knowledge check has no question', () => {
		const cite = files({ '/lessons/01-test-course/01-lesson-one/quiz.gift': '// cite: ghost2000\n::Q:: Yes? {T}' });
		expect(() => buildCatalog(cite)).toThrow(/unknown citation key "ghost2000"/);
		const check = files({
			'/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront, 'Text <Cite key="smith2020" />.\n\n<KnowledgeCheck id="kc-missing" />\n')
		});
		expect(() => buildCatalog(check)).toThrow(/<KnowledgeCheck id="kc-missing" \/>: no question titled ::kc-missing::/);
	});

	it('parses quizzes and knowledge checks into questions', () => {
		const catalog = buildCatalog(
			files({
				'/lessons/01-test-course/01-lesson-one/index.md': lesson(goodFront, 'Text <Cite key="smith2020" />.\n\n<KnowledgeCheck id="kc-one" />\n'),
				'/lessons/01-test-course/01-lesson-one/checks.gift': '::kc-one:: Is water wet? {T}',
				'/lessons/01-test-course/final.gift': '::F1:: 1+1? {#2}'
			})
		);
		const [c] = catalog.courses;
		expect(c.lessons[0].questions.get('quiz')).toHaveLength(1);
		expect(c.lessons[0].questions.get('checks')![0].type).toBe('truefalse');
		expect(c.questions.get('final')![0].type).toBe('numeric');
	});
});
