import { spawn } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import autocannon from 'autocannon';
const [scenario] = process.argv.slice(2);
const seed = JSON.parse(readFileSync('/tmp/bench1/seed.json', 'utf8'));
rmSync('/tmp/prof/out', { recursive: true, force: true }); mkdirSync('/tmp/prof/out');
const env = { ...process.env, NODE_ENV: 'production', PORT: '4999', HOST: '127.0.0.1', ORIGIN: 'http://127.0.0.1:4999', DATABASE_URL: 'file:/tmp/bench1/bench.db', LOG_REQUESTS: '0', ADDRESS_HEADER: 'x-forwarded-for' };
const s = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof/out', 'build/index.js'], { env, stdio: 'inherit' });
for (let i = 0; i < 100; i++) { try { if ((await fetch('http://127.0.0.1:4999/healthz')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const cookie = `touchstone_session=${seed.token}`;
const paths: Record<string, string> = { lesson: seed.lesson, dashboard: '/dashboard', analytics: `/instructor/quizzes/${seed.quiz}/analytics` };
let r;
if (scenario === 'submit') {
	const open = seed.open as { attemptId: number; token: string }[];
	let i = 0;
	r = await autocannon({ url: 'http://127.0.0.1:4999', connections: 10, amount: Math.min(open.length, 1500), requests: [{ method: 'POST', setupRequest: (q: any) => { const a = open[i++ % open.length]; return { ...q, path: `/attempts/${a.attemptId}?/submit`, headers: { cookie: `touchstone_session=${a.token}`, origin: 'http://127.0.0.1:4999', accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'q0=x' }; } }] });
} else r = await autocannon({ url: 'http://127.0.0.1:4999' + paths[scenario], connections: 10, duration: 5, headers: { cookie: scenario === 'analytics' ? `touchstone_session=${seed.instr}` : cookie } });
console.log(scenario, 'rps', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
s.kill('SIGINT'); await new Promise(r => s.once('exit', r));
