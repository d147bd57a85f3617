import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { formatReport } from '../src/lib/assessment/lint';
import { lintCatalog } from '../src/lib/content/assessment';
import { buildCatalog, type Catalog, type ContentFiles } from '../src/lib/content/catalog';
import { loadApprovals } from '../src/lib/compliance/approval-catalog';

// Every course quiz meets the targets, so a violation fails the build; ASSESSMENT_LINT=warn only reports them
// (for drafting a new course's quizzes).
const DEFAULT_LINT_MODE: 'warn' | 'strict' = 'strict';

/** Reads lessons/ from disk with the same keys import.meta.glob gives the server ("/lessons/..."). */
export function readLessonFiles(root = process.cwd()): ContentFiles {
	const base = join(root, 'lessons');
	const files: ContentFiles = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(md|gift|json|yaml)$/.test(name) && name !== 'README.md')
				files['/' + relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
		}
	};
	walk(base);
	return files;
}

/**
 * Fails the build (and warns in dev) when a lesson's frontmatter, citations, claims or folder names are wrong;
 * prints warnings such as registry claims no lesson uses.
 */
export function validateLessonsPlugin(): Plugin {
	let command = 'serve';
	let linted = false;
	return {
		name: 'touchstone-validate-lessons',
		configResolved(config) {
			command = config.command;
		},
		buildStart() {
			let catalog: Catalog;
			try {
				const files = readLessonFiles();
				catalog = buildCatalog(files);
				// Approved hours above what the content supports fail the build; drift only warns.
				const courses = catalog.courses.map((c) => ({ ...c, dir: c.file.slice(0, -'/index.md'.length) }));
				for (const warning of loadApprovals(files, courses).warnings) this.warn(warning);
			} catch (e) {
				this.error(`Invalid lesson content: ${(e as Error).message}`);
			}
			for (const warning of catalog.warnings) this.warn(warning);
			// The per-quiz report belongs in the build log, once (SvelteKit runs more than one build pass).
			if (command !== 'build' || linted) return;
			linted = true;
			const problem = lintProblem(catalog);
			if (problem?.strict) this.error(problem.message);
			if (problem) this.warn(problem.message);
		}
	};
}

/** 'strict' when lint violations fail the build. */
export function assessmentLintMode(): string {
	return process.env.ASSESSMENT_LINT || DEFAULT_LINT_MODE;
}

/** Prints the assessment lint report; returns the summary when any quiz has violations. */
export function lintProblem(catalog: Catalog, mode = assessmentLintMode()) {
	const reports = lintCatalog(catalog);
	console.log(`\nAssessment lint (ASSESSMENT_LINT=${mode}):\n${reports.map(formatReport).join('\n')}\n`);
	const count = reports.reduce((sum, r) => sum + r.violations.length, 0);
	if (count === 0) return null;
	const strict = mode === 'strict';
	const how = strict ? 'fix them (listed above with file and line)' : 'set ASSESSMENT_LINT=strict to make them fail the build';
	return { strict, message: `Assessment lint: ${count} violations in ${reports.filter((r) => r.violations.length).length} quizzes; ${how}` };
}
