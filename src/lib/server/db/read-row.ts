import type { InArgs, Row } from '@libsql/client';
import { queryObservers } from './client';
import { client } from './index';

/**
 * Runs one read statement written as SQL and returns its first row. For hot pages that gather everything in one
 * statement (JSON aggregates of several indexed subqueries): building a drizzle query and mapping its rows cost
 * more than SQLite's work. The statement is compiled once per connection (statement-cache.ts) and is reported to
 * the query observers like drizzle's, so the query-plan test checks it too.
 */
export async function readRow(sql: string, args: InArgs): Promise<Row | undefined> {
	for (const observe of queryObservers) observe(sql, args as unknown[]);
	const result = await client.execute({ sql, args });
	return result.rows[0];
}
