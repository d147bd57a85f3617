import { db } from '../db';
import { noteLapses } from '../review/stats';
import { afterAttemptGraded } from './after-grading';
import { closeAttempt, writeAttemptResponses } from './attempts';
import { QuizError } from './errors';
import type { FormFields } from '$lib/quiz/responses';

// The state changes of an attempt. Each owns its transaction, and what follows grading (lesson and course
// completion, CE credit, certificates, review questions, the activity chart) runs once, in the same transaction,
// only in the call that actually closed the attempt. A repeated or stale call (a second tab, a retry, a double
// click) changes nothing.

/** Closes the attempt with every consequence in one transaction. True when this call closed it. */
async function closeWithConsequences(attemptId: number, userId: number, form: FormFields | null, now: Date, onlyIfOverdue: boolean): Promise<boolean> {
	const lapsed = await db.transaction(async (tx) => {
		const graded = await closeAttempt(tx, attemptId, userId, form, now, onlyIfOverdue);
		return graded && afterAttemptGraded(tx, userId, graded, now);
	});
	if (!lapsed) return false;
	noteLapses(lapsed);
	return true;
}

/** Closes an open attempt whose time ran out, grading what was saved. True when this call closed it. */
export async function expireAttempt(attemptId: number, userId: number, now = new Date()): Promise<boolean> {
	return closeWithConsequences(attemptId, userId, null, now, true);
}

/**
 * Saves answers (autosave, or the Save button without JavaScript). An attempt already submitted is refused with
 * 409 and nothing else; an overdue one is closed as time-out (its consequences run once) and refused with 409.
 */
export async function saveAttempt(attemptId: number, userId: number, form: FormFields, now = new Date()): Promise<void> {
	const outcome = await db.transaction((tx) => writeAttemptResponses(tx, attemptId, userId, form, now));
	if (outcome === 'submitted') throw new QuizError(409, 'This attempt has already been submitted.');
	if (outcome === 'overdue') {
		await expireAttempt(attemptId, userId, now);
		throw new QuizError(409, 'Time is up: the attempt was submitted with the answers saved before the deadline.');
	}
}

/**
 * Submits and grades the attempt once. Submitting again finds it already submitted and changes nothing. Past the
 * deadline the form is ignored and the saved answers are graded.
 */
export async function submitAttempt(attemptId: number, userId: number, form: FormFields | null, now = new Date()): Promise<{ alreadySubmitted: boolean }> {
	return { alreadySubmitted: !(await closeWithConsequences(attemptId, userId, form, now, false)) };
}
