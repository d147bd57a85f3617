// npm run bench [-- --students 100000 --duration 8]: builds and starts the production server on a temporary
// database filled with synthetic data, drives it with autocannon on loopback, and prints one table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { hash } from '@node-rs/argon2';
import { createClient } from '@libsql/client';
import { seedDatabase } from './seed';
import { drive as driveOn, driveAtRate, rotating, rssSampler, type Row } from './measure';
import { printReport } from './report';

const { values: args } = parseArgs({
	options: {
		students: { type: 'string', default: '10000' },
		duration: { type: 'string', default: '8' },
		'no-build': { type: 'boolean', default: false },
		workers: { type: 'string', default: '1' },
		// A comma-separated subset of: lesson, dashboard, open, submit, verify, analytics (the references always run).
		only: { type: 'string' },
		// Writes a V8 CPU profile of the measured server process into this folder (node --cpu-prof), on its exit.
		profile: { type: 'string' }
	}
});
const STUDENTS = Number(args.students);
const DURATION = Number(args.duration);
const buildDir = process.env.BUILD_DIR || 'build';
const WORKERS = Math.max(1, Number(args.workers) || 1);
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
const want = (scenario: string) => !only || only.has(scenario);

async function waitHealthy(url: string, child: ChildProcess) {
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error('server exited during start');
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			// starting
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

// Start the server exactly as `npm start` does, with the Node flags package.json gives it (the heap size).
const startCommand = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
if (startCommand[0] !== 'node') throw new Error('package.json "start" should run node directly');

function startServer(port: number, databaseUrl: string, profile?: string): ChildProcess {
	const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
	return spawn(process.execPath, [...flags, ...startCommand.slice(1)], {
		env: {
			...process.env,
			WEB_CONCURRENCY: String(WORKERS),
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: databaseUrl,
			LOG_REQUESTS: '0',
			// The benchmark plays many visitors behind a proxy, so per-address throttles see distinct addresses.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

async function main() {
	console.log(
		`Touchstone benchmark: ${STUDENTS.toLocaleString()} students, ${DURATION}s per scenario, ${WORKERS} server process(es), ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
	);
	if (!args['no-build']) {
		const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
		if (build.status !== 0) process.exit(1);
	}
	const dir = mkdtempSync(join(tmpdir(), 'touchstone-bench-'));
	const databaseUrl = `file:${join(dir, 'bench.db')}`;
	const port = 4300 + Math.floor(Math.random() * 500);
	const url = `http://127.0.0.1:${port}`;
	let server = startServer(port, databaseUrl);
	try {
		await waitHealthy(url, server); // migrations, content sync, quiz import
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));

		const seedStart = performance.now();
		const client = createClient({ url: databaseUrl });
		const seeded = await seedDatabase(client, STUDENTS, await hash('bench-password-not-used'));
		client.close();
		const seedSeconds = (performance.now() - seedStart) / 1000;
		const dbPath = join(dir, 'bench.db');
		const dbBytes = ['', '-wal'].reduce((sum, ext) => sum + (existsSync(dbPath + ext) ? statSync(dbPath + ext).size : 0), 0);
		console.log(`Seeded in ${seedSeconds.toFixed(1)} s, database ${(dbBytes / 2 ** 20).toFixed(0)} MB`);

		server = startServer(port, databaseUrl, args.profile);
		await waitHealthy(url, server);
		const pid = server.pid!;
		const drive = (name: string, opts: Parameters<typeof driveOn>[3]) => driveOn(pid, name, DURATION, opts);
		const rss = rssSampler(pid);
		const cookie = rotating(seeded.sessions.map((t) => `touchstone_session=${t}`));
		const withCookie = [{ setupRequest: (r: { headers?: Record<string, string> }) => ({ ...r, headers: { ...r.headers, cookie: cookie() } }) }];
		const lessonHtml = await (await fetch(url + seeded.lessonPath, { headers: { cookie: cookie() } })).text();

		// The ceiling: a bare Node server sending the same lesson bytes, in its own process like the app.
		const barePort = port + 1;
		const bare = spawn(process.execPath, [
			'-e',
			`const body = Buffer.from(process.env.BODY, 'base64'); require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html' }); s.end(body); }).listen(${barePort}, '127.0.0.1');`
		], { env: { ...process.env, BODY: Buffer.from(lessonHtml).toString('base64') }, stdio: 'ignore' });
		await new Promise((r) => setTimeout(r, 500));
		const rows: Row[] = [];
		const ceiling = await driveOn(bare.pid!, 'bare Node, same lesson bytes', DURATION, { url: `http://127.0.0.1:${barePort}/` });
		bare.kill();
		rows.push(ceiling);
		// The framework's own floor: the smallest request SvelteKit answers (a JSON endpoint with one database read),
		// and the lesson page without a session: what rendering costs before any per-student work.
		const floor = await drive('SvelteKit floor: /healthz, 25 bytes', { url: url + '/healthz' });
		rows.push(floor);
		let lesson: Row | undefined;
		let dashboard: Row | undefined;
		if (want('lesson')) {
			rows.push(await drive('lesson page (anonymous)', { url: url + seeded.lessonPath }));
			rows.push((lesson = await drive('lesson page (logged in)', { url: url + seeded.lessonPath, requests: withCookie })));
		}
		if (want('dashboard')) rows.push((dashboard = await drive('dashboard', { url: url + '/dashboard', requests: withCookie })));
		// Latency at fixed arrival rates below the maximum just measured (open loop), as users meet it.
		const openLoop: Row[] = [];
		for (const [name, path, max] of [['dashboard', '/dashboard', dashboard], ['lesson page (logged in)', seeded.lessonPath, lesson]] as const) {
			if (!max || !want('open')) continue;
			for (const share of [0.25, 0.5, 0.75]) {
				openLoop.push(await driveAtRate(pid, `${name} at ${share * 100}% of max`, DURATION, share * max.rps, { url: url + path, requests: withCookie }));
			}
		}

		let submit: Row | undefined;
		let acknowledged = 0;
		let stored = 0;
		if (want('submit')) {
			const open = rotating(seeded.openAttempts);
			const amount = Math.min(seeded.openAttempts.length, 4000);
			const driven = await drive('quiz submission', {
				url,
				amount,
				requests: [
					{
						method: 'POST',
						setupRequest: (r) => {
							const a = open();
							return {
								...r,
								path: `/attempts/${a.attemptId}?/submit`,
								headers: { cookie: `touchstone_session=${a.token}`, origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
								body: 'q0=x'
							};
						}
					}
				]
			});
			const check = createClient({ url: databaseUrl });
			const submittedIds = seeded.openAttempts.slice(0, amount).map((a) => a.attemptId);
			stored = Number(
				(await check.execute(`SELECT COUNT(*) AS n FROM attempts WHERE status = 'submitted' AND id IN (${submittedIds.join(',')})`)).rows[0].n
			);
			check.close();
			acknowledged = (driven.raw.statusCodeStats as Record<string, { count: number }>)['303']?.count ?? 0;
			driven.note = `${acknowledged} acknowledged, ${stored} stored${acknowledged > stored ? ' (LOST WRITES)' : ''}`;
			rows.push((submit = driven));
		}

		if (want('verify')) {
			const code = rotating(seeded.certificateCodes);
			let ip = 0;
			rows.push(
				await drive('certificate verification', {
					url,
					requests: [{ setupRequest: (r) => ({ ...r, path: `/verify/${code()}`, headers: { 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` } }) }]
				})
			);
		}
		let analytics: Row | undefined;
		if (want('analytics')) {
			analytics = await drive('instructor analytics (quiz with every student)', {
				url: `${url}/instructor/quizzes/${seeded.analyticsQuizId}/analytics`,
				connections: 4,
				headers: { cookie: `touchstone_session=${seeded.instructorToken}` }
			});
			rows.push(analytics);
		}
		rss.stop();

		// JavaScript the lesson page ships: every module it preloads or imports, gzipped.
		const scripts = [...new Set([...lessonHtml.matchAll(/\/_app\/immutable\/[^"']+\.js/g)].map((m) => m[0]))];
		const js = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(buildDir, 'client', path))).length, 0);
		printReport({ rows, openLoop, ceiling, floor, lesson, dashboard, submit, analytics, acknowledged, stored, js, scripts: scripts.length, peakRss: rss.peak(), dbBytes, seedSeconds });
	} finally {
		server.kill('SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
