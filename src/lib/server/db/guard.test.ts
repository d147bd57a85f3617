import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { ForbiddenWriteError, guardWrites, runInTransaction, runReadOnly } from './guard';
import { serializeWrites } from './serialize';

const counters = sqliteTable('counters', { n: integer('n').notNull() });

async function open() {
	const url = 'file::memory:?cache=shared';
	const client = guardWrites(serializeWrites(createClient({ url }), createClient({ url })));
	await client.execute('CREATE TABLE IF NOT EXISTS counters (n INTEGER NOT NULL)');
	const db = drizzle(client);
	const transaction = db.transaction.bind(db);
	db.transaction = ((fn, config) => transaction((tx) => runInTransaction(() => fn(tx)), config)) as typeof db.transaction;
	return { client, db };
}

/** drizzle wraps a driver error as "Failed query: …" with the original as its cause. */
const causedBy = (pattern: RegExp) => (e: unknown) => e instanceof Error && e.cause instanceof ForbiddenWriteError && pattern.test(e.cause.message);

describe('the database write guard', () => {
	it('refuses a write made while a load runs, naming the route, and lets reads through', async () => {
		const { db } = await open();
		const planted = runReadOnly('/(public)/courses/[course]/[lesson]', async () => await db.insert(counters).values({ n: 1 }));
		await expect(planted).rejects.toSatisfy(causedBy(/A load on \/\(public\)\/courses\/\[course\]\/\[lesson\] tried to write/));
		await expect(runReadOnly('/x', async () => await db.select().from(counters))).resolves.toBeInstanceOf(Array);
		await expect(runReadOnly('/x', async () => await db.transaction(async () => {}))).rejects.toBeInstanceOf(ForbiddenWriteError);
		expect(await db.select().from(counters)).not.toContainEqual({ n: 1 });
	});

	it('writes normally outside a load', async () => {
		const { db } = await open();
		await db.insert(counters).values({ n: 2 });
		expect((await db.select().from(counters)).some((r) => r.n === 2)).toBe(true);
	});

	it('fails at once, instead of waiting for the writer lock, when db writes inside an open transaction', async () => {
		const { db } = await open();
		const started = Date.now();
		await expect(
			db.transaction(async (tx) => {
				await tx.insert(counters).values({ n: 3 });
				await db.insert(counters).values({ n: 4 });
			})
		).rejects.toSatisfy(causedBy(/inside an open transaction/));
		expect(Date.now() - started).toBeLessThan(5_000);
		// The transaction rolled back and the lock was released: the next write goes through.
		await db.insert(counters).values({ n: 5 });
		expect((await db.select().from(counters)).map((r) => r.n)).not.toContain(3);
	});
});
