import { refreshAfterAttempt } from '../progress/completion';
import { bumpActivity } from '../progress/activity';
import type { Quiz } from '../db/schema';

/** Everything that follows a graded attempt: lesson and course completion, and the activity chart. */
export async function afterAttemptGraded(userId: number, quiz: Pick<Quiz, 'kind' | 'lessonId' | 'courseId'>, _attemptId: number) {
	await refreshAfterAttempt(userId, quiz);
	await bumpActivity(userId, new Date(), 0, 1);
}
