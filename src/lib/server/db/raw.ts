import type { InArgs, ResultSet, Transaction } from '@libsql/client';

// Drizzle builds every query afresh on each call (walking the query's parts, escaping names, mapping each value)
// and maps every row back; for a quiz submission that was about a third of the request's CPU. The few statements
// of such hot paths are written as SQL here and run on the client transaction under drizzle's, so they stay in the
// same transaction as the drizzle statements around them (and SQLite reuses their compiled form).

export type RunSql = (sql: string, args?: InArgs) => Promise<ResultSet>;

/** The client transaction a drizzle transaction runs on, as a function running one SQL statement in it. */
export function sqlIn(tx: object): RunSql {
	const inner = (tx as { session?: { tx?: Transaction } }).session?.tx;
	if (!inner || typeof inner.execute !== 'function') throw new Error('sqlIn needs a drizzle transaction on @libsql/client');
	return (sql, args = []) => inner.execute({ sql, args });
}
