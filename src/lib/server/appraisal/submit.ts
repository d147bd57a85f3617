import { scoreAppraisal, type AppraisalScore } from '$lib/appraisal/score';
import type { Answer } from '$lib/appraisal/pedro';
import { findLesson } from '../content/catalog';
import { refreshCertification } from '../certification/refresh';
import { appraisalCheckId } from '../progress/appraisals';
import { refreshLessonCompletion } from '../progress/completion';
import { recordCheckAnswer } from '../progress/lessons';
import { findLessonIds } from '../progress/lesson-state';

export class UnknownTrialError extends Error {
	constructor(readonly trialId: string) {
		super('This lesson has no such trial to appraise.');
	}
}

/**
 * Scores a student's PEDro ratings of one of the lesson's trials against its expert key. For a signed-in student
 * the submission is also recorded (it counts toward completing the lesson), which may complete the lesson, the
 * course and a certificate. Anonymous visitors get the score and nothing is stored.
 */
export async function submitAppraisal(
	userId: number | null,
	where: { course: string; lesson: string },
	trialId: string,
	answers: Answer[]
): Promise<{ score: AppraisalScore; pedroDatabaseScore: number | null; recorded: boolean }> {
	const found = findLesson(where.course, where.lesson);
	const trial = found?.lesson.appraisals.includes(trialId) ? found.course.trials.get(trialId) : undefined;
	if (!trial) throw new UnknownTrialError(trialId);
	const score = scoreAppraisal(trial, answers);
	const ids = userId !== null ? await findLessonIds(where.course, where.lesson) : null;
	if (userId !== null && ids) {
		const letters = answers.map((a) => (a === 'yes' ? 'y' : 'n')).join('');
		await recordCheckAnswer(userId, ids.lessonId, appraisalCheckId(trialId), letters, score.correctCount === answers.length);
		await refreshLessonCompletion(userId, ids.lessonId);
		await refreshCertification(userId);
	}
	return { score, pedroDatabaseScore: trial.pedroDatabaseScore ?? null, recorded: ids !== null };
}
