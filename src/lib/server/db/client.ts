import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

/** Opens the embedded file (creating its folder) or connects to a libSQL server, with the same drizzle API. */
export async function openDatabase(url: string, authToken?: string): Promise<{ db: Database; client: Client }> {
	const isFile = url.startsWith('file:');
	if (isFile) {
		const path = url.slice('file:'.length);
		if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	}
	// The busy timeout applies to every pooled connection: a writer waits for another process's lock instead of
	// failing with SQLITE_BUSY. libSQL enables foreign keys on each connection by default.
	const client = createClient({ url, authToken, timeout: 5000 });
	// WAL lets readers proceed during a write; the mode is stored in the file, so setting it once is enough.
	if (isFile) await client.execute('PRAGMA journal_mode = WAL');
	return { db: drizzle(client, { schema }), client };
}
