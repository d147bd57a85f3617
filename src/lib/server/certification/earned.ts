import { issueCertificateIfEarned } from './issue';
import { recordCourseCredits } from './ledger';

/**
 * After anything that can complete a course (a graded attempt, a finished lesson): credit the CE hours of newly
 * completed courses, then issue any certificate whose track is now complete. Both steps are idempotent.
 */
export async function issueEarnedCertificates(userId: number): Promise<void> {
	await recordCourseCredits(userId);
	await issueCertificateIfEarned(userId);
}
