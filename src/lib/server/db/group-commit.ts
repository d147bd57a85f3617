import type { Client, InArgs, InStatement, Transaction, TransactionMode } from '@libsql/client';
import type { Mutex } from './serialize';

// Group commit. A COMMIT writes every page the transaction changed to the WAL, and pages several transactions
// share (the tail of a table, index pages, a day's activity row) are written once per COMMIT: about a tenth of a
// quiz submission's CPU went to its COMMIT alone. So write transactions that queue for the writer while one runs
// share one SQLite transaction: each runs in a SAVEPOINT of its own (its failure rolls back only its own work), in
// turn as before, and the group commits after everyone who was waiting when its first transaction finished. A transaction's
// commit() resolves only after that shared COMMIT succeeded (nobody is told "saved" before it is); if the COMMIT
// fails, every transaction in the group gets the error.

interface Group {
	tx: Transaction;
	members: number;
	waiting: { resolve: () => void; reject: (e: unknown) => void }[];
	commitQueued: boolean;
}

export function groupCommits(writer: Client, lock: Mutex) {
	let open: Group | null = null;

	/** Ends the open group (the caller holds the writer lock): COMMIT, then settle every member that released. */
	async function commitGroup(group: Group): Promise<void> {
		if (open !== group) return;
		open = null;
		const waiting = group.waiting.splice(0);
		try {
			await group.tx.commit();
		} catch (e) {
			group.tx.close();
			for (const w of waiting) w.reject(e);
			return;
		}
		for (const w of waiting) w.resolve();
	}

	/** Fails the members already released in a group SQLite rolled back as a whole (a full disk, an I/O error). */
	function abandon(group: Group, cause: unknown) {
		if (open === group) open = null;
		group.tx.close();
		for (const w of group.waiting.splice(0)) w.reject(cause);
	}

	/** A write transaction in the open group (starting one if none is open). The caller holds the writer lock. */
	async function member(release: () => void): Promise<Transaction> {
		const group = (open ??= { tx: await writer.transaction('write'), members: 0, waiting: [], commitQueued: false });
		// The group's first member needs no savepoint: if it fails, nothing else is in the transaction yet.
		const savepoint = group.members++ === 0 ? null : `group_member_${group.members}`;
		try {
			if (savepoint) await group.tx.execute(`SAVEPOINT ${savepoint}`);
		} catch (e) {
			if (!group.commitQueued) abandon(group, e);
			throw e;
		}
		let state: 'running' | 'done' = 'running';

		/** Undoes this member's work: back to its savepoint, or (the first member) the whole transaction. */
		const undo = async () => {
			if (!savepoint) abandon(group, null);
			else if (!group.tx.closed) {
				await group.tx.execute(`ROLLBACK TO ${savepoint}`);
				await group.tx.execute(`RELEASE ${savepoint}`);
			}
		};

		const finish = async (keep: boolean): Promise<void> => {
			if (state === 'done') return;
			state = 'done';
			let failure: unknown = null;
			try {
				if (keep && savepoint) await group.tx.execute(`RELEASE ${savepoint}`);
			} catch (e) {
				failure = e;
			}
			if (!keep || failure) await undo().catch((e) => (failure ??= e));
			if (group.tx.closed) {
				// Nothing else was in the group, or SQLite rolled all of it back (a full disk, an I/O error): the
				// members released before this one are lost too, and told so.
				abandon(group, failure ?? new Error('The database rolled back the transactions committed with this one'));
				release();
				if (failure) throw failure;
				if (keep) throw new Error('The database rolled back this transaction');
				return;
			}
			if (failure) {
				release();
				throw failure;
			}
			const committed = keep ? new Promise<void>((resolve, reject) => group.waiting.push({ resolve, reject })) : null;
			if (keep && !group.commitQueued) {
				// Behind everyone waiting now: they join this group; whoever comes later starts the next one.
				group.commitQueued = true;
				void lock.run(() => commitGroup(group), Infinity);
			}
			release();
			await committed;
		};

		const inner = group.tx;
		return {
			execute: (stmt: InStatement, args?: InArgs) => inner.execute(args === undefined ? stmt : { sql: stmt as string, args }),
			batch: (stmts: InStatement[]) => inner.batch(stmts),
			executeMultiple: (sql: string) => inner.executeMultiple(sql),
			commit: () => finish(true),
			rollback: () => finish(false),
			close: () => void finish(false).catch(() => {}),
			get closed() {
				return state === 'done' || inner.closed;
			}
		} as Transaction;
	}

	return {
		/** Runs a write transaction as a member of the current group. */
		async transaction(_mode: TransactionMode): Promise<Transaction> {
			const release = await lock.acquire();
			try {
				return await member(release);
			} catch (e) {
				release();
				throw e;
			}
		},
		/** Commits the open group first (the caller holds the lock): for writes that are not group members. */
		async flush(): Promise<void> {
			if (open) await commitGroup(open);
		}
	};
}
