// `npm start`: build when the build is missing or older than the sources, then serve. Migrations and the content
// sync run inside the server's init hook, so every way of starting the server applies them.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const stamp = 'build/handler.js';
const sources = ['src', 'lessons', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

if (cluster.isPrimary && (!existsSync(stamp) || newestChange(stamp) < Math.max(...sources.map(newestChange)))) {
	console.log('Building Touchstone (first start or sources changed)...');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		stdio: 'inherit',
		// A NODE_ENV of development or test left in the shell would compile Svelte in dev mode (several times slower).
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

// adapter-node reads ORIGIN itself; without it, it assumes https and refuses form posts from http://localhost.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;
// GIFT imports may be up to 1 MB of text; adapter-node's default body limit (512 KB) would refuse them first.
process.env.BODY_SIZE_LIMIT ||= '3M';

// WEB_CONCURRENCY=N runs N server processes sharing the port (node:cluster), to use every core. The first one
// applies migrations and syncs content before the others start, so they never race on a fresh database.
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || 1);
if (workers === 1 || !cluster.isPrimary) {
	await import('../build/index.js');
} else {
	let stopping = false;
	const fork = () => new Promise((resolve) => cluster.fork().once('listening', resolve).once('exit', resolve));
	cluster.on('exit', (worker, code, signal) => {
		if (!stopping && signal !== 'SIGTERM' && code !== 0) {
			console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting a new one.`);
			cluster.fork();
		}
	});
	// Stop once every worker has: a primary that left first would make a worker still starting fail on its IPC channel.
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			stopping = true;
			const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
			if (workers.length === 0) process.exit(0);
			let running = workers.length;
			for (const worker of workers) {
				worker.once('exit', () => --running === 0 && process.exit(0));
				// SIGTERM makes the server stop accepting and finish what it has; the open IPC channel would still
				// keep the worker alive, so it is closed too.
				worker.process.kill('SIGTERM');
				if (worker.isConnected()) worker.disconnect();
			}
			setTimeout(() => {
				for (const worker of workers) worker.process.kill('SIGKILL');
				process.exit(1);
			}, 15_000).unref();
		});
	}
	await fork();
	for (let i = 1; i < workers && !stopping; i++) await fork();
}
