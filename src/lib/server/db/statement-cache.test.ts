import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheCompiledStatements } from './statement-cache';

let dir: string;
let client: Client;
beforeEach(() => {
	cacheCompiledStatements();
	dir = mkdtempSync(join(tmpdir(), 'statement-cache-'));
	client = createClient({ url: `file:${join(dir, 'test.db')}` });
});
afterEach(() => {
	client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('reused compiled statements', () => {
	it('give each execute its own arguments and results, for reads and writes alike', async () => {
		await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
		for (const name of ['a', 'b', 'c']) {
			const inserted = await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: [name] });
			expect(inserted.rowsAffected).toBe(1);
		}
		const read = (id: number) => client.execute({ sql: 'SELECT name FROM t WHERE id = ?', args: [id] });
		expect((await read(2)).rows[0].name).toBe('b');
		expect((await read(3)).rows[0].name).toBe('c');
		expect((await read(9)).rows).toHaveLength(0);
	});

	it('follow a schema change (a migration) without serving stale columns', async () => {
		await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
		await client.execute('INSERT INTO t (id) VALUES (1)');
		expect((await client.execute('SELECT * FROM t')).columns).toEqual(['id']);
		await client.execute("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'x'");
		const after = await client.execute('SELECT * FROM t');
		expect(after.columns).toEqual(['id', 'note']);
		expect(after.rows[0].note).toBe('x');
	});

	it('keep failures to the statement that failed', async () => {
		await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
		await client.execute('INSERT INTO t (id) VALUES (1)');
		await expect(client.execute('INSERT INTO t (id) VALUES (1)')).rejects.toThrow(/UNIQUE/);
		expect((await client.execute('SELECT COUNT(*) AS n FROM t')).rows[0].n).toBe(1);
	});
});
