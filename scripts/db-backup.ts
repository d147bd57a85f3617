// npm run db:backup -- FILE
// A consistent online copy of the embedded database, safe while the server runs: SQLite's VACUUM INTO reads one
// snapshot of the database inside a transaction and writes it to FILE. Restore steps are in the README.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { parseConfig } from '../src/lib/server/config';

async function main() {
	const target = process.argv[2];
	if (!target) throw new Error('Usage: npm run db:backup -- FILE (the file to write, for example backups/touchstone-2026-11-20.db)');
	const path = resolve(target);
	if (existsSync(path)) throw new Error(`${path} already exists; choose a new file name so no backup is overwritten.`);
	const config = parseConfig(process.env);
	if (!config.DATABASE_URL.startsWith('file:')) {
		throw new Error('db:backup copies the embedded file database. For sqld or Turso, use the server\'s own backups or `turso db shell .dump`.');
	}
	const client = createClient({ url: config.DATABASE_URL, timeout: 5000 });
	try {
		await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
	} finally {
		client.close();
	}
	console.log(`Backed up ${config.DATABASE_URL} to ${path}`);
}

main().catch((e: Error) => {
	console.error(e.message);
	process.exit(1);
});
