// Question versions: the content an attempt asked or a review card shows, stored once however many attempts and
// cards refer to it (question_versions). A version is found by the hash of its exact JSON text, so asking the
// same content again reuses the row and an edited question gets a new one; past attempts keep theirs.
import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Question } from '$lib/quiz/types';
import { table, type Conn } from '../db';

/**
 * SHA3-256 of the version's JSON text, in lower-case hex: the same value as SQLite's lower(hex(sha3(snapshot))),
 * which migration 0008 used for the snapshots it moved, so those versions are found and reused too.
 */
export function versionHash(json: string): string {
	return createHash('sha3-256').update(json, 'utf8').digest('hex');
}

export interface AskedContent {
	/** The bank question, or null for a lesson's knowledge check. */
	questionId: number | null;
	question: Question;
}

/**
 * The version id of each question's current content, in order, storing the versions not seen before. One read when
 * every version exists (the usual case); one more insert when some are new. Runs inside the caller's transaction.
 */
export async function storeQuestionVersions(conn: Conn, asked: AskedContent[]): Promise<number[]> {
	if (asked.length === 0) return [];
	// drizzle stores a json column as JSON.stringify(value): hash exactly that text.
	const hashes = asked.map((a) => versionHash(JSON.stringify(a.question)));
	const ids = new Map<string, number>();
	const find = async (wanted: string[]) => {
		const rows = await conn
			.select({ id: table.questionVersions.id, hash: table.questionVersions.hash })
			.from(table.questionVersions)
			.where(inArray(table.questionVersions.hash, wanted));
		for (const row of rows) ids.set(row.hash, row.id);
	};
	await find([...new Set(hashes)]);
	const missing = new Map<string, AskedContent>();
	hashes.forEach((hash, i) => {
		if (!ids.has(hash) && !missing.has(hash)) missing.set(hash, asked[i]);
	});
	if (missing.size > 0) {
		const inserted = await conn
			.insert(table.questionVersions)
			.values([...missing].map(([hash, a]) => ({ questionId: a.questionId, hash, snapshot: a.question })))
			.onConflictDoNothing()
			.returning({ id: table.questionVersions.id, hash: table.questionVersions.hash });
		for (const row of inserted) ids.set(row.hash, row.id);
		// Another process (several app processes on one sqld) may have stored one in between.
		const raced = [...missing.keys()].filter((hash) => !ids.has(hash));
		if (raced.length) await find(raced);
	}
	return hashes.map((hash) => ids.get(hash)!);
}
