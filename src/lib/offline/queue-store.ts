/**
 * The IndexedDB side of the offline progress queue (the logic is in queue.ts). Items are stored under an
 * auto-incremented key, so reading them back gives the order they were made in.
 */
import type { QueuedProgress, QueueStore } from './queue';

const DB_NAME = 'touchstone-offline';
const STORE = 'progress';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

let opened: Promise<IDBDatabase> | null = null;
function database(): Promise<IDBDatabase> {
	opened ??= new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', { unique: true });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => {
			opened = null;
			reject(req.error);
		};
	});
	return opened;
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await database();
	const tx = db.transaction(STORE, mode);
	const result = await request(run(tx.objectStore(STORE)));
	await new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = tx.onabort = () => reject(tx.error);
	});
	return result;
}

export async function addQueued(item: QueuedProgress): Promise<void> {
	await withStore('readwrite', (store) => store.add(item));
}

export const indexedDbQueue: QueueStore = {
	all: async () => ((await withStore('readonly', (store) => store.getAll())) as (QueuedProgress & { seq: number })[]).map(({ seq: _seq, ...item }) => item),
	remove: async (id) => {
		const key = await withStore('readonly', (store) => store.index('id').getKey(id));
		if (key !== undefined) await withStore('readwrite', (store) => store.delete(key));
	}
};

/** Logout, or someone else signing in on this browser: nothing of the previous learner's stays queued. */
export async function clearQueue(): Promise<void> {
	if (typeof indexedDB === 'undefined') return;
	await withStore('readwrite', (store) => store.clear());
}
