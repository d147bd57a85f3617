// A review session: how far the student is through the questions due when they began ("3 of 6"). "Of N" is the
// number of questions due when the session started; it grows only when more come due before the session ends (a
// question missed in this session and back within minutes), so it never shows a position beyond its total. The
// session lives in a cookie (it works without JavaScript and survives a reload) and ends after an idle hour.

export interface ReviewSession {
	userId: number;
	total: number;
	done: number;
}

export const REVIEW_SESSION_COOKIE = 'touchstone_review';
export const REVIEW_SESSION_IDLE_SECONDS = 60 * 60;

/** The cookie's "userId.total.done", or null when absent, malformed or another account's. */
export function parseReviewSession(raw: string | undefined, userId: number): ReviewSession | null {
	const match = /^(\d{1,12})\.(\d{1,6})\.(\d{1,6})$/.exec(raw ?? '');
	if (!match) return null;
	const [owner, total, done] = match.slice(1).map(Number);
	if (owner !== userId || done > total) return null;
	return { userId, total, done };
}

export function serializeReviewSession(session: ReviewSession): string {
	return `${session.userId}.${session.total}.${session.done}`;
}

/** The question now shown is `position` of `total`; null when nothing is due. */
export function reviewProgress(session: ReviewSession | null, dueNow: number): { position: number; total: number } | null {
	if (dueNow <= 0) return null;
	const done = session?.done ?? 0;
	return { position: done + 1, total: Math.max(session?.total ?? 0, done + dueNow) };
}

/** The session after one more question was rated; `dueBefore` counts the due questions, the rated one included. */
export function afterRating(session: ReviewSession | null, userId: number, dueBefore: number): ReviewSession {
	const progress = reviewProgress(session, Math.max(1, dueBefore))!;
	return { userId, total: progress.total, done: progress.position };
}
