import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client, InStatement, TransactionMode } from '@libsql/client';
import { isReadOnly } from './serialize';

// What the code running now may do with the database. A `load` runs in a read-only scope (the site preloads data
// on hover, so a write there would happen for pages nobody opened); a transaction's callback runs in a scope where
// writing through `db` instead of the transaction is an error, because on the embedded file it would wait for the
// writer lock the transaction itself holds.
interface DatabaseScope {
	readOnlyRoute?: string;
	inTransaction?: boolean;
}

const scope = new AsyncLocalStorage<DatabaseScope>();

export class ForbiddenWriteError extends Error {}

/** Runs fn where any database write fails at once with an error naming the route. */
export function runReadOnly<T>(route: string, fn: () => T): T {
	return scope.run({ ...scope.getStore(), readOnlyRoute: route }, fn);
}

/** Runs a transaction's body where writes through the shared client (not the transaction) fail at once. */
export function runInTransaction<T>(fn: () => T): T {
	return scope.run({ ...scope.getStore(), inTransaction: true }, fn);
}

function refuseWrite(what: string): void {
	const current = scope.getStore();
	if (current?.readOnlyRoute) {
		throw new ForbiddenWriteError(`A load on ${current.readOnlyRoute} tried to write to the database (${what}). Loads must be read-only: move the write into an action or endpoint.`);
	}
	if (current?.inTransaction) {
		throw new ForbiddenWriteError(`A write through db ran inside an open transaction (${what}); use the transaction's tx instead.`);
	}
}

const sqlOf = (statement: InStatement) => (typeof statement === 'string' ? statement : statement.sql).trim().slice(0, 80);

/** Wraps a client so every write checks the current scope first. Reads pass straight through. */
export function guardWrites(client: Client): Client {
	return new Proxy(client, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (typeof value !== 'function') return value;
			switch (prop) {
				case 'execute':
					return (stmt: InStatement, args?: unknown) => {
						const statement = args === undefined ? stmt : ({ sql: stmt as string, args } as InStatement);
						if (!isReadOnly(statement)) refuseWrite(sqlOf(statement));
						return target.execute(statement);
					};
				case 'batch':
					return (stmts: InStatement[], mode?: TransactionMode) => {
						if (mode !== 'read') refuseWrite(stmts[0] ? sqlOf(stmts[0]) : 'batch');
						return target.batch(stmts, mode);
					};
				case 'transaction':
					return (mode: TransactionMode = 'write') => {
						if (mode !== 'read') refuseWrite(`${mode} transaction`);
						return target.transaction(mode);
					};
				case 'executeMultiple':
				case 'migrate':
					return (arg: never) => {
						refuseWrite(String(prop));
						return (value as (a: never) => unknown).call(target, arg);
					};
				default:
					return value.bind(target);
			}
		}
	});
}
