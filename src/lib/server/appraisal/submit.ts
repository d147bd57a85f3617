import { scoreAppraisal, type AppraisalScore } from '$lib/appraisal/score';
import type { Answer } from '$lib/appraisal/pedro';
import { db } from '../db';
import { UserError } from '../errors';
import { findLesson } from '../content/catalog';
import { issueEarnedCertificates } from '../certification/earned';
import { appraisalCheckId } from '../progress/appraisals';
import { refreshLessonCompletion } from '../progress/completion';
import { recordCheckAnswer } from '../progress/lesson-commands';
import { findLessonIds } from '../progress/lessons';

export class UnknownTrialError extends UserError {
	constructor(readonly trialId: string) {
		super('This lesson has no such trial to appraise.', 400);
	}
}

/**
 * Scores a student's PEDro ratings of one of the lesson's trials against its expert key. For a signed-in student
 * the submission is also recorded in one transaction (it counts toward completing the lesson, which may complete
 * the course); certificates follow a course completion after the commit. Anonymous visitors get the score and
 * nothing is stored.
 */
export async function submitAppraisal(
	userId: number | null,
	where: { course: string; lesson: string },
	trialId: string,
	answers: Answer[],
	now = new Date()
): Promise<{ score: AppraisalScore; pedroDatabaseScore: number | null; recorded: boolean }> {
	const found = findLesson(where.course, where.lesson);
	const trial = found?.lesson.appraisals.includes(trialId) ? found.course.trials.get(trialId) : undefined;
	if (!trial) throw new UnknownTrialError(trialId);
	const score = scoreAppraisal(trial, answers);
	const ids = userId !== null ? await findLessonIds(where.course, where.lesson) : null;
	if (userId !== null && ids) {
		const answer = answers.map((a) => (a === 'yes' ? 'y' : 'n')).join('');
		const correct = score.correctCount === answers.length;
		const checkId = appraisalCheckId(trialId);
		const courseCompleted = await db.transaction(async (tx) => {
			await recordCheckAnswer(tx, userId, ids.lessonId, checkId, answer, correct, now);
			return refreshLessonCompletion(userId, ids.lessonId, now, tx);
		});
		if (courseCompleted) await issueEarnedCertificates(userId, ids.courseId);
	}
	return { score, pedroDatabaseScore: trial.pedroDatabaseScore ?? null, recorded: ids !== null };
}
