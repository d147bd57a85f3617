import { describe, expect, it } from 'vitest';
import { afterRating, parseReviewSession, reviewProgress, serializeReviewSession } from './session';

describe('review session progress', () => {
	it('starts at 1 of the questions due now', () => {
		expect(reviewProgress(null, 6)).toEqual({ position: 1, total: 6 });
		expect(reviewProgress(null, 0)).toBeNull();
	});

	it('keeps "of N" stable while questions are rated', () => {
		let session = afterRating(null, 7, 6);
		expect(reviewProgress(session, 5)).toEqual({ position: 2, total: 6 });
		session = afterRating(session, 7, 5);
		expect(reviewProgress(session, 4)).toEqual({ position: 3, total: 6 });
	});

	it('grows N only when more come due than are left, never showing a position past its total', () => {
		const session = { userId: 7, total: 6, done: 5 };
		expect(reviewProgress(session, 1)).toEqual({ position: 6, total: 6 });
		expect(reviewProgress(session, 2)).toEqual({ position: 6, total: 7 });
	});

	it('reads its own cookie only', () => {
		const raw = serializeReviewSession({ userId: 7, total: 6, done: 2 });
		expect(parseReviewSession(raw, 7)).toEqual({ userId: 7, total: 6, done: 2 });
		expect(parseReviewSession(raw, 8)).toBeNull();
		expect(parseReviewSession('7.2.6', 7)).toBeNull();
		expect(parseReviewSession('nonsense', 7)).toBeNull();
		expect(parseReviewSession(undefined, 7)).toBeNull();
	});
});
