import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../../scripts/vite-plugin-lessons';
import { buildCatalog } from './catalog';

// The content bar, checked against the real curriculum in lessons/.
const catalog = buildCatalog(readLessonFiles());

describe('the shipped curriculum', () => {
	it('has the four courses of a renewal cycle: science, safety, pain and ethics', () => {
		expect(catalog.courses.map((c) => c.slug)).toEqual([
			'science-of-massage',
			'safe-practice-on-the-care-team',
			'pain-context-and-communication',
			'ethics-claims-consent-and-boundaries'
		]);
		expect(catalog.courses.map((c) => c.lessons.length)).toEqual([6, 6, 6, 5]);
		expect(catalog.courses.map((c) => c.ceCategory)).toEqual(['science', 'safety', 'science', 'ethics']);
	});

	it('gives every course at least 12,000 words, so at least 1 CE hour', () => {
		for (const course of catalog.courses) {
			expect(course.wordCount, course.slug).toBeGreaterThanOrEqual(12_000);
			expect(course.ceQuarterHours, course.slug).toBeGreaterThanOrEqual(4);
		}
	});

	for (const course of catalog.courses) {
		for (const lesson of course.lessons) {
			it(`${course.slug}/${lesson.slug} meets the lesson bar`, () => {
				expect(lesson.wordCount).toBeGreaterThanOrEqual(1200);
				expect(lesson.cites.length).toBeGreaterThanOrEqual(3);
				expect(lesson.objectives.length).toBeGreaterThanOrEqual(1);
				expect(lesson.sections.some((s) => s.heading === 'Summary')).toBe(true);
				expect(lesson.knowledgeChecks.length).toBeGreaterThanOrEqual(1);
				expect(lesson.questions.get('quiz')?.length ?? 0).toBeGreaterThanOrEqual(4);
			});
		}

		it(`${course.slug} has a final exam of at least 15 questions and four types`, () => {
			const finalExam = course.questions.get('final') ?? [];
			expect(finalExam.length).toBeGreaterThanOrEqual(15);
			expect(new Set(finalExam.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
		});
	}

	it('grades claims in every lesson through the registry, never with a hand-written grade', () => {
		const files = readLessonFiles();
		for (const course of catalog.courses) {
			for (const lesson of course.lessons) {
				expect(files[lesson.file], lesson.file).toMatch(/<Claim id="[a-z0-9-]+" \/>/);
				expect(files[lesson.file], lesson.file).not.toMatch(/<Grade\b/);
			}
		}
	});
});
