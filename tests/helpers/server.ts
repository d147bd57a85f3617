import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestServer {
	url: string;
	port: number;
	dir: string;
	databaseUrl: string;
	outbox: string;
	output: () => string;
	/** Stops the app server (and its own database server, if it started one). */
	stop: (signal?: NodeJS.Signals) => Promise<void>;
	/** Stops and starts the app server on the same database. */
	restart: () => Promise<void>;
	/** Kills the app server without stopping its database (crash tests). */
	kill: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not become healthy:\n${log()}`);
}

/**
 * Starts the built server (build/index.js, or buildDir/index.js) on a free port with its own temporary database and
 * outbox.
 */
export async function startServer(options: { env?: Record<string, string>; databaseUrl?: string; buildDir?: string } = {}): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'touchstone-test-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// A server given a databaseUrl shares that database (several app processes behind one database).
	const own: TestDatabase | null = options.databaseUrl ? null : await createTestDatabase(dir);
	const databaseUrl = options.databaseUrl ?? own!.url;
	const outbox = join(dir, 'outbox');
	let logs = '';
	let child: ChildProcess;

	const launch = async () => {
		child = spawn(process.execPath, [`${options.buildDir ?? (process.env.BUILD_DIR || 'build')}/index.js`], {
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				DATABASE_URL: databaseUrl,
				OUTBOX_DIR: outbox,
				LOG_REQUESTS: '1',
				BODY_SIZE_LIMIT: '3M',
				GUARD_LOAD_WRITES: '1',
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout!.on('data', (d) => (logs += d));
		child.stderr!.on('data', (d) => (logs += d));
		await waitForHealth(url, child, () => logs);
	};

	const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill(signal);
		});
	};

	await launch();
	return {
		url,
		port,
		dir,
		databaseUrl,
		outbox,
		output: () => logs,
		stop: async (signal) => {
			await stop(signal);
			await own?.close();
		},
		restart: async () => {
			await stop();
			await launch();
		},
		kill: async (signal = 'SIGKILL') => {
			await stop(signal);
		}
	};
}

export function removeServerFiles(server: TestServer): void {
	rmSync(server.dir, { recursive: true, force: true });
}
