// Runs the mail jobs inside the server every JOBS_INTERVAL_SECONDS (0 = off, for a separate `npm run jobs` worker).
// Started once from hooks.server.ts init, never from a request. Each tick waits for the previous one.

import { catalog } from '../content/catalog';
import { reportingQueue } from '../reporting/queue';
import { runDueJobs } from './runner';

let timer: NodeJS.Timeout | null = null;

export function startJobSchedule(intervalSeconds: number): void {
	if (intervalSeconds <= 0 || timer) return;
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			const summary = await runDueJobs(new Date(), { profiles: catalog.ceProfiles, reportingQueue: (now) => reportingQueue({}, now) });
			if (summary.enqueued || summary.sent || summary.failed) console.log(`Mail jobs: ${JSON.stringify(summary)}`);
		} catch (e) {
			console.error('Mail jobs failed; retrying at the next tick:', e);
		} finally {
			running = false;
		}
	};
	// unref: the schedule never keeps a stopping server alive; queued mail waits in the database.
	timer = setInterval(tick, intervalSeconds * 1000);
	timer.unref();
	setTimeout(tick, 1000).unref();
}
