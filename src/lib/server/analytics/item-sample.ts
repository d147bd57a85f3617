// The per-question data behind discrimination, Cronbach's alpha and option counts: each sampled first attempt's
// fraction on every question it asked, and for choice and true/false questions what it chose (still masked).
import { sql } from 'drizzle-orm';
import { db } from '../db';

/**
 * Item statistics need the whole attempt × question matrix and option counts need every response unmasked, so above
 * this many first attempts they use the most recent this-many (by attempt id, the order attempts were started) and
 * the page says so. 2,000 keeps a quiz with 100,000 attempts well inside the page's time budget (5,000 did not on
 * the test machine), and is plenty: the standard error of a discrimination index is then about 2 points.
 */
export const ITEM_SAMPLE_SIZE = 2000;

export interface SampledAnswer {
	attemptId: number;
	position: number;
	questionId: number;
	/** 0..1, null if the question was never graded. */
	fraction: number | null;
	/** Masked choice id (single), masked ids (multiple), 1/0 (true/false); null when blank or another type. */
	chosen: string | string[] | number | null;
}

export interface ItemSample {
	/** Sampled first attempts, newest first, with the seeds that masked their option ids. */
	attempts: { id: number; seed: string }[];
	answers: SampledAnswer[];
}

type AnswerTuple = [number, number, number, number | null, string | string[] | number | null];

/**
 * One statement, answered from attempts_quiz_idx (newest first, so the LIMIT stops early) and the primary key of
 * attempt_questions. CROSS JOIN fixes the join order: without it SQLite may scan all of attempt_questions. Rows
 * travel as two JSON arrays: the client's per-row cost, not SQLite, dominates otherwise.
 */
export async function loadItemSample(quizId: number, limit = ITEM_SAMPLE_SIZE): Promise<ItemSample> {
	const [row] = await db.all<{ attempts: string | null; answers: string | null }>(sql`
		WITH sample AS MATERIALIZED (
			SELECT id, seed FROM attempts
			WHERE quiz_id = ${quizId} AND status = 'submitted' AND number = 1
			ORDER BY id DESC
			LIMIT ${limit}
		)
		SELECT
			(SELECT json_group_array(json_array(id, seed)) FROM sample) AS attempts,
			(SELECT json_group_array(json_array(
				aq.attempt_id, aq.position, aq.question_id, aq.fraction,
				CASE json_extract(aq.response, '$.type')
					WHEN 'single' THEN json_extract(aq.response, '$.choice')
					WHEN 'multiple' THEN json_extract(aq.response, '$.choices')
					WHEN 'truefalse' THEN json_extract(aq.response, '$.value')
				END))
			FROM sample s CROSS JOIN attempt_questions aq ON aq.attempt_id = s.id) AS answers`);
	const attempts = (JSON.parse(row?.attempts ?? '[]') as [number, string][]).map(([id, seed]) => ({ id, seed }));
	const answers = (JSON.parse(row?.answers ?? '[]') as AnswerTuple[]).map(
		([attemptId, position, questionId, fraction, chosen]): SampledAnswer => ({ attemptId, position, questionId, fraction, chosen })
	);
	return { attempts, answers };
}
