import { createRequire } from 'node:module';

// @libsql/client prepares (compiles) every statement afresh on every execute of the embedded database, which was
// the largest single cost of a page's queries (about 8% of a dashboard's CPU). The native driver runs each
// statement synchronously to completion, so one compiled statement per SQL text can be reused safely: the client
// sets its modes (raw, safe integers) and binds fresh arguments every time. SQLite recompiles a cached statement
// by itself after a schema change (a migration).

/** Most distinct statements kept per connection; drizzle's IN lists of varying length make the set open-ended. */
const MAX_STATEMENTS = 2000;

type Prepare = (this: object, sql: string) => unknown;
let installed = false;

/** Makes every embedded-database connection of this process reuse its compiled statements. Idempotent. */
export function cacheCompiledStatements(): void {
	if (installed) return;
	installed = true;
	// The same module instance @libsql/client loads (resolved from it, as its own import is).
	const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
	const Database = fromClient('libsql') as { prototype: { prepare: Prepare } };
	const prepare = Database.prototype.prepare;
	const caches = new WeakMap<object, Map<string, unknown>>();
	Database.prototype.prepare = function (sql: string) {
		let cache = caches.get(this);
		if (!cache) caches.set(this, (cache = new Map()));
		let statement = cache.get(sql);
		if (statement === undefined) {
			statement = prepare.call(this, sql);
			if (cache.size >= MAX_STATEMENTS) cache.clear();
			cache.set(sql, statement);
		}
		return statement;
	};
}
