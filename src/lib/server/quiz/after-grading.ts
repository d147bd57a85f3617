import { refreshAfterAttempt } from '../progress/completion';
import { bumpActivityIn } from '../progress/activity';
import { recordCardsForAttempt } from '../review/cards';
import { issueEarnedCertificates } from '../certification/earned';
import type { Tx } from '../db';
import { sqlIn } from '../db/raw';
import type { Quiz } from '../db/schema';

/** What closing an attempt leaves in memory for its consequences, so none of them reads it back. */
export interface GradedAttempt {
	attemptId: number;
	quiz: Pick<Quiz, 'id' | 'kind' | 'lessonId' | 'courseId'>;
	passed: boolean;
	questions: { position: number; questionId: number; versionId: number; fraction: number }[];
}

/**
 * Everything that follows grading an attempt, in the grading transaction (so a crash or a failure leaves the attempt
 * open, never graded without its consequences): lesson and course completion, CE credit and certificates when a
 * course completes or a final is graded, review questions for what was asked, and the activity chart. Only the
 * attempt commands call it, once, right after the call that closed the attempt (quiz/attempt-commands.ts).
 * Returns the courses where a review card lapsed, to note once committed.
 */
export async function afterAttemptGraded(tx: Tx, userId: number, graded: GradedAttempt, now: Date): Promise<Set<number>> {
	const { quiz } = graded;
	// A failed attempt completes nothing: under every grading method (highest, last, first, average) it cannot turn a
	// quiz that was not passed into a passed one, so the completion reads are skipped.
	const courseCompleted = graded.passed && (await refreshAfterAttempt(userId, quiz, now, tx));
	// Certificates follow course completions and final-exam scores; other attempts cannot change them.
	if (courseCompleted || quiz.kind === 'final') await issueEarnedCertificates(userId, courseCompleted ? quiz.courseId : null, tx, now);
	const lapsed = await recordCardsForAttempt(tx, userId, { attemptId: graded.attemptId, quizId: quiz.id, courseId: quiz.courseId, questions: graded.questions }, now);
	await bumpActivityIn(sqlIn(tx), userId, now, 0, 1);
	return lapsed;
}
