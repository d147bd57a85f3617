import { describe, expect, it } from 'vitest';
import { outcomeOf, planReplay, replayQueue, type QueuedProgress, type QueueStore } from './queue';

const now = new Date('2026-12-03T12:00:00Z');
let n = 0;
function item(over: Partial<QueuedProgress> = {}): QueuedProgress {
	n++;
	return { id: `i${n}`, userId: 1, kind: 'heartbeat', course: 'c', lesson: 'l', section: null, at: new Date(now.getTime() - 60_000 + n).toISOString(), ...over };
}
function memoryStore(items: QueuedProgress[]): QueueStore & { items: QueuedProgress[] } {
	const store = {
		items: [...items],
		all: async () => [...store.items],
		remove: async (id: string) => {
			store.items = store.items.filter((i) => i.id !== id);
		}
	};
	return store;
}

describe('the offline progress queue', () => {
	it('sends queued items in the order they were made, each once, and empties the queue', async () => {
		const items = [item(), item({ kind: 'finish' }), item()];
		const store = memoryStore(items);
		const seen: string[] = [];
		const result = await replayQueue(store, 1, async (i) => (seen.push(i.id), 'sent'), now);
		expect(seen).toEqual(items.map((i) => i.id));
		expect(result).toEqual({ sent: 3, dropped: 0, left: 0 });
		expect(store.items).toEqual([]);
		await replayQueue(store, 1, async (i) => (seen.push(i.id), 'sent'), now);
		expect(seen).toHaveLength(3);
	});

	it('stops at the first item to retry and keeps it and the ones after it, in order', async () => {
		const items = [item(), item(), item()];
		const store = memoryStore(items);
		const result = await replayQueue(store, 1, async (i) => (i.id === items[1].id ? 'retry' : 'sent'), now);
		expect(result).toEqual({ sent: 1, dropped: 0, left: 2 });
		expect(store.items.map((i) => i.id)).toEqual([items[1].id, items[2].id]);
	});

	it('treats a network failure while sending as a retry, not a loss', async () => {
		const store = memoryStore([item()]);
		const result = await replayQueue(store, 1, async () => { throw new TypeError('Failed to fetch'); }, now);
		expect(result.left).toBe(1);
		expect(store.items).toHaveLength(1);
	});

	it('drops refused items and moves on', async () => {
		const store = memoryStore([item(), item()]);
		const result = await replayQueue(store, 1, async () => 'refused', now);
		expect(result).toEqual({ sent: 0, dropped: 2, left: 0 });
	});

	it("never sends another user's items or heartbeats older than the server's window", () => {
		const mine = item();
		const theirs = item({ userId: 2 });
		const stale = item({ at: new Date(now.getTime() - 25 * 3600_000).toISOString() });
		const oldFinish = item({ kind: 'finish', at: stale.at });
		const plan = planReplay([mine, theirs, stale, oldFinish], 1, now);
		expect(plan.send.map((i) => i.id)).toEqual([mine.id, oldFinish.id]);
		expect(plan.drop.map((i) => i.id)).toEqual([theirs.id, stale.id]);
	});

	it('maps server answers to outcomes', () => {
		expect(outcomeOf(200)).toBe('sent');
		expect(outcomeOf(400)).toBe('refused');
		expect(outcomeOf(404)).toBe('refused');
		expect(outcomeOf(503)).toBe('retry');
		expect(outcomeOf(429)).toBe('retry');
	});
});
