// Open-loop load: requests arrive at random times (a Poisson process at the given rate, as independent visitors
// do), each sent when it arrives whatever the server is still doing, over as many kept connections as are busy.
// Latency counts from the moment a request was due, so a late send (the load generator's own delay) counts
// against the result rather than hiding it.
//
// autocannon's overallRate did not do this: each connection sends its quota for the second back to back at the
// start of every second, so a whole second's requests arrived together and p99 was about the time to serve half
// a second's worth of them (about 400 ms at 50% of the maximum, even for /healthz), whatever one request cost.
import http from 'node:http';
import { createRandom } from '../../src/lib/quiz/shuffle';

export interface OpenLoopResult {
	/** Answered requests per second. */
	answered: number;
	/** Latencies in milliseconds of the answered requests. */
	latencies: number[];
	errors: number;
	total: number;
}

export async function driveOpenLoop(url: string, rate: number, seconds: number, headers: () => Record<string, string>, seed = 19): Promise<OpenLoopResult> {
	const target = new URL(url);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
	// Deterministic arrivals (same seed, same schedule), so runs compare.
	const random = createRandom(seed);
	const arrivals: number[] = [];
	for (let t = 0; ; ) {
		t += (-Math.log(1 - random()) / rate) * 1000;
		if (t >= seconds * 1000) break;
		arrivals.push(t);
	}
	const latencies: number[] = [];
	let errors = 0;
	const inFlight = new Set<Promise<void>>();
	const start = performance.now();
	const send = (due: number) => {
		const done = new Promise<void>((resolve) => {
			const request = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers: headers(), agent }, (response) => {
				response.resume();
				response.on('end', () => {
					if (response.statusCode && response.statusCode < 400) latencies.push(performance.now() - start - due);
					else errors++;
					resolve();
				});
			});
			request.on('error', () => {
				errors++;
				resolve();
			});
			request.end();
		});
		inFlight.add(done);
		void done.then(() => inFlight.delete(done));
	};
	let next = 0;
	await new Promise<void>((finished) => {
		const tick = () => {
			const now = performance.now() - start;
			while (next < arrivals.length && arrivals[next] <= now) send(arrivals[next++]);
			if (next < arrivals.length) setTimeout(tick, Math.max(0, arrivals[next] - (performance.now() - start)));
			else finished();
		};
		tick();
	});
	await Promise.all(inFlight);
	const elapsed = (performance.now() - start) / 1000;
	agent.destroy();
	return { answered: latencies.length / elapsed, latencies, errors, total: arrivals.length };
}
