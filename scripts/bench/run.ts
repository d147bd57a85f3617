// npm run bench [-- --students 100000 --duration 8]: builds and starts the production server on a temporary
// database filled with synthetic data, drives it with autocannon on loopback, and prints one table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { hash } from '@node-rs/argon2';
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';
import { seedDatabase } from './seed';

const { values: args } = parseArgs({
	options: {
		students: { type: 'string', default: '10000' },
		duration: { type: 'string', default: '8' },
		'no-build': { type: 'boolean', default: false },
		workers: { type: 'string', default: '1' }
	}
});
const STUDENTS = Number(args.students);
const DURATION = Number(args.duration);
const buildDir = process.env.BUILD_DIR || 'build';
const WORKERS = Math.max(1, Number(args.workers) || 1);

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

function startServer(port: number, databaseUrl: string): ChildProcess {
	return spawn(process.execPath, startCommand.slice(1), {
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

/** Peak resident memory of the server: the sum over its processes (the primary and any cluster workers). */
function rssSampler(pid: number) {
	let peak = 0;
	const rssOf = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
	const childrenOf = (p: number) =>
		readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	const timer = setInterval(() => {
		try {
			const pids = [pid, ...childrenOf(pid)];
			peak = Math.max(peak, pids.reduce((sum, p) => sum + rssOf(p), 0));
		} catch {
			// a process went away between reads
		}
	}, 100);
	return { peak: () => peak, stop: () => clearInterval(timer) };
}

interface Row {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	p99Warm: number;
	errors: number;
	note?: string;
}

/** The q-th percentile (0-100) of the values, nearest rank. */
function percentile(values: number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)];
}

/**
 * Runs one scenario. Besides autocannon's own figures, p99 is also computed without each connection's first
 * response: while the server is saturated, Node admits about one new connection per turn of its event loop (the
 * same happens with a bare http server doing 12 ms of work per request), so the first request of late-admitted
 * connections waits for seconds. A browser or a reverse proxy keeps its connections, so the rest is what they see.
 */
async function drive(name: string, opts: autocannon.Options): Promise<Row & { raw: autocannon.Result }> {
	const instance = autocannon({ connections: 20, ...(opts.amount ? {} : { duration: DURATION }), ...opts });
	const seen = new Set<unknown>();
	const warm: number[] = [];
	instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
		if (seen.has(client)) warm.push(ms);
		else seen.add(client);
	});
	const result = await instance;
	const codes = result.statusCodeStats as Record<string, { count: number }>;
	const bad = Object.entries(codes)
		.filter(([code]) => Number(code) >= 400)
		.reduce((n, [, v]) => n + v.count, 0);
	return {
		name,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		p99Warm: percentile(warm, 99),
		errors: result.errors + result.timeouts + bad,
		raw: result
	};
}

function rotating<T>(items: T[]) {
	let i = 0;
	return () => items[i++ % items.length];
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
		console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

		server = startServer(port, databaseUrl);
		await waitHealthy(url, server);
		const rss = rssSampler(server.pid!);
		const cookie = rotating(seeded.sessions.map((t) => `touchstone_session=${t}`));
		const lessonHtml = await (await fetch(url + seeded.lessonPath, { headers: { cookie: cookie() } })).text();

		// The ceiling: a bare Node server sending the same lesson bytes, in its own process like the app.
		const barePort = port + 1;
		const bare = spawn(process.execPath, [
			'-e',
			`const body = Buffer.from(process.env.BODY, 'base64'); require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html' }); s.end(body); }).listen(${barePort}, '127.0.0.1');`
		], { env: { ...process.env, BODY: Buffer.from(lessonHtml).toString('base64') }, stdio: 'ignore' });
		await new Promise((r) => setTimeout(r, 500));
		const rows: Row[] = [];
		const ceiling = await drive('bare Node, same lesson bytes', { url: `http://127.0.0.1:${barePort}/` });
		bare.kill();
		rows.push(ceiling);
		// The framework's own floor: the smallest request SvelteKit answers (a JSON endpoint with one database read),
		// and the lesson page without a session: what rendering costs before any per-student work.
		rows.push(await drive('SvelteKit floor: /healthz, 25 bytes', { url: url + '/healthz' }));
		rows.push(await drive('lesson page (anonymous)', { url: url + seeded.lessonPath }));

		rows.push(await drive('lesson page (logged in)', { url: url + seeded.lessonPath, requests: [{ setupRequest: (r) => ({ ...r, headers: { ...r.headers, cookie: cookie() } }) }] }));
		const dashboard = await drive('dashboard (50 connections)', { url: url + '/dashboard', connections: 50, requests: [{ setupRequest: (r) => ({ ...r, headers: { ...r.headers, cookie: cookie() } }) }] });
		rows.push(dashboard);

		const open = rotating(seeded.openAttempts);
		const amount = Math.min(seeded.openAttempts.length, 4000);
		const submit = await drive('quiz submission', {
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
		const stored = Number(
			(await check.execute(`SELECT COUNT(*) AS n FROM attempts WHERE status = 'submitted' AND id IN (${submittedIds.join(',')})`)).rows[0].n
		);
		check.close();
		const acknowledged = (submit.raw.statusCodeStats as Record<string, { count: number }>)['303']?.count ?? 0;
		submit.note = `${acknowledged} acknowledged, ${stored} stored${acknowledged > stored ? ' (LOST WRITES)' : ''}`;
		rows.push(submit);

		const code = rotating(seeded.certificateCodes);
		let ip = 0;
		rows.push(
			await drive('certificate verification', {
				url,
				requests: [{ setupRequest: (r) => ({ ...r, path: `/verify/${code()}`, headers: { 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` } }) }]
			})
		);
		const analytics = await drive('instructor analytics (quiz with every student)', {
			url: `${url}/instructor/quizzes/${seeded.analyticsQuizId}/analytics`,
			connections: 4,
			headers: { cookie: `touchstone_session=${seeded.instructorToken}` }
		});
		rows.push(analytics);
		rss.stop();

		// JavaScript the lesson page ships: every module it preloads or imports, gzipped.
		const scripts = [...new Set([...lessonHtml.matchAll(/\/_app\/immutable\/[^"']+\.js/g)].map((m) => m[0]))];
		const js = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(buildDir, 'client', path))).length, 0);

		const fmt = (n: number, d = 0) => n.toFixed(d).padStart(9);
		console.log('\n| scenario | req/s | p50 ms | p99 ms | p99 ms, kept connections | errors | vs bare Node | note |');
		console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
		for (const r of rows) {
			const ratio = r === ceiling ? '100%' : `${((r.rps / ceiling.rps) * 100).toFixed(0)}%`;
			console.log(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.p99Warm, 1)} | ${fmt(r.errors)} | ${ratio} | ${r.note ?? ''} |`);
		}
		const lessonRow = rows.find((r) => r.name === 'lesson page (logged in)')!;
		const targets = [
			['lesson page >= 40% of bare Node', lessonRow.rps / ceiling.rps >= 0.4, `${((lessonRow.rps / ceiling.rps) * 100).toFixed(0)}%`],
			['dashboard p99 < 50 ms at 50 connections', dashboard.p99 < 50, `${dashboard.p99} ms (${dashboard.p99Warm.toFixed(0)} ms on kept connections)`],
			['quiz submissions >= 500/s, no errors, no lost writes', submit.rps >= 500 && submit.errors === 0 && acknowledged <= stored, `${submit.rps.toFixed(0)}/s`],
			['analytics < 200 ms', analytics.p50 < 200, `p50 ${analytics.p50} ms, p99 ${analytics.p99} ms`],
			['server peak RSS < 300 MB', rss.peak() < 300 * 2 ** 20, `${(rss.peak() / 2 ** 20).toFixed(0)} MB over ${WORKERS} process(es)`],
			['lesson page JS <= 60 kB gzipped', js <= 60 * 1024, `${(js / 1024).toFixed(1)} kB in ${scripts.length} files`]
		] as const;
		console.log('\n| target | met | measured |\n| --- | --- | --- |');
		for (const [name, met, measured] of targets) console.log(`| ${name} | ${met ? 'yes' : 'MISSED'} | ${measured} |`);
		console.log(`\nLoad average during the run (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
		console.log(
			`Dashboard p99 for this run (${STUDENTS.toLocaleString()} students): ${dashboard.p99} ms, ${dashboard.p99Warm.toFixed(0)} ms on kept connections — compare the 10k and 100k runs in the README.`
		);
	} finally {
		server.kill('SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
