import type { quizzes } from '../db/schema';

type QuizSettings = Pick<
	typeof quizzes.$inferInsert,
	| 'passingPercent'
	| 'maxAttempts'
	| 'gradingMethod'
	| 'timeLimitSeconds'
	| 'shuffleQuestions'
	| 'shuffleOptions'
	| 'drawCount'
	| 'reviewCorrectness'
	| 'reviewFeedback'
	| 'reviewAnswers'
>;

/**
 * Lesson checks are for learning: unlimited tries, feedback at once, right answers once passed (so a student can
 * retry without being handed the answers).
 */
export const lessonCheckSettings: QuizSettings = {
	passingPercent: 70,
	maxAttempts: null,
	gradingMethod: 'highest',
	timeLimitSeconds: null,
	shuffleQuestions: true,
	shuffleOptions: true,
	drawCount: null,
	reviewCorrectness: 'after-submit',
	reviewFeedback: 'after-submit',
	reviewAnswers: 'after-pass'
};

/**
 * Final exams gate certificates: three timed attempts, the best counts, 80% to pass; which questions were right is
 * shown at once, feedback after passing, right answers only when no attempts remain.
 */
export const finalExamSettings: QuizSettings = {
	passingPercent: 80,
	maxAttempts: 3,
	gradingMethod: 'highest',
	timeLimitSeconds: 45 * 60,
	shuffleQuestions: true,
	shuffleOptions: true,
	drawCount: null,
	reviewCorrectness: 'after-submit',
	reviewFeedback: 'after-pass',
	reviewAnswers: 'after-last-attempt'
};
