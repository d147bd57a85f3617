import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type ContentFiles } from './catalog';

// How the catalog wires a course's trials.yaml to the <TrialAppraisal trial="..." /> exercises in its lessons.

const bibliography = `
- key: smith2020
  authors: Smith A
  year: 2020
  title: A trial
  journal: J Trials 1(1):1-2
- key: lee2019
  authors: Lee C
  year: 2019
  title: Another trial
  journal: J Trials 2:3
`;
const trials = readFileSync('tests/fixtures/appraisal/lessons/01-appraisal-fixture/trials.yaml', 'utf8')
	.replace('cite: fixturetrial2026', 'cite: smith2020')
	.replace('cite: fixturepilot2026', 'cite: lee2019');
const course = '---\ntitle: Test Course\nsummary: A course.\nlevel: advanced\naudience: Therapists\nceCategory: science\n---\n';
const lesson = (body: string, references = '[smith2020, lee2019]') =>
	`---\ntitle: Lesson One\nsummary: A lesson.\nobjectives:\n  - Appraise\nminutes: 5\nreferences: ${references}\n---\n${body}`;

function files(body: string, extra: ContentFiles = {}): ContentFiles {
	return {
		'/lessons/bibliography.yaml': bibliography,
		'/lessons/01-test-course/index.md': course,
		'/lessons/01-test-course/trials.yaml': trials,
		'/lessons/01-test-course/01-lesson-one/index.md': lesson(body),
		...extra
	};
}

describe('trial appraisals in the catalog', () => {
	it("loads the course's trials and lists each lesson's appraisals in order, without counting them as words", () => {
		const catalog = buildCatalog(files('Read this. <TrialAppraisal trial="fixture-pilot" />\n\n<TrialAppraisal trial="fixture-good-trial" />\n'));
		const [c] = catalog.courses;
		expect([...c.trials.keys()]).toEqual(['fixture-good-trial', 'fixture-pilot']);
		expect(c.lessons[0].appraisals).toEqual(['fixture-pilot', 'fixture-good-trial']);
		expect(c.lessons[0].wordCount).toBe(2);
	});

	it('leaves a course without trials.yaml with no trials', () => {
		const { '/lessons/01-test-course/trials.yaml': _, ...rest } = files('Plain.');
		const [c] = buildCatalog(rest).courses;
		expect(c.trials.size).toBe(0);
		expect(c.lessons[0].appraisals).toEqual([]);
	});

	it('fails naming the lesson when an exercise names a trial the course does not have', () => {
		expect(() => buildCatalog(files('<TrialAppraisal trial="no-such-trial" />'))).toThrow(
			/01-lesson-one\/index\.md: <TrialAppraisal trial="no-such-trial" \/>: no trial with that id/
		);
	});

	it("fails when the lesson's references leave out the trial's citation, or an exercise repeats", () => {
		const unlisted = files('x', { '/lessons/01-test-course/01-lesson-one/index.md': lesson('<TrialAppraisal trial="fixture-pilot" />', '[smith2020]') });
		expect(() => buildCatalog(unlisted)).toThrow(/add its citation "lee2019" to the "references" field/);
		const twice = files('<TrialAppraisal trial="fixture-pilot" />\n\n<TrialAppraisal trial="fixture-pilot" />');
		expect(() => buildCatalog(twice)).toThrow(/may appear once per lesson/);
	});

	it('fails the build on a bad trials.yaml, naming the file, trial and field', () => {
		const bad = files('x', { '/lessons/01-test-course/trials.yaml': trials.replace('decidedBy: dropouts', 'decidedBy: attrition') });
		expect(() => buildCatalog(bad)).toThrow(/01-test-course\/trials\.yaml: trial 1 \(fixture-good-trial\), field "key\.7\.decidedBy"/);
		const ghost = files('x', { '/lessons/01-test-course/trials.yaml': trials.replace('cite: lee2019', 'cite: ghost2000') });
		expect(() => buildCatalog(ghost)).toThrow(/field "cite": unknown citation key "ghost2000"/);
	});
});
