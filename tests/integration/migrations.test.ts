import { createHash } from 'node:crypto';
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
	const versioned = present.includes('question_versions');
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
	if (present.includes('attempt_questions')) {
		await client.execute(`INSERT INTO questions (course_id, type, data) VALUES (1, 'truefalse', '${SECOND}')`);
		await client.execute("INSERT INTO attempts (quiz_id, user_id, number, status, seed, started_at, percent) VALUES (1, 1, 2, 'submitted', 't', 1, 50)");
		// Attempt 1 asked question 1 before an edit, attempt 2 after it; both asked question 2 unchanged.
		for (const [attempt, position, question, snapshot] of askedBefore) {
			// From 0008 on, the frozen question is a reference to its stored version.
			const [column, value] = versioned ? ['version_id', await versionOf(client, question, snapshot)] : ['snapshot', snapshot];
			await client.execute({
				sql: `INSERT INTO attempt_questions (attempt_id, position, question_id, ${column}, response, fraction, points) VALUES (?, ?, ?, ?, '{"type":"truefalse","value":true}', 1, 1)`,
				args: [attempt, position, question, value]
			});
		}
	}
	if (present.includes('review_cards')) {
		const card = `INSERT INTO review_cards (user_id, course_id, question_id, check_key, quiz_id, ${versioned ? 'version_id' : 'snapshot'}, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state) VALUES (1, 1, ?, ?, ?, ?, 0, 1, 5, 0, 0, 0, 1, 0, 'learning')`;
		const frozen = async (question: number | null, snapshot: string) => (versioned ? await versionOf(client, question, snapshot) : snapshot);
		await client.execute({ sql: card, args: [1, null, 1, await frozen(1, EDITED)] });
		await client.execute({ sql: card, args: [null, 'old-lesson#check', null, await frozen(null, CHECK)] });
		// A deleted card: its id stays used.
		await client.execute({ sql: card, args: [2, null, 1, versioned ? await versionOf(client, 1, EDITED) : '{"gone":true}'] });
		await client.execute('DELETE FROM review_cards WHERE id = 3');
		await client.execute("INSERT INTO review_logs (card_id, user_id, rating, correct, state_before, reviewed_at, scheduled_days) VALUES (2, 1, 'good', 1, 'new', 0, 1)");
	}
}

/** The stored version of a question's content (as the app and migration 0008 store it), added when new. */
async function versionOf(client: ReturnType<typeof createClient>, question: number | null, snapshot: string): Promise<number> {
	const hash = createHash('sha3-256').update(JSON.stringify(JSON.parse(snapshot))).digest('hex');
	const found = await client.execute({ sql: 'SELECT id FROM question_versions WHERE hash = ?', args: [hash] });
	if (found.rows.length) return Number(found.rows[0].id);
	const added = await client.execute({ sql: 'INSERT INTO question_versions (question_id, hash, snapshot) VALUES (?, ?, ?) RETURNING id', args: [question, hash, snapshot] });
	return Number(added.rows[0].id);
}

// The question texts frozen in attempts and cards before migration 0008 moved them into question_versions.
const ORIGINAL = '{"type":"truefalse","text":"Old?","points":1,"tags":[],"answer":true}';
const EDITED = '{"type":"truefalse","text":"Old, edited?","points":1,"tags":[],"answer":false,"explanation":"Changed."}';
const SECOND = '{"type":"truefalse","text":"Second?","points":1,"tags":["t"],"answer":true}';
const CHECK = '{"type":"single","text":"A knowledge check?","points":1,"tags":[],"choices":[{"id":"a","text":"Yes","weight":100},{"id":"b","text":"No","weight":0}]}';
const askedBefore: [number, number, number, string][] = [
	[1, 0, 1, ORIGINAL],
	[1, 1, 2, SECOND],
	[2, 0, 1, EDITED],
	[2, 1, 2, SECOND]
];

/** After 0008: every attempt and card shows exactly the question it froze, and equal snapshots share one version. */
async function expectVersionsKept(client: ReturnType<typeof createClient>, present: string[]) {
	if (!present.includes('attempt_questions')) return;
	const asked = await client.execute(
		'SELECT aq.attempt_id, aq.position, aq.question_id, aq.version_id, v.snapshot, v.hash FROM attempt_questions aq JOIN question_versions v ON v.id = aq.version_id ORDER BY 1, 2'
	);
	expect(asked.rows.map((r) => [r.attempt_id, r.position, r.question_id, r.snapshot])).toEqual(askedBefore);
	const versionOf = (attempt: number, position: number) => asked.rows.find((r) => r.attempt_id === attempt && r.position === position)!.version_id;
	expect(versionOf(1, 1)).toBe(versionOf(2, 1));
	expect(versionOf(1, 0)).not.toBe(versionOf(2, 0));
	// The hash the app computes for the question it reads (versionHash of drizzle's JSON), so its next attempts
	// reuse these rows.
	for (const r of asked.rows) expect(r.hash).toBe(createHash('sha3-256').update(JSON.stringify(JSON.parse(String(r.snapshot)))).digest('hex'));
	// Responses and grades are carried over.
	expect((await client.execute("SELECT count(*) AS n FROM attempt_questions WHERE fraction = 1 AND json_extract(response, '$.value') = 1")).rows[0].n).toBe(4);
	let versions = 3;
	if (present.includes('review_cards')) {
		const cards = await client.execute('SELECT c.id, c.question_id, c.check_key, c.version_id, v.snapshot FROM review_cards c JOIN question_versions v ON v.id = c.version_id ORDER BY c.id');
		expect(cards.rows.map((r) => [r.id, r.question_id, r.check_key, r.snapshot])).toEqual([
			[1, 1, null, EDITED],
			[2, null, 'old-lesson#check', CHECK]
		]);
		expect(cards.rows[0].version_id).toBe(versionOf(2, 0));
		versions = 4;
		// The review log still points at its card, and a new card never reuses an old card's id.
		expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
		expect((await client.execute("SELECT seq FROM sqlite_sequence WHERE name = 'review_cards'")).rows[0].seq).toBe(3);
	}
	expect((await client.execute('SELECT count(*) AS n FROM question_versions')).rows[0].n).toBe(versions);
	const columns = async (t: string) => (await client.execute(`SELECT name FROM pragma_table_info('${t}')`)).rows.map((r) => r.name);
	expect(await columns('attempt_questions')).not.toContain('snapshot');
	expect(await columns('review_cards')).not.toContain('snapshot');
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
				const present = await tables(client);
				await seed(client, present);
				await migrate(db, { migrationsFolder: 'drizzle' });
				await expectVersionsKept(client, present);
				if (present.includes('attempts')) {
					// From 0009 on, any change to a submitted attempt tells the analytics cache its quiz changed.
					const version = async () => Number((await client.execute('SELECT submissions_version AS v FROM quizzes WHERE id = 1')).rows[0].v);
					const before = await version();
					await client.execute('UPDATE attempts SET percent = 90 WHERE id = 1');
					expect(await version()).toBe(before + 1);
				}

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
