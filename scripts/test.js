// `npm test`: unit tests, one production build, integration tests against the built server, then browser tests in
// Debian's Chromium (skipped with one clear line when none is installed, unless REQUIRE_BROWSER=1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'touchstone-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSuites = 0;

function run(label, args, env = {}) {
	console.log(`\n== ${label} ==`);
	const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function vitest(project, env = {}) {
	const out = join(reports, `${project}.json`);
	const ok = run(`${project} tests`, [
		'node_modules/vitest/vitest.mjs', 'run', '--project', project,
		'--reporter=default', '--reporter=json', `--outputFile.json=${out}`
	], env);
	if (existsSync(out)) {
		const report = JSON.parse(readFileSync(out, 'utf8'));
		totals.passed += report.numPassedTests;
		totals.failed += report.numFailedTests;
		totals.skipped += report.numPendingTests + report.numTodoTests;
	}
	if (!ok) failedSuites++;
}

export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	return candidates.find((p) => p && existsSync(p)) ?? null;
}

vitest('unit');
if (!run('production build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { NODE_ENV: 'production' })) {
	console.error('The build failed; integration and browser tests need it.');
	process.exit(1);
}
vitest('integration', { TOUCHSTONE_BUILT: '1' });

const chromium = findChromium();
if (chromium) {
	vitest('browser', { TOUCHSTONE_BUILT: '1', CHROMIUM_PATH: chromium });
} else if (process.env.REQUIRE_BROWSER === '1') {
	console.error('\nREQUIRE_BROWSER=1 but no Chromium was found: install it with `apt-get install -y chromium`.');
	failedSuites++;
} else {
	console.log('\nBrowser tests skipped: no Chromium found (install it with `apt-get install -y chromium`).');
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSuites > 0 || totals.failed > 0 ? 1 : 0);
