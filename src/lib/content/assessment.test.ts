import { describe, expect, it } from 'vitest';
import { assessmentLintMode, readLessonFiles } from '../../../scripts/vite-plugin-lessons';
import { describeViolation } from '../assessment/lint';
import { lintCatalog } from './assessment';
import { buildCatalog } from './catalog';

// The assessment lint over the shipped curriculum, with file and line for every item.
const catalog = buildCatalog(readLessonFiles());
const reports = lintCatalog(catalog);

describe('assessment lint of the curriculum', () => {
	it('reports every lesson check and every final, with file and line for each violation', () => {
		const names = reports.map((r) => r.name);
		for (const course of catalog.courses) {
			expect(names).toContain(course.file.replace(/^\/|\/index\.md$/g, '') + '/final');
			for (const lesson of course.lessons) expect(names).toContain(lesson.file.replace(/^\/|\/index\.md$/g, '') + '/quiz');
		}
		for (const v of reports.flatMap((r) => r.violations)) expect(v.where).toMatch(/^lessons\/.+\.(gift|json):\d+$/);
		const final = reports.find((r) => r.kind === 'final')!;
		expect(final.total).toBe(catalog.courses[0].questions.get('final')!.length);
	});

	// Active once the lint is strict: the lead flips DEFAULT_LINT_MODE after merging the rewritten quizzes.
	it.runIf(assessmentLintMode() === 'strict')('meets every lint target', () => {
		expect(reports.flatMap((r) => r.violations.map(describeViolation))).toEqual([]);
	});
});
