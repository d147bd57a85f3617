import type { Tx } from '../db';
import { issueCourseCertificate } from '../course-certificates/issue';
import { issueCertificateIfEarned } from './issue';
import { recordCourseCredits } from './ledger';

/**
 * After anything that can complete a course (a graded attempt, a finished lesson, a submitted appraisal): credit the
 * CE hours of newly completed courses, issue the course's Certificate of Achievement when its evaluation was already
 * submitted (a learner may evaluate before finishing the last lesson), then any track certificate now complete.
 * Every step is idempotent. Inside `tx` when given (a graded attempt's), so it commits with what earned it.
 */
export async function issueEarnedCertificates(userId: number, completedCourseId: number | null = null, tx?: Tx, now = new Date()): Promise<void> {
	await recordCourseCredits(userId, tx);
	if (completedCourseId !== null) await issueCourseCertificate(userId, completedCourseId, now, tx);
	await issueCertificateIfEarned(userId, now, tx);
}
