// Quiz rules that decide what a student may do and see. Pure, so they are tested without a server.

/** The one list of each quiz setting's values: the schema, the validation and the studio's forms import these. */
export const quizKinds = ['practice', 'lesson', 'final'] as const;
export const reviewMoments = ['never', 'after-submit', 'after-pass', 'after-last-attempt'] as const;
export const gradingMethods = ['highest', 'last', 'first', 'average'] as const;

export type QuizKind = (typeof quizKinds)[number];
export type ReviewMoment = (typeof reviewMoments)[number];
export type GradingMethod = (typeof gradingMethods)[number];

export interface ReviewPolicy {
	reviewCorrectness: ReviewMoment;
	reviewFeedback: ReviewMoment;
	reviewAnswers: ReviewMoment;
}

export interface ReviewContext {
	/** The attempt being reviewed has been submitted. */
	submitted: boolean;
	/** Any submitted attempt of this student on this quiz passed. */
	passedAny: boolean;
	/** No attempts remain (the maximum is used up). Unlimited quizzes never reach this. */
	noAttemptsLeft: boolean;
}

export interface ReviewVisibility {
	correctness: boolean;
	feedback: boolean;
	answers: boolean;
}

export function momentReached(moment: ReviewMoment, ctx: ReviewContext): boolean {
	if (!ctx.submitted) return false;
	switch (moment) {
		case 'never':
			return false;
		case 'after-submit':
			return true;
		case 'after-pass':
			return ctx.passedAny;
		case 'after-last-attempt':
			return ctx.noAttemptsLeft;
	}
}

/** What the result page may show. Right answers are never shown before correctness. */
export function reviewVisibility(policy: ReviewPolicy, ctx: ReviewContext): ReviewVisibility {
	const correctness = momentReached(policy.reviewCorrectness, ctx);
	return {
		correctness,
		feedback: momentReached(policy.reviewFeedback, ctx),
		answers: correctness && momentReached(policy.reviewAnswers, ctx)
	};
}

/** The quiz grade across submitted attempts, given in the order they were taken. */
export function aggregateGrade(method: GradingMethod, percentsInOrder: number[]): number | null {
	if (percentsInOrder.length === 0) return null;
	switch (method) {
		case 'highest':
			return Math.max(...percentsInOrder);
		case 'last':
			return percentsInOrder[percentsInOrder.length - 1];
		case 'first':
			return percentsInOrder[0];
		case 'average':
			return percentsInOrder.reduce((a, b) => a + b, 0) / percentsInOrder.length;
	}
}

export function attemptsLeft(maxAttempts: number | null, used: number): number | null {
	return maxAttempts === null ? null : Math.max(0, maxAttempts - used);
}

/** Answers arriving this long after the deadline still count: network and clock drift, not extra time. */
export const DEADLINE_GRACE_MS = 30_000;

export function attemptDeadline(startedAt: Date, timeLimitSeconds: number | null): Date | null {
	return timeLimitSeconds === null ? null : new Date(startedAt.getTime() + timeLimitSeconds * 1000);
}

/** Past the deadline plus grace: saves are refused and the attempt is submitted with what it has. */
export function isPastDeadline(deadline: Date | null, now: Date): boolean {
	return deadline !== null && now.getTime() > deadline.getTime() + DEADLINE_GRACE_MS;
}

export function roundPercent(points: number, maxPoints: number): number {
	if (maxPoints <= 0) return 0;
	return Math.round((points / maxPoints) * 10000) / 100;
}
