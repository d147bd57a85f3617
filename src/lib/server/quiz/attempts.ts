import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { gradeQuestion } from '$lib/quiz/grade';
import { attemptDeadline, isPastDeadline, roundPercent } from '$lib/quiz/policy';
import { parseResponse, type FormFields } from '$lib/quiz/responses';
import { drawQuestions } from '$lib/quiz/shuffle';
import type { Question, Response } from '$lib/quiz/types';
import { db, table, type Tx } from '../db';
import type { Quiz } from '../db/schema';
import { enrollInCourse } from '../progress/enroll';
import { QuizError } from './errors';
import { askedQuestion, loadOwnAttempt, type LoadedAttempt } from './load';
import { storeQuestionVersions } from './versions';


function newSeed(): string {
	const bytes = new Uint8Array(12);
	crypto.getRandomValues(bytes);
	return encodeHexLowerCase(bytes);
}

/**
 * Starts an attempt (enrolling in the course), or returns the student's open one (a double click or two tabs never open two). Refuses when
 * the maximum number of attempts is used up. The questions are drawn, ordered and frozen now.
 */
export async function startAttempt(quiz: Quiz, userId: number, now = new Date()): Promise<number> {
	return db.transaction(async (tx) => {
		// Taking a quiz of a course enrols the student in it (once).
		await enrollInCourse(userId, quiz.courseId, tx);
		const [open] = await tx
			.select({ id: table.attempts.id })
			.from(table.attempts)
			.where(and(eq(table.attempts.quizId, quiz.id), eq(table.attempts.userId, userId), eq(table.attempts.status, 'open')));
		if (open) return open.id;

		const [{ used }] = await tx
			.select({ used: count() })
			.from(table.attempts)
			.where(and(eq(table.attempts.quizId, quiz.id), eq(table.attempts.userId, userId)));
		if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) {
			throw new QuizError(409, `You have used all ${quiz.maxAttempts} attempts at this quiz.`);
		}

		const own = await tx
			.select({ id: table.questions.id, data: table.questions.data })
			.from(table.quizQuestions)
			.innerJoin(table.questions, eq(table.questions.id, table.quizQuestions.questionId))
			.where(and(eq(table.quizQuestions.quizId, quiz.id), isNull(table.questions.deletedAt)))
			.orderBy(asc(table.quizQuestions.position));

		const seed = newSeed();
		const pool = [...own, ...(await drawTaggedQuestions(tx, quiz, own.map((q) => q.id), seed))];
		if (pool.length === 0) throw new QuizError(409, 'This quiz has no questions yet.');
		const byId = new Map(pool.map((q) => [String(q.id), q]));
		let chosen = drawQuestions([...byId.keys()], quiz.drawCount, seed);
		if (!quiz.shuffleQuestions) {
			const keep = new Set(chosen);
			chosen = [...byId.keys()].filter((id) => keep.has(id));
		}
		const [attempt] = await tx
			.insert(table.attempts)
			.values({
				quizId: quiz.id,
				userId,
				number: used + 1,
				seed,
				startedAt: now,
				deadlineAt: attemptDeadline(now, quiz.timeLimitSeconds)
			})
			.returning({ id: table.attempts.id });
		const versions = await storeQuestionVersions(tx, chosen.map((id) => ({ questionId: Number(id), question: byId.get(id)!.data })));
		await tx.insert(table.attemptQuestions).values(
			chosen.map((id, position) => ({ attemptId: attempt.id, position, questionId: Number(id), versionId: versions[position] }))
		);
		return attempt.id;
	});
}

/**
 * The quiz's draw rules (quiz_draws): for each tag, `count` random non-deleted bank questions of the course that
 * carry the tag, never one already in the quiz or drawn by an earlier rule. Deterministic from the attempt seed;
 * the drawn questions are frozen (as question versions) with the rest.
 */
async function drawTaggedQuestions(tx: Tx, quiz: Quiz, ownIds: number[], seed: string) {
	const rules = await tx
		.select({ tag: table.quizDraws.tag, count: table.quizDraws.count })
		.from(table.quizDraws)
		.where(eq(table.quizDraws.quizId, quiz.id))
		.orderBy(asc(table.quizDraws.tag));
	const taken = new Set(ownIds);
	const drawn: { id: number; data: Question }[] = [];
	for (const rule of rules) {
		const candidates = await tx
			.select({ id: table.questions.id, data: table.questions.data })
			.from(table.questions)
			.where(
				and(
					eq(table.questions.courseId, quiz.courseId),
					isNull(table.questions.deletedAt),
					sql`exists (select 1 from json_each(${table.questions.tags}) where json_each.value = ${rule.tag})`
				)
			)
			.orderBy(asc(table.questions.id));
		const open = candidates.filter((q) => !taken.has(q.id));
		const byId = new Map(open.map((q) => [String(q.id), q]));
		for (const id of drawQuestions([...byId.keys()], rule.count, `${seed}:draw:${rule.tag}`)) {
			const question = byId.get(id)!;
			taken.add(question.id);
			drawn.push(question);
		}
	}
	return drawn;
}

/** The response to every question of the attempt, read from the form, by position. */
function responsesFrom(loaded: LoadedAttempt, form: FormFields): Record<number, Response> {
	const responses: Record<number, Response> = {};
	for (const row of loaded.questions) responses[row.position] = parseResponse(askedQuestion(loaded.attempt, row), form, `q${row.position}`);
	return responses;
}

/**
 * Stores the responses in the form for every question of the attempt (autosave and each page post), in one
 * statement: each row picks its response out of a JSON object by position.
 */
async function writeResponses(tx: Tx, loaded: LoadedAttempt, form: FormFields, now: Date): Promise<void> {
	await tx
		.update(table.attemptQuestions)
		.set({ response: byPosition(JSON.stringify(responsesFrom(loaded, form))), answeredAt: now })
		.where(eq(table.attemptQuestions.attemptId, loaded.attempt.id));
}

/** Each attempt_questions row's value, picked out of a JSON object keyed by position (one statement per attempt). */
function byPosition(json: string, field = '') {
	return sql`json_extract(${json}, '$."' || ${table.attemptQuestions.position} || '"${sql.raw(field)}')`;
}

/** Saves the form's answers to an open attempt that is within its time. Refuses (409) a closed or overdue one. */
export async function writeAttemptResponses(tx: Tx, attemptId: number, userId: number, form: FormFields, now: Date): Promise<'saved' | 'submitted' | 'overdue'> {
	const loaded = await loadInTx(tx, attemptId, userId);
	if (loaded.attempt.status !== 'open') return 'submitted';
	if (isPastDeadline(loaded.attempt.deadlineAt, now)) return 'overdue';
	await writeResponses(tx, loaded, form, now);
	return 'saved';
}

/**
 * Grades and closes an open attempt. Past the deadline the form is ignored and what was saved before it is graded;
 * with `onlyIfOverdue` an attempt still within its time is left open. Returns the quiz when this call closed the
 * attempt, null when it was already closed (or left open): the caller runs the consequences only on a real change.
 */
export async function closeAttempt(tx: Tx, attemptId: number, userId: number, form: FormFields | null, now: Date, onlyIfOverdue = false) {
	const loaded = await loadInTx(tx, attemptId, userId);
	if (loaded.attempt.status !== 'open') return null;
	const expired = isPastDeadline(loaded.attempt.deadlineAt, now);
	if (onlyIfOverdue && !expired) return null;
	await gradeAndClose(tx, loaded, now, expired, form && !expired ? responsesFrom(loaded, form) : null);
	return loaded.quiz;
}

async function loadInTx(tx: Tx, attemptId: number, userId: number): Promise<LoadedAttempt> {
	const loaded = await loadOwnAttempt(attemptId, userId, tx);
	if (!loaded) throw new QuizError(404, 'There is no such attempt.');
	return loaded;
}

/**
 * Grades every question and closes the attempt: two statements whatever the number of questions. With `responses`
 * (a submitted form) they are stored together with the grades; without, the saved responses are graded.
 */
async function gradeAndClose(tx: Tx, loaded: LoadedAttempt, now: Date, expired: boolean, responses: Record<number, Response> | null = null): Promise<void> {
	let points = 0;
	let maxPoints = 0;
	const results: Record<number, { f: number; p: number; r?: Response | null }> = {};
	for (const row of loaded.questions) {
		const question = askedQuestion(loaded.attempt, row);
		const response = responses ? responses[row.position] : row.response;
		const result = gradeQuestion(question, response ?? undefined);
		points += result.points;
		maxPoints += question.points;
		results[row.position] = { f: result.fraction, p: result.points, ...(responses ? { r: response } : {}) };
	}
	const graded = JSON.stringify(results);
	await tx
		.update(table.attemptQuestions)
		.set({
			fraction: byPosition(graded, '.f'),
			points: byPosition(graded, '.p'),
			...(responses ? { response: byPosition(graded, '.r'), answeredAt: now } : {})
		})
		.where(eq(table.attemptQuestions.attemptId, loaded.attempt.id));
	const percent = roundPercent(points, maxPoints);
	await tx
		.update(table.attempts)
		.set({
			status: 'submitted',
			submittedAt: now,
			points,
			maxPoints,
			percent,
			passed: percent >= loaded.quiz.passingPercent,
			expired
		})
		.where(and(eq(table.attempts.id, loaded.attempt.id), eq(table.attempts.status, 'open')));
}
