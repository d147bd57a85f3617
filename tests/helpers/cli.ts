import { spawnSync } from 'node:child_process';

/** Runs the operator CLI against a test database, password on standard input. */
export function createUserWithCli(databaseUrl: string, args: { email: string; name: string; role: string }, password: string) {
	const result = spawnSync(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'scripts/user-create.ts', '--email', args.email, '--name', args.name, '--role', args.role],
		{ input: password + '\n', env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
