import type { PublishProblem } from '$lib/quiz/validate';
import type { QuizSettingsInput } from '$lib/validation/instructor';
import type { Quiz } from '../db/schema';
import { findPublishProblems } from './publish';
import { updateQuizSettings } from './quizzes';

/**
 * Saves a quiz's settings. A published quiz must stay valid, so the new settings are checked first and nothing is
 * saved when they would break it; the problems are returned for the page to list. A lesson of another course is a
 * StudioError.
 */
export async function saveQuizSettings(quiz: Quiz, input: QuizSettingsInput): Promise<{ saved: true } | { saved: false; problems: PublishProblem[] }> {
	if (quiz.status === 'published') {
		const next = { ...quiz, ...input, timeLimitSeconds: input.timeLimitMinutes === null ? null : input.timeLimitMinutes * 60 };
		const problems = await findPublishProblems(next);
		if (problems.length) return { saved: false, problems };
	}
	await updateQuizSettings(quiz, input);
	return { saved: true };
}
