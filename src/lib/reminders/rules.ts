// Which reminders are due at `now`, as data plus pure functions: thresholds live in `reminderRules`, the facts come
// from the caller (the server's collector), and every reminder carries the idempotency key that makes it sent once.

import type { MailKind } from './categories';

export const DAY_MS = 86_400_000;

/** The thresholds, in one place. A reminder is due at the smallest threshold reached and not yet passed. */
export const reminderRules = {
	'renewal-deadline': { daysBefore: [60, 30, 7] },
	'certificate-expiry': { daysBefore: [60, 14] },
	'review-digest': { everyDays: 7 },
	'evaluation-pending': { daysAfter: 3 },
	'reporting-digest': { everyDays: 7, dueWithinDays: 7 }
} as const;

export interface RenewalFacts {
	profileId: string;
	profileName: string;
	cycleEnd: Date;
	/** Hours still needed, the total first ('total'), then each category short of its minimum. */
	shortfalls: { category: string; missing: number }[];
	/** Courses here whose CE category fills a shortfall (any course for the total). */
	courses: { slug: string; title: string }[];
}
export interface ExpiryFacts {
	certificateId: number;
	trackTitle: string;
	trackSlug: string;
	expiresAt: Date;
}
export interface EvaluationFacts {
	courseId: number;
	courseSlug: string;
	courseTitle: string;
	passedAt: Date;
}

export type ReminderPayload =
	| ({ kind: 'renewal-deadline'; threshold: number; daysLeft: number } & Omit<RenewalFacts, 'cycleEnd'> & { cycleEnd: string })
	| ({ kind: 'certificate-expiry'; threshold: number; daysLeft: number } & Omit<ExpiryFacts, 'expiresAt'> & { expiresAt: string })
	| { kind: 'review-digest'; dueCount: number; week: string }
	| ({ kind: 'evaluation-pending' } & Omit<EvaluationFacts, 'passedAt'> & { passedAt: string })
	| { kind: 'reporting-digest'; dueSoon: number; overdue: number; week: string };

export interface DueReminder {
	kind: MailKind;
	userId: number;
	key: string;
	payload: ReminderPayload;
}

/** Whole days until `end`, a part day counting as a day (as the ledger shows it); 0 or less once passed. */
export function daysUntil(end: Date, now: Date): number {
	return Math.ceil((end.getTime() - now.getTime()) / DAY_MS);
}

/** The smallest threshold with daysLeft ≤ threshold, or null before the first one and once the date has passed. */
export function thresholdReached(daysLeft: number, thresholds: readonly number[]): number | null {
	if (daysLeft <= 0) return null;
	const reached = thresholds.filter((t) => daysLeft <= t);
	return reached.length ? Math.min(...reached) : null;
}

/** user, kind, the cycle or certificate (or course, or week), the threshold. */
export function idempotencyKey(userId: number, kind: MailKind, subject: string, threshold?: number): string {
	return [`u${userId}`, kind, subject, ...(threshold === undefined ? [] : [`d${threshold}`])].join(':');
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function renewalReminder(userId: number, facts: RenewalFacts, now: Date): DueReminder | null {
	const shortfalls = facts.shortfalls.filter((s) => s.missing > 0);
	if (shortfalls.length === 0) return null;
	const daysLeft = daysUntil(facts.cycleEnd, now);
	const threshold = thresholdReached(daysLeft, reminderRules['renewal-deadline'].daysBefore);
	if (threshold === null) return null;
	const cycle = `${facts.profileId}@${isoDay(facts.cycleEnd)}`;
	return {
		kind: 'renewal-deadline',
		userId,
		key: idempotencyKey(userId, 'renewal-deadline', cycle, threshold),
		payload: { kind: 'renewal-deadline', threshold, daysLeft, ...facts, shortfalls, cycleEnd: facts.cycleEnd.toISOString() }
	};
}

export function expiryReminder(userId: number, facts: ExpiryFacts, now: Date): DueReminder | null {
	const daysLeft = daysUntil(facts.expiresAt, now);
	const threshold = thresholdReached(daysLeft, reminderRules['certificate-expiry'].daysBefore);
	if (threshold === null) return null;
	return {
		kind: 'certificate-expiry',
		userId,
		key: idempotencyKey(userId, 'certificate-expiry', `certificate${facts.certificateId}`, threshold),
		payload: { kind: 'certificate-expiry', threshold, daysLeft, ...facts, expiresAt: facts.expiresAt.toISOString() }
	};
}

/** The ISO week of `now` ("2026-W49"): one digest per week at most. */
export function isoWeek(now: Date): string {
	const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	const weekday = d.getUTCDay() || 7;
	d.setUTCDate(d.getUTCDate() + 4 - weekday);
	const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
	const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
	return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function reviewDigest(userId: number, dueCount: number, now: Date): DueReminder | null {
	if (dueCount <= 0) return null;
	const week = isoWeek(now);
	return {
		kind: 'review-digest',
		userId,
		key: idempotencyKey(userId, 'review-digest', week),
		payload: { kind: 'review-digest', dueCount, week }
	};
}

export function evaluationReminder(userId: number, facts: EvaluationFacts, now: Date): DueReminder | null {
	if (now.getTime() - facts.passedAt.getTime() < reminderRules['evaluation-pending'].daysAfter * DAY_MS) return null;
	return {
		kind: 'evaluation-pending',
		userId,
		key: idempotencyKey(userId, 'evaluation-pending', `course${facts.courseId}`),
		payload: { kind: 'evaluation-pending', ...facts, passedAt: facts.passedAt.toISOString() }
	};
}

/** Counts an admin's weekly digest from the reporting queue's rows (status and due date). */
export function reportingCounts(rows: readonly { status: string; dueDate: Date }[], now: Date): { dueSoon: number; overdue: number } {
	const horizon = now.getTime() + reminderRules['reporting-digest'].dueWithinDays * DAY_MS;
	return {
		dueSoon: rows.filter((r) => r.status === 'due' && r.dueDate.getTime() <= horizon).length,
		overdue: rows.filter((r) => r.status === 'overdue').length
	};
}

export function reportingDigest(adminId: number, counts: { dueSoon: number; overdue: number }, now: Date): DueReminder | null {
	if (counts.dueSoon + counts.overdue === 0) return null;
	const week = isoWeek(now);
	return {
		kind: 'reporting-digest',
		userId: adminId,
		key: idempotencyKey(adminId, 'reporting-digest', week),
		payload: { kind: 'reporting-digest', ...counts, week }
	};
}
