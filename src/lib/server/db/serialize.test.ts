import { describe, expect, it } from 'vitest';
import { isReadOnly, Mutex } from './serialize';

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
