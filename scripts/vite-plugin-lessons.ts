import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { buildCatalog, type ContentFiles } from '../src/lib/content/catalog';
import { loadApprovals } from '../src/lib/compliance/approval-catalog';

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

/** Fails the build (and warns in dev) when a lesson's frontmatter, citations or folder names are wrong. */
export function validateLessonsPlugin(): Plugin {
	return {
		name: 'touchstone-validate-lessons',
		buildStart() {
			try {
				const files = readLessonFiles();
				const catalog = buildCatalog(files);
				// Approved hours above what the content supports fail the build; drift only warns.
				const courses = catalog.courses.map((c) => ({ ...c, dir: c.file.slice(0, -'/index.md'.length) }));
				for (const warning of loadApprovals(files, courses).warnings) this.warn(warning);
			} catch (e) {
				this.error(`Invalid lesson content: ${(e as Error).message}`);
			}
		}
	};
}
