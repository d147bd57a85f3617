/**
 * Reading progress made offline (heartbeats, "I have finished reading"), kept in order and sent once when the
 * connection returns. Pure logic: storage and sending are passed in (IndexedDB and fetch in the browser).
 */
import { LATE_HEARTBEAT_WINDOW_MS } from './policy';

export type ProgressKind = 'heartbeat' | 'finish';

export interface QueuedProgress {
	/** Unique per item; sending and removing go by it. */
	id: string;
	userId: number;
	kind: ProgressKind;
	course: string;
	lesson: string;
	section: string | null;
	/** When the learner made it (ISO); the server counts a heartbeat's time from this. */
	at: string;
}

/** What sending one item came to: done with it (sent, or refused for good), or try again later. */
export type SendOutcome = 'sent' | 'refused' | 'retry';

export interface QueueStore {
	/** Every stored item, in the order they were added. */
	all(): Promise<QueuedProgress[]>;
	remove(id: string): Promise<void>;
}

/** A refusal (bad request, no such lesson, too late) will not change on a second try; overload and outages may. */
export function outcomeOf(status: number): SendOutcome {
	if (status >= 200 && status < 300) return 'sent';
	if (status === 408 || status === 429 || status >= 500) return 'retry';
	return 'refused';
}

/** Splits stored items into those to send now (this user's, in order, still in the window) and those to drop. */
export function planReplay(items: QueuedProgress[], userId: number, now: Date): { send: QueuedProgress[]; drop: QueuedProgress[] } {
	const send: QueuedProgress[] = [];
	const drop: QueuedProgress[] = [];
	for (const item of items) {
		const age = now.getTime() - new Date(item.at).getTime();
		const late = item.kind === 'heartbeat' && !(age <= LATE_HEARTBEAT_WINDOW_MS);
		(item.userId !== userId || late ? drop : send).push(item);
	}
	return { send, drop };
}

/**
 * Sends this user's queued items one at a time, in order, removing each as soon as it is done so none is sent
 * twice. Stops at the first item that must be retried (the rest keep their place behind it).
 */
export async function replayQueue(
	store: QueueStore,
	userId: number,
	send: (item: QueuedProgress) => Promise<SendOutcome>,
	now = new Date()
): Promise<{ sent: number; dropped: number; left: number }> {
	const { send: items, drop } = planReplay(await store.all(), userId, now);
	for (const item of drop) await store.remove(item.id);
	let sent = 0;
	let dropped = drop.length;
	for (const [i, item] of items.entries()) {
		let outcome: SendOutcome;
		try {
			outcome = await send(item);
		} catch {
			outcome = 'retry'; // the network went away again
		}
		if (outcome === 'retry') return { sent, dropped, left: items.length - i };
		await store.remove(item.id);
		if (outcome === 'sent') sent++;
		else dropped++;
	}
	return { sent, dropped, left: 0 };
}
