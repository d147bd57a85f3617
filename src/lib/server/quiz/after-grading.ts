import { refreshAfterAttempt } from '../progress/completion';
import { bumpActivity } from '../progress/activity';
import { recordCardsForAttempt } from '../review/cards';
import { issueEarnedCertificates } from '../certification/earned';
import type { Quiz } from '../db/schema';

/**
 * Everything that follows grading an attempt: lesson and course completion, CE credit and certificates when a course
 * completes or a final is graded, review questions for what was asked, and the activity chart. Only the attempt
 * commands call it, once, right after the call that closed the attempt (src/lib/server/quiz/attempt-commands.ts).
 */
export async function afterAttemptGraded(userId: number, quiz: Pick<Quiz, 'kind' | 'lessonId' | 'courseId'>, attemptId: number) {
	const courseCompleted = await refreshAfterAttempt(userId, quiz);
	// Certificates follow course completions and final-exam scores; other attempts cannot change them.
	if (courseCompleted || quiz.kind === 'final') await issueEarnedCertificates(userId, courseCompleted ? quiz.courseId : null);
	await recordCardsForAttempt(userId, attemptId);
	await bumpActivity(userId, new Date(), 0, 1);
}
