// The benchmark's printed report: one table of scenarios with every ratio, the open-loop latency rows, the targets
// of issue 19, and the run's database size, seeding time and peak memory.
import { cpus, loadavg } from 'node:os';
import type { Row } from './measure';

export interface Report {
	rows: Row[];
	openLoop: Row[];
	ceiling: Row;
	floor: Row;
	// Absent when --only left the scenario out; its targets are then not judged.
	lesson?: Row;
	dashboard?: Row;
	submit?: Row;
	analytics?: Row;
	acknowledged: number;
	stored: number;
	js: number;
	scripts: number;
	peakRss: number;
	dbBytes: number;
	seedSeconds: number;
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(7);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function printReport(r: Report) {
	const { ceiling, floor } = r;
	console.log('\n| scenario | req/s | p50 ms | p99 ms | p99 ms, kept connections | errors | server CPU ms/request | vs bare Node | vs /healthz | vs /healthz by CPU | note |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
	for (const row of r.rows) {
		const cells = [
			fmt(row.rps),
			fmt(row.p50, 1),
			fmt(row.p99, 1),
			fmt(row.p99Warm, 1),
			fmt(row.errors),
			fmt(row.cpuMs, 2),
			pct(row.rps / ceiling.rps),
			pct(row.rps / floor.rps),
			// Throughput a process would reach with a core to itself is about 1 / CPU per request.
			pct(floor.cpuMs / row.cpuMs)
		];
		console.log(`| ${row.name} | ${cells.join(' | ')} | ${row.note ?? ''} |`);
	}
	console.log('\nOpen loop (requests arrive at random moments, Poisson, at an average rate that is a share of the maximum measured above; latency from when each was due):\n');
	console.log('| scenario | arrivals/s | answered/s | p50 ms | p99 ms | errors | server CPU ms/request |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const row of r.openLoop) console.log(`| ${row.name} | ${fmt(row.rate ?? 0)} | ${fmt(row.rps)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${fmt(row.errors)} | ${fmt(row.cpuMs, 2)} |`);

	const halfDashboard = r.openLoop.find((row) => row.name.startsWith('dashboard at 50%'));
	const byCpu = (row: Row) => `${pct(row.rps / floor.rps)} (by CPU ${pct(floor.cpuMs / row.cpuMs)})`;
	const { lesson, dashboard, submit, analytics } = r;
	const targets: [string, boolean, string][] = [];
	if (lesson) {
		targets.push(['lesson page (logged in) >= 50% of /healthz', lesson.rps / floor.rps >= 0.5, byCpu(lesson)]);
		targets.push(['lesson page (logged in) >= 20% of bare Node', lesson.rps / ceiling.rps >= 0.2, pct(lesson.rps / ceiling.rps)]);
	}
	if (dashboard) targets.push(['dashboard >= 25% of /healthz', dashboard.rps / floor.rps >= 0.25, byCpu(dashboard)]);
	if (halfDashboard) {
		targets.push(['dashboard p99 < 50 ms at 50% of max (open loop)', halfDashboard.p99 < 50, `${halfDashboard.p99.toFixed(1)} ms at ${fmt(halfDashboard.rate ?? 0).trim()}/s`]);
	}
	if (submit) {
		targets.push([
			'quiz submissions >= 300/s, no errors, no lost writes',
			submit.rps >= 300 && submit.errors === 0 && r.acknowledged <= r.stored,
			`${submit.rps.toFixed(0)}/s (${(1000 / submit.cpuMs).toFixed(0)}/s by CPU), ${submit.errors} errors, ${r.acknowledged} acknowledged, ${r.stored} stored`
		]);
	}
	if (analytics) targets.push(['analytics < 200 ms', analytics.p50 < 200, `p50 ${analytics.p50} ms, p99 ${analytics.p99} ms`]);
	targets.push(['server peak RSS < 300 MB', r.peakRss < 300 * 2 ** 20, `${(r.peakRss / 2 ** 20).toFixed(0)} MB`]);
	targets.push(['lesson page JS <= 60 kB gzipped', r.js <= 60 * 1024, `${(r.js / 1024).toFixed(1)} kB in ${r.scripts} files`]);
	console.log('\n| target | met | measured |\n| --- | --- | --- |');
	for (const [name, met, measured] of targets) console.log(`| ${name} | ${met ? 'yes' : 'MISSED'} | ${measured} |`);
	console.log(`\nDatabase ${(r.dbBytes / 2 ** 20).toFixed(0)} MB after seeding in ${r.seedSeconds.toFixed(1)} s; server peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MB.`);
	const load = loadavg();
	const shared = load[0] > cpus().length ? ' (above the core count: the machine was shared, so compare ratios and the CPU columns)' : '';
	console.log(`Load average at the end (1/5/15 min): ${load.map((l) => l.toFixed(2)).join(' / ')}${shared}.`);
}
