// Measuring helpers for the benchmark: the server's memory and CPU time, one autocannon scenario, one open-loop run.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { driveOpenLoop } from './open-loop';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The server's processes: the primary and any cluster workers. */
function processTree(pid: number): number[] {
	const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	return [pid, ...children];
}

/** Peak resident memory of the server, summed over its processes. */
export function rssSampler(pid: number) {
	let peak = 0;
	const rssOf = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, processTree(pid).reduce((sum, p) => sum + rssOf(p), 0));
		} catch {
			// a process went away between reads
		}
	}, 100);
	return { peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * CPU seconds the server has used (user + system, over its processes). Per request, this is the cost that does
 * not depend on what else the machine runs, so it still compares scenarios when the cores are shared.
 */
export function cpuSeconds(pid: number): number {
	let ticks = 0;
	for (const p of processTree(pid)) {
		const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks / TICKS_PER_SECOND;
}

export interface Row {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	p99Warm: number;
	errors: number;
	/** Server CPU milliseconds per answered request. */
	cpuMs: number;
	/** Arrival rate asked for, in open-loop rows. */
	rate?: number;
	note?: string;
}

/** The q-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)];
}

/**
 * Runs one scenario. Besides autocannon's own figures, p99 is also computed without each connection's first
 * response: while the server is saturated, Node admits about one new connection per turn of its event loop, so
 * the first request of late-admitted connections waits for seconds. A browser or a reverse proxy keeps its
 * connections, so the rest is what they see.
 */
export async function drive(serverPid: number, name: string, duration: number, opts: autocannon.Options): Promise<Row & { raw: autocannon.Result }> {
	const cpuBefore = serverPid ? cpuSeconds(serverPid) : 0;
	const instance = autocannon({ connections: 20, ...(opts.amount ? {} : { duration }), ...opts });
	const seen = new Set<unknown>();
	const warm: number[] = [];
	instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
		if (seen.has(client)) warm.push(ms);
		else seen.add(client);
	});
	const result = await instance;
	const cpu = serverPid ? cpuSeconds(serverPid) - cpuBefore : NaN;
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
		cpuMs: (cpu * 1000) / Math.max(1, result.requests.total),
		raw: result
	};
}

/**
 * Open loop: requests arrive at the given average rate at random moments (open-loop.ts), whatever the server's
 * speed; p99 is over every answered request, counted from when it was due. `opts.requests[0].setupRequest`, as
 * for autocannon, gives each request's headers (the rotating session cookie).
 */
export async function driveAtRate(serverPid: number, name: string, duration: number, rate: number, opts: autocannon.Options): Promise<Row> {
	const setup = (opts.requests?.[0] as { setupRequest?: (r: { headers: Record<string, string> }) => { headers?: Record<string, string> } } | undefined)?.setupRequest;
	const headers = () => ({ ...(opts.headers as Record<string, string> | undefined), ...(setup?.({ headers: {} }).headers ?? {}) });
	const cpuBefore = cpuSeconds(serverPid);
	const result = await driveOpenLoop(String(opts.url), rate, duration, headers);
	const cpu = cpuSeconds(serverPid) - cpuBefore;
	return {
		name,
		rate,
		rps: result.answered,
		p50: percentile(result.latencies, 50),
		p99: percentile(result.latencies, 99),
		p99Warm: percentile(result.latencies, 99),
		errors: result.errors,
		cpuMs: (cpu * 1000) / Math.max(1, result.latencies.length)
	};
}

export function rotating<T>(items: T[]) {
	let i = 0;
	return () => items[i++ % items.length];
}
