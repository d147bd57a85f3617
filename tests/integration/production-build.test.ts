import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The suites test the build that production runs. A NODE_ENV of "test" or "development" reaching `vite build`
// compiles Svelte in dev mode: every element then goes through nesting checks, and lesson pages render several
// times slower (seen when vitest's NODE_ENV leaked into the build).
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []
	);
}

describe('production build', () => {
	const server = join(process.env.BUILD_DIR || 'build', 'server');

	it('renders pages without Svelte dev-mode checks', () => {
		const files = filesUnder(server);
		expect(files.length).toBeGreaterThan(10);
		const withDevChecks = files.filter((file) => /\bpush_element\(/.test(readFileSync(file, 'utf8')));
		expect(withDevChecks).toEqual([]);
	});
});
