import { createRequire } from 'node:module';

// @libsql/client prepares (compiles) every statement afresh on every execute of the embedded database, which was
// the largest single cost of a page's queries (about 8% of a dashboard's CPU). The native driver runs each
// statement synchronously to completion, so one compiled statement per SQL text can be reused safely: the client
// sets its modes (raw, safe integers) and binds fresh arguments every time. SQLite recompiles a cached statement
// by itself after a schema change (a migration).

/** Most distinct statements kept per connection; drizzle's IN lists of varying length make the set open-ended. */
const MAX_STATEMENTS = 2000;

type Prepare = (this: object, sql: string) => unknown;
type StatementPrototype = { raw(this: { reader: boolean }, on?: boolean): unknown; __cheapRaw?: true };
let installed = false;

// The client asks every statement for raw rows and learns that a write returns none from the exception raw()
// throws; building that native error each time cost about 3% of a submission. Writers now get one shared error.
const NOT_A_READER = new TypeError('The raw() method is only for statements that return data');

function answerRawCheaply(proto: StatementPrototype) {
	if (proto.__cheapRaw) return;
	const raw = proto.raw;
	proto.raw = function (on) {
		if (on !== false && this.reader === false) throw NOT_A_READER;
		return raw.call(this, on);
	};
	proto.__cheapRaw = true;
}

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
			answerRawCheaply(Object.getPrototypeOf(statement) as StatementPrototype);
			if (cache.size >= MAX_STATEMENTS) cache.clear();
			cache.set(sql, statement);
		}
		return statement;
	};
}
