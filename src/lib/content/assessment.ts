import { lintCourse, type LintItem, type LintQuiz, type QuizKind, type QuizReport } from '../assessment/lint';
import { parseQuestionsJson } from '../gift/json';
import { parseGift } from '../gift/parse';
import type { Catalog } from './catalog';

// Feeds the course quiz files to the assessment lint with file and line for every item. The catalog has
// already parsed them (and failed the build on syntax); this re-reads them only for the line numbers.

const kinds: Record<string, QuizKind> = { final: 'final', quiz: 'lesson-check', checks: 'knowledge-checks' };

function itemsOf(dir: string, name: string, source: string): LintItem[] {
	const file = `${dir}/${name}`.replace(/^\//, '');
	if (name.endsWith('.gift')) {
		return parseGift(source).questions.map(({ line, category: _c, ...question }) => ({ question, where: `${file}:${line}` }));
	}
	const lines = source.split('\n');
	return parseQuestionsJson(source).questions.map((question) => {
		// JSON items have no line of their own; the line naming their title (or type) is where an author looks.
		const needle = question.title ? JSON.stringify(question.title) : `"${question.type}"`;
		const at = lines.findIndex((l) => l.includes(needle));
		return { question, where: `${file}:${at + 1}` };
	});
}

/** The quizzes of one folder by base name: quiz.gift + quiz.json is one lesson check. */
function quizzesIn(dir: string, files: Record<string, string>, references: Set<string>, bibliography: Set<string>): LintQuiz[] {
	const byBase = new Map<string, LintItem[]>();
	for (const [name, source] of Object.entries(files).sort()) {
		const base = name.replace(/\.(gift|json)$/, '');
		byBase.set(base, [...(byBase.get(base) ?? []), ...itemsOf(dir, name, source)]);
	}
	return [...byBase].map(([base, items]) => ({
		name: `${dir.replace(/^\//, '')}/${base}`,
		kind: kinds[base] ?? 'practice',
		items,
		references,
		bibliography
	}));
}

/** One report per quiz file group of every course, stems compared across each whole course. */
export function lintCatalog(catalog: Catalog): QuizReport[] {
	const bibliography = new Set(catalog.bibliography.keys());
	return catalog.courses.flatMap((course) => {
		const courseDir = course.file.slice(0, -'/index.md'.length);
		const courseRefs = new Set(course.lessons.flatMap((l) => l.references));
		const quizzes = [
			...course.lessons.flatMap((lesson) =>
				quizzesIn(lesson.file.slice(0, -'/index.md'.length), lesson.quizFiles, new Set(lesson.references), bibliography)
			),
			...quizzesIn(courseDir, course.quizFiles, courseRefs, bibliography)
		];
		return lintCourse(quizzes);
	});
}
