import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: { idx: number; tag: string }[] };
const dir = mkdtempSync(join(tmpdir(), 'touchstone-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of drizzle/ holding only the first `count` migrations, as an older release shipped them. */
function migrationsUpTo(count: number): string {
	const folder = join(dir, `upto-${count}`);
	mkdirSync(join(folder, 'meta'), { recursive: true });
	const entries = journal.entries.slice(0, count);
	for (const e of entries) cpSync(join('drizzle', `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	return folder;
}

async function tables(client: ReturnType<typeof createClient>) {
	const rows = await client.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name");
	return rows.rows.map((r) => String(r.name));
}

/** Rows a real installation would have had at that version. */
async function seed(client: ReturnType<typeof createClient>, present: string[]) {
	await client.execute("INSERT INTO users (email, name, password_hash, role) VALUES ('old@example.org', 'Old Timer', 'x', 'admin')");
	await client.execute(
		"INSERT INTO courses (slug, title, summary, level, audience, ce_category, position, word_count, ce_quarter_hours) VALUES ('old-course', 'Old', 's', 'advanced', 'a', 'science', 1, 100, 0)"
	);
	await client.execute(
		"INSERT INTO lessons (course_id, slug, title, summary, position, word_count, minutes) VALUES (1, 'old-lesson', 'Old lesson', 's', 1, 100, 1)"
	);
	if (present.includes('enrollments')) {
		await client.execute('INSERT INTO enrollments (user_id, course_id) VALUES (1, 1)');
		await client.execute('INSERT INTO lesson_progress (user_id, lesson_id) VALUES (1, 1)');
		await client.execute("INSERT INTO quizzes (course_id, lesson_id, kind, title) VALUES (1, 1, 'lesson', 'Old quiz')");
		await client.execute(
			`INSERT INTO questions (course_id, type, data) VALUES (1, 'truefalse', '{"type":"truefalse","text":"Old?","points":1,"tags":[],"answer":true}')`
		);
		await client.execute("INSERT INTO attempts (quiz_id, user_id, number, status, seed, started_at, percent) VALUES (1, 1, 1, 'submitted', 's', 0, 100)");
	}
}

describe('migrations', () => {
	mkdirSync(join(dir, 'fresh'), { recursive: true });
	const fresh = createTestDatabase(join(dir, 'fresh'));
	afterAll(async () => (await fresh).close());

	for (let applied = 1; applied < journal.entries.length; applied++) {
		it(`upgrade a database with data from ${journal.entries[applied - 1].tag} to the latest schema`, async () => {
			mkdirSync(join(dir, `db-${applied}`), { recursive: true });
			const database = await createTestDatabase(join(dir, `db-${applied}`));
			const client = createClient({ url: database.url });
			try {
				const db = drizzle(client);
				await migrate(db, { migrationsFolder: migrationsUpTo(applied) });
				await seed(client, await tables(client));
				await migrate(db, { migrationsFolder: 'drizzle' });

				const reference = await fresh;
				const referenceClient = createClient({ url: reference.url });
				await migrate(drizzle(referenceClient), { migrationsFolder: 'drizzle' });
				expect(await tables(client)).toEqual(await tables(referenceClient));
				referenceClient.close();

				const users = await client.execute('SELECT email FROM users');
				expect(users.rows.map((r) => r.email)).toEqual(['old@example.org']);
				expect((await client.execute('SELECT count(*) AS n FROM lessons')).rows[0].n).toBe(1);
			} finally {
				client.close();
				await database.close();
			}
		});
	}
});
