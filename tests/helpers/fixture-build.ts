import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

// Lesson content is bundled at build time (import.meta.glob over lessons/), so a test that needs a lesson the real
// catalog does not have builds the app a second time, in a temporary copy of the project whose lessons/ is a
// fixture directory. The real lessons/ and build/ are never touched. The build is cached by a hash of its inputs,
// so the integration and browser tests of one change share it.

const PROJECT_FILES = ['src', 'scripts', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];

function hashInputs(root: string, paths: string[], hash = createHash('sha256')) {
	for (const path of paths) {
		if (!existsSync(path)) continue;
		if (statSync(path).isDirectory()) hashInputs(root, readdirSync(path).sort().map((name) => join(path, name)), hash);
		else hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
	}
	return hash;
}

/** Builds the app with `fixtureLessons` (relative to the project, or absolute) as its lessons/; returns the build directory. */
export function buildWithFixtureLessons(fixtureLessons: string): string {
	const root = process.cwd();
	const inputs = [...PROJECT_FILES, fixtureLessons].map((p) => resolve(root, p));
	const key = hashInputs(root, inputs).digest('hex').slice(0, 16);
	const done = join(tmpdir(), `touchstone-fixture-build-${key}`);
	if (existsSync(join(done, 'build', 'index.js'))) return join(done, 'build');
	const stage = mkdtempSync(join(tmpdir(), 'touchstone-fixture-stage-'));
	try {
		for (const name of PROJECT_FILES) if (existsSync(join(root, name))) cpSync(join(root, name), join(stage, name), { recursive: true });
		mkdirSync(join(stage, 'lessons'));
		cpSync(resolve(root, fixtureLessons), join(stage, 'lessons'), { recursive: true });
		symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
		const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
		delete env.BUILD_DIR;
		delete env.KIT_OUT_DIR;
		execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: stage, stdio: 'inherit', env });
		rmSync(done, { recursive: true, force: true });
		renameSync(stage, done);
	} catch (e) {
		rmSync(stage, { recursive: true, force: true });
		throw e;
	}
	return join(done, 'build');
}
