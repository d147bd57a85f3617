import { createRequire } from 'node:module';

// @libsql/client prepares (compiles) every statement afresh on every execute of the embedded database, which was
// the largest single cost of a page's queries (about 8% of a dashboard's CPU). The native driver runs each
// statement synchronously to completion, so one compiled statement per SQL text can be reused safely: the client
// sets its modes (raw, safe integers) and binds fresh arguments every time. After a schema change SQLite would
// recompile a cached statement by itself, but the column list the client reads first would be the old one, so any
// CREATE, ALTER or DROP through any connection of this process drops every cache. Schema changes come only from
// migrations, which run before a server process answers requests and before other cluster workers start.

/** Most distinct statements kept per connection; drizzle's IN lists of varying length make the set open-ended. */
const MAX_STATEMENTS = 2000;

type Prepare = (this: object, sql: string) => unknown;
type Exec = (this: object, sql: string) => unknown;
const SCHEMA_CHANGE = /(^|;)\s*(CREATE|ALTER|DROP)\s/i;
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

// The client reads a statement's column list (a native call building fresh objects) twice per execute, for every
// read; a compiled statement's columns only change with the schema, which drops the whole cache.
function rememberColumns(statement: { columns(): unknown }) {
	const columns = statement.columns.bind(statement);
	let known: unknown;
	statement.columns = () => (known ??= columns());
}

/** Makes every embedded-database connection of this process reuse its compiled statements. Idempotent. */
export function cacheCompiledStatements(): void {
	if (installed) return;
	installed = true;
	// The same module instance @libsql/client loads (resolved from it, as its own import is).
	const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
	const Database = fromClient('libsql') as { prototype: { prepare: Prepare; exec: Exec } };
	const { prepare, exec } = Database.prototype;
	let schemaVersion = 0;
	const caches = new WeakMap<object, { version: number; statements: Map<string, unknown> }>();
	Database.prototype.exec = function (sql: string) {
		try {
			return exec.call(this, sql);
		} finally {
			if (SCHEMA_CHANGE.test(sql)) schemaVersion++;
		}
	};
	Database.prototype.prepare = function (sql: string) {
		// Prepared just before it runs (the driver is synchronous), so statements prepared after it see the change.
		if (SCHEMA_CHANGE.test(sql)) {
			schemaVersion++;
			return prepare.call(this, sql);
		}
		let cache = caches.get(this);
		if (!cache || cache.version !== schemaVersion) caches.set(this, (cache = { version: schemaVersion, statements: new Map() }));
		let statement = cache.statements.get(sql);
		if (statement === undefined) {
			statement = prepare.call(this, sql);
			answerRawCheaply(Object.getPrototypeOf(statement) as StatementPrototype);
			rememberColumns(statement as { columns(): unknown });
			if (cache.statements.size >= MAX_STATEMENTS) cache.statements.clear();
			cache.statements.set(sql, statement);
		}
		return statement;
	};
}
