import { spawn } from 'node:child_process';

/**
 * Runs the operator CLI against a test database, password on standard input. Asynchronous on purpose: a blocking
 * spawnSync stalls the test's event loop for seconds on a busy machine, the server meanwhile closes the idle
 * keep-alive connections, and the next request written to one fails with "other side closed".
 */
export function createUserWithCli(
	databaseUrl: string,
	args: { email: string; name: string; role: string },
	password: string
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'scripts/user-create.ts', '--email', args.email, '--name', args.name, '--role', args.role],
			{ env: { ...process.env, DATABASE_URL: databaseUrl } }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
		child.stdin.end(password + '\n');
	});
}
