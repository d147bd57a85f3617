import { describe, expect, it } from 'vitest';
import { aggregateGrade, attemptDeadline, attemptsLeft, isPastDeadline, reviewVisibility, roundPercent } from './policy';

const ctx = (over: Partial<Parameters<typeof reviewVisibility>[1]> = {}) => ({
	submitted: true,
	passedAny: false,
	noAttemptsLeft: false,
	...over
});

describe('review policy', () => {
	it('shows nothing before submission, whatever the policy', () => {
		const v = reviewVisibility(
			{ reviewCorrectness: 'after-submit', reviewFeedback: 'after-submit', reviewAnswers: 'after-submit' },
			ctx({ submitted: false })
		);
		expect(v).toEqual({ correctness: false, feedback: false, answers: false });
	});

	it('never means never, even after passing and using every attempt', () => {
		const v = reviewVisibility(
			{ reviewCorrectness: 'never', reviewFeedback: 'never', reviewAnswers: 'never' },
			ctx({ passedAny: true, noAttemptsLeft: true })
		);
		expect(v).toEqual({ correctness: false, feedback: false, answers: false });
	});

	it('reveals right answers after passing only once the student has passed', () => {
		const policy = { reviewCorrectness: 'after-submit', reviewFeedback: 'after-submit', reviewAnswers: 'after-pass' } as const;
		expect(reviewVisibility(policy, ctx())).toEqual({ correctness: true, feedback: true, answers: false });
		expect(reviewVisibility(policy, ctx({ passedAny: true })).answers).toBe(true);
	});

	it('reveals after the last attempt only when no attempts remain', () => {
		const policy = { reviewCorrectness: 'after-submit', reviewFeedback: 'after-last-attempt', reviewAnswers: 'after-last-attempt' } as const;
		expect(reviewVisibility(policy, ctx({ passedAny: true }))).toEqual({ correctness: true, feedback: false, answers: false });
		expect(reviewVisibility(policy, ctx({ noAttemptsLeft: true }))).toEqual({ correctness: true, feedback: true, answers: true });
	});

	it('never shows right answers while correctness is hidden', () => {
		const policy = { reviewCorrectness: 'never', reviewFeedback: 'after-submit', reviewAnswers: 'after-submit' } as const;
		expect(reviewVisibility(policy, ctx()).answers).toBe(false);
	});
});

describe('grading across attempts', () => {
	const scores = [60, 90, 75];
	it('takes the highest, last, first or average', () => {
		expect(aggregateGrade('highest', scores)).toBe(90);
		expect(aggregateGrade('last', scores)).toBe(75);
		expect(aggregateGrade('first', scores)).toBe(60);
		expect(aggregateGrade('average', scores)).toBe(75);
		expect(aggregateGrade('highest', [])).toBeNull();
	});

	it('counts attempts left, unlimited as null', () => {
		expect(attemptsLeft(3, 1)).toBe(2);
		expect(attemptsLeft(3, 5)).toBe(0);
		expect(attemptsLeft(null, 99)).toBeNull();
	});

	it('rounds percentages to two decimals', () => {
		expect(roundPercent(2, 3)).toBe(66.67);
		expect(roundPercent(0, 0)).toBe(0);
	});
});

describe('time limits', () => {
	const start = new Date('2026-01-01T10:00:00Z');
	it('puts the deadline at start plus the limit, none without a limit', () => {
		expect(attemptDeadline(start, 600)?.toISOString()).toBe('2026-01-01T10:10:00.000Z');
		expect(attemptDeadline(start, null)).toBeNull();
	});

	it('allows a short grace after the deadline, then refuses', () => {
		const deadline = attemptDeadline(start, 600)!;
		expect(isPastDeadline(deadline, new Date('2026-01-01T10:10:29Z'))).toBe(false);
		expect(isPastDeadline(deadline, new Date('2026-01-01T10:10:31Z'))).toBe(true);
		expect(isPastDeadline(null, new Date('2099-01-01'))).toBe(false);
	});
});
