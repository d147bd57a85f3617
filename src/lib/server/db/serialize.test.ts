import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isReadOnly, Mutex, serializeWrites } from './serialize';

describe('write serialization', () => {
	it('tells reads from writes', () => {
		expect(isReadOnly('select * from users')).toBe(true);
		expect(isReadOnly({ sql: '  SELECT 1', args: [] })).toBe(true);
		expect(isReadOnly('with x as (select 1) select * from x')).toBe(true);
		expect(isReadOnly('insert into users values (1)')).toBe(false);
		expect(isReadOnly('update users set name = ?')).toBe(false);
		expect(isReadOnly('with x as (select 1) delete from users')).toBe(false);
		expect(isReadOnly('PRAGMA journal_mode = WAL')).toBe(false);
	});

	it('runs holders one at a time, in order', async () => {
		const lock = new Mutex();
		const order: string[] = [];
		const job = (name: string, ms: number) =>
			lock.run(async () => {
				order.push(`start ${name}`);
				await new Promise((r) => setTimeout(r, ms));
				order.push(`end ${name}`);
			});
		await Promise.all([job('a', 20), job('b', 1), job('c', 5)]);
		expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
	});

	it('fails a waiter that waits too long instead of hanging, and keeps the queue moving', async () => {
		const lock = new Mutex(30);
		const release = await lock.acquire();
		await expect(lock.acquire()).rejects.toThrow(/Timed out/);
		release();
		const again = await lock.acquire();
		again();
	});
});

describe('group commit', () => {
	let dir: string;
	let reader: Client;
	let writer: Client;
	let client: Client;
	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
		const url = `file:${join(dir, 'test.db')}`;
		writer = createClient({ url, concurrency: 1 });
		await writer.execute('PRAGMA journal_mode = WAL');
		await writer.execute('PRAGMA foreign_keys = ON');
		reader = createClient({ url });
		client = serializeWrites(reader, writer);
		await client.execute('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
		await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
	});
	afterEach(() => {
		client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	/** A write transaction inserting id (and failing after it when asked), as a request would run one. */
	async function request(id: number, opts: { fail?: boolean; parent?: number } = {}) {
		const tx = await client.transaction('write');
		try {
			await tx.execute({ sql: 'INSERT INTO t (id, parent) VALUES (?, ?)', args: [id, opts.parent ?? null] });
			await new Promise((r) => setTimeout(r, 5));
			if (opts.fail) throw new Error(`request ${id} failed`);
			await tx.commit();
		} catch (e) {
			await tx.rollback();
			throw e;
		}
	}
	const ids = async () => (await client.execute('SELECT id FROM t ORDER BY id')).rows.map((r) => Number(r.id));

	it('commits requests that queue together, and one failing request undoes only its own work', async () => {
		const commits = countCommits();
		const results = await Promise.allSettled([request(1), request(2, { fail: true }), request(3), request(4)]);
		commits.stop();
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
		expect(await ids()).toEqual([1, 3, 4]);
		// The three that queued behind the first joined its group: one COMMIT for all four.
		expect(commits.count()).toBe(1);
	});

	it('keeps the rest of a group when its first request fails', async () => {
		const results = await Promise.allSettled([request(1, { fail: true }), request(2), request(3, { fail: true }), request(4)]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
		expect(await ids()).toEqual([2, 4]);
	});

	it('acknowledges a request only once the shared COMMIT succeeded, and fails every request when it does not', async () => {
		// The second request breaks a deferred foreign key: its own work is fine until COMMIT checks it.
		await request(1);
		const results = await Promise.allSettled([request(2), request(3, { parent: 99 }), request(4)]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
		expect(await ids()).toEqual([1]);
		// The writer is usable again afterwards.
		await request(5);
		expect(await ids()).toEqual([1, 5]);
	});

	it('commits an open group before a write that is not a transaction', async () => {
		const tx = await client.transaction('write');
		await tx.execute('INSERT INTO t (id) VALUES (1)');
		const committed = tx.commit();
		await client.execute('INSERT INTO t (id) VALUES (2)');
		await committed;
		expect(await ids()).toEqual([1, 2]);
	});
});

/** Counts COMMIT statements run by any embedded connection of this process. */
function countCommits() {
	const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
	const proto = (fromClient('libsql') as { prototype: { prepare: (sql: string) => unknown } }).prototype;
	const prepare = proto.prepare;
	let count = 0;
	proto.prepare = function (sql: string) {
		if (/^\s*COMMIT/i.test(sql)) count++;
		return prepare.call(this, sql);
	};
	return { count: () => count, stop: () => (proto.prepare = prepare) };
}
