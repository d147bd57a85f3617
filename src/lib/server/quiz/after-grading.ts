import { refreshAfterAttempt } from '../progress/completion';
import { bumpActivity } from '../progress/activity';
import { recordCardsForAttempt } from '../review/cards';
import { issueEarnedCertificates } from '../certification/earned';
import type { Quiz } from '../db/schema';

/** Everything that follows a graded attempt: lesson and course completion, and the activity chart. */
export async function afterAttemptGraded(userId: number, quiz: Pick<Quiz, 'kind' | 'lessonId' | 'courseId'>, attemptId: number) {
	const courseCompleted = await refreshAfterAttempt(userId, quiz);
	// Certificates follow course completions and final-exam scores; other attempts cannot change them.
	if (courseCompleted || quiz.kind === 'final') await issueEarnedCertificates(userId);
	await recordCardsForAttempt(userId, attemptId);
	await bumpActivity(userId, new Date(), 0, 1);
}
