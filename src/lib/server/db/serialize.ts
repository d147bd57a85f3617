import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client';

/** A FIFO async lock. Waiting longer than timeoutMs fails loudly instead of hanging (a nested write would). */
export class Mutex {
	private tail: Promise<void> = Promise.resolve();
	constructor(private readonly timeoutMs = 15_000) {}

	async acquire(): Promise<() => void> {
		let release!: () => void;
		const next = new Promise<void>((resolve) => (release = resolve));
		const previous = this.tail;
		this.tail = previous.then(() => next);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error('Timed out waiting for the database writer')), this.timeoutMs);
		});
		try {
			await Promise.race([previous, timeout]);
		} catch (e) {
			// Keep the queue moving: our turn is released as soon as it arrives.
			previous.then(() => release());
			throw e;
		} finally {
			clearTimeout(timer);
		}
		let released = false;
		return () => {
			if (!released) {
				released = true;
				release();
			}
		};
	}

	async run<T>(fn: () => Promise<T>): Promise<T> {
		const release = await this.acquire();
		try {
			return await fn();
		} finally {
			release();
		}
	}
}

const READ_ONLY = /^\s*(SELECT|EXPLAIN|WITH\s[\s\S]*?\bSELECT\b(?![\s\S]*\b(INSERT|UPDATE|DELETE)\b))/i;

function sqlOf(statement: InStatement): string {
	return typeof statement === 'string' ? statement : statement.sql;
}

export function isReadOnly(statement: InStatement): boolean {
	return READ_ONLY.test(sqlOf(statement));
}

/**
 * One client for the embedded database that never makes two writers wait on each other's locks inside one
 * process. SQLite allows one writer at a time, and the native driver runs synchronously: if a second connection
 * tried to write while a transaction on the first was awaiting the next statement, SQLite's busy handler would
 * sleep on the event loop that the first transaction needs in order to finish. So writes queue here, in turn, on a
 * single writer connection, while reads go to a pool of readers (WAL lets them run beside the writer).
 */
export function serializeWrites(reader: Client, writer: Client): Client {
	const lock = new Mutex();
	const wrapTransaction = (tx: Transaction, release: () => void): Transaction =>
		new Proxy(tx, {
			get(target, prop, receiver) {
				const value = Reflect.get(target, prop, receiver);
				if (prop === 'commit' || prop === 'rollback') {
					return async () => {
						try {
							return await (value as () => Promise<void>).call(target);
						} finally {
							release();
						}
					};
				}
				if (prop === 'close') {
					return () => {
						try {
							(value as () => void).call(target);
						} finally {
							release();
						}
					};
				}
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});

	return new Proxy(reader, {
		get(target, prop, receiver) {
			switch (prop) {
				case 'execute':
					return (stmt: InStatement, args?: unknown) => {
						const statement = args === undefined ? stmt : ({ sql: stmt as string, args } as InStatement);
						return isReadOnly(statement) ? reader.execute(statement) : lock.run(() => writer.execute(statement));
					};
				case 'batch':
					return (stmts: InStatement[], mode?: TransactionMode) =>
						mode === 'read' ? reader.batch(stmts, mode) : lock.run(() => writer.batch(stmts, mode));
				case 'migrate':
					return (stmts: InStatement[]) => lock.run(() => writer.migrate(stmts));
				case 'executeMultiple':
					return (sql: string) => lock.run(() => writer.executeMultiple(sql));
				case 'transaction':
					return async (mode: TransactionMode = 'write') => {
						if (mode === 'read') return reader.transaction(mode);
						const release = await lock.acquire();
						try {
							return wrapTransaction(await writer.transaction(mode), release);
						} catch (e) {
							release();
							throw e;
						}
					};
				case 'close':
					return () => {
						reader.close();
						writer.close();
					};
				default: {
					const value = Reflect.get(target, prop, receiver);
					return typeof value === 'function' ? value.bind(target) : value;
				}
			}
		}
	});
}
