import type { Client, InStatement, TransactionMode } from '@libsql/client';
import { groupCommits } from './group-commit';

/** A FIFO async lock. Waiting longer than timeoutMs fails loudly instead of hanging (a nested write would). */
export class Mutex {
	private tail: Promise<void> = Promise.resolve();
	constructor(private readonly timeoutMs = 15_000) {}

	async acquire(timeoutMs = this.timeoutMs): Promise<() => void> {
		let release!: () => void;
		const next = new Promise<void>((resolve) => (release = resolve));
		const previous = this.tail;
		this.tail = previous.then(() => next);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			if (timeoutMs !== Infinity) timer = setTimeout(() => reject(new Error('Timed out waiting for the database writer')), timeoutMs);
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

	async run<T>(fn: () => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
		const release = await this.acquire(timeoutMs);
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
 * single writer connection, while reads go to a pool of readers (WAL lets them run beside the writer). Write
 * transactions that queue meanwhile commit together (group-commit.ts); any other write commits that group first.
 */
export function serializeWrites(reader: Client, writer: Client): Client {
	const lock = new Mutex();
	const group = groupCommits(writer, lock);
	const alone = <T>(fn: () => Promise<T>) => lock.run(async () => (await group.flush(), fn()));

	return new Proxy(reader, {
		get(target, prop, receiver) {
			switch (prop) {
				case 'execute':
					return (stmt: InStatement, args?: unknown) => {
						const statement = args === undefined ? stmt : ({ sql: stmt as string, args } as InStatement);
						return isReadOnly(statement) ? reader.execute(statement) : alone(() => writer.execute(statement));
					};
				case 'batch':
					return (stmts: InStatement[], mode?: TransactionMode) =>
						mode === 'read' ? reader.batch(stmts, mode) : alone(() => writer.batch(stmts, mode));
				case 'migrate':
					return (stmts: InStatement[]) => alone(() => writer.migrate(stmts));
				case 'executeMultiple':
					return (sql: string) => alone(() => writer.executeMultiple(sql));
				case 'transaction':
					return (mode: TransactionMode = 'write') => (mode === 'read' ? reader.transaction(mode) : group.transaction(mode));
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
