// Mail jobs worker: npm run jobs -- --once (one run, for cron) or npm run jobs (a run every JOBS_INTERVAL_SECONDS).
// TOUCHSTONE_NOW=<ISO date> runs as if at that time (tests move the clock with it); only this script reads it.
// Everything but the admins' reporting digest, which needs the bundled approvals and runs inside the server.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseCeProfiles } from '../src/lib/certification/schema';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { config } from '../src/lib/server/env';
import { runDueJobs } from '../src/lib/server/reminders/runner';

const nowSchema = z.iso.datetime({ offset: true }).optional();

function currentTime(): Date {
	const fixed = nowSchema.safeParse(process.env.TOUCHSTONE_NOW || undefined);
	if (!fixed.success) throw new Error('TOUCHSTONE_NOW must be an ISO date-time, e.g. 2027-01-01T09:00:00Z');
	return fixed.data ? new Date(fixed.data) : new Date();
}

async function runOnce(): Promise<void> {
	const profiles = parseCeProfiles(readFileSync('lessons/ce-profiles.yaml', 'utf8'));
	// The reporting digest needs the bundled approvals: only the in-server schedule sends it.
	const summary = await runDueJobs(currentTime(), { profiles });
	console.log(`Mail jobs: ${summary.enqueued} enqueued, ${summary.sent} sent, ${summary.failed} failed (will retry).`);
}

async function main() {
	const { values } = parseArgs({ options: { once: { type: 'boolean', default: false } } });
	currentTime(); // a bad TOUCHSTONE_NOW stops here, before touching the database
	await migrateDatabase();
	if (values.once) return runOnce();
	const seconds = config.JOBS_INTERVAL_SECONDS || 300;
	console.log(`Running mail jobs every ${seconds} s; stop with Ctrl-C.`);
	for (;;) {
		await runOnce().catch((e: Error) => console.error(`Mail jobs failed: ${e.message}`));
		await new Promise((r) => setTimeout(r, seconds * 1000));
	}
}

main().then(
	() => process.exit(0),
	(e: Error) => {
		console.error(e.message);
		process.exit(1);
	}
);
