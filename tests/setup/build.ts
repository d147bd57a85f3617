import { execFileSync } from 'node:child_process';

/** Integration and browser tests run the production build; build once unless the test runner already did. */
export default function setup() {
	if (process.env.TOUCHSTONE_BUILT === '1') return;
	// Vitest sets NODE_ENV=test, which would make Vite compile Svelte in dev mode: test what production runs.
	execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: { ...process.env, NODE_ENV: 'production' }
	});
	process.env.TOUCHSTONE_BUILT = '1';
}
