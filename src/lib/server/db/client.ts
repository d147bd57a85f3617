import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';
import { guardWrites, runInTransaction } from './guard';
import { serializeWrites } from './serialize';
import { cacheCompiledStatements } from './statement-cache';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

/**
 * Listeners for every query drizzle runs (SQL and parameters). Empty in production; the query-plan test uses it to
 * check that hot paths search indexes instead of scanning tables.
 */
export const queryObservers = new Set<(sql: string, params: unknown[]) => void>();
const logger = {
	logQuery(query: string, params: unknown[]) {
		for (const observe of queryObservers) observe(query, params);
	}
};

/** Opens the embedded file (creating its folder) or connects to a libSQL server, with the same drizzle API. */
export async function openDatabase(url: string, authToken?: string): Promise<{ db: Database; client: Client }> {
	if (!url.startsWith('file:')) {
		// sqld and Turso coordinate concurrent writers on the server.
		return withGuards(createClient({ url, authToken }));
	}
	cacheCompiledStatements();
	const path = url.slice('file:'.length);
	if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	// The busy timeout covers other processes on the same file; within this process writes queue in turn.
	const writer = createClient({ url, timeout: 5000, concurrency: 1 });
	// WAL lets readers proceed during a write, and is stored in the file. With WAL, synchronous=NORMAL keeps every
	// committed transaction through a crash of the app (even SIGKILL); only a power cut or OS crash may lose the
	// last moments, in exchange for not waiting on the disk at every commit. Set on the single writer connection.
	await writer.execute('PRAGMA journal_mode = WAL');
	await writer.execute('PRAGMA synchronous = NORMAL');
	const reader = createClient({ url, timeout: 5000, concurrency: 8 });
	return withGuards(serializeWrites(reader, writer));
}

/** drizzle over a guarded client, whose transactions run their body where stray writes through db fail at once. */
function withGuards(raw: Client): { db: Database; client: Client } {
	const client = guardWrites(raw);
	const db = drizzle(client, { schema, logger });
	const transaction = db.transaction.bind(db);
	db.transaction = ((fn, config) => transaction((tx) => runInTransaction(() => fn(tx)), config)) as typeof db.transaction;
	return { db, client };
}
