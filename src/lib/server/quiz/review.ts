import { gradeQuestion } from '$lib/quiz/grade';
import { describeCorrectAnswer, describeResponse } from '$lib/quiz/describe';
import { reviewVisibility } from '$lib/quiz/policy';
import { catalog } from '../content/catalog';
import { askedQuestion, type LoadedAttempt } from './load';
import { getQuizStanding } from './student';

/**
 * The result page of a submitted attempt, holding only what the quiz's review policy allows now. Anything hidden
 * is left out of the data entirely, not merely hidden in the page.
 */
export async function buildAttemptReview(loaded: LoadedAttempt, userId: number) {
	const standing = await getQuizStanding(loaded.quiz, userId);
	const visible = reviewVisibility(loaded.quiz, {
		submitted: loaded.attempt.status === 'submitted',
		passedAny: standing.passedAny,
		noAttemptsLeft: standing.left === 0
	});
	const items = loaded.questions.map((row) => {
		const question = askedQuestion(loaded.attempt, row);
		const graded = gradeQuestion(question, row.response ?? undefined);
		const reference = question.cite ? catalog.bibliography.get(question.cite) : undefined;
		return {
			text: question.text,
			points: question.points,
			yourAnswer: describeResponse(question, row.response),
			status: visible.correctness ? graded.status : null,
			earned: visible.correctness ? (row.points ?? graded.points) : null,
			feedback: visible.feedback ? graded.feedback : [],
			explanation: visible.feedback ? (question.explanation ?? null) : null,
			correctAnswer: visible.answers ? describeCorrectAnswer(question) : null,
			source: visible.answers && reference ? { key: reference.key, label: `${reference.authors} (${reference.year ?? 'n.d.'}). ${reference.title}.`, doi: reference.doi ?? null } : null
		};
	});
	return { visible, items, standing };
}
