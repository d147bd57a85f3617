import { execFileSync } from 'node:child_process';

/** Integration and browser tests run the production build; build once unless the test runner already did. */
export default function setup() {
	if (process.env.TOUCHSTONE_BUILT === '1') return;
	execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	process.env.TOUCHSTONE_BUILT = '1';
}
