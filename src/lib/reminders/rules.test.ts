import { describe, expect, it } from 'vitest';
import { DAY_MS, evaluationReminder, reportingCounts, reportingDigest, expiryReminder, idempotencyKey, isoWeek, renewalReminder, reviewDigest, thresholdReached } from './rules';
import { renderReminder } from './texts';

const now = new Date('2026-12-03T12:00:00Z');
const inDays = (n: number) => new Date(now.getTime() + n * DAY_MS);
const renewal = (days: number, missing = 4) => ({
	profileId: 'ncbtmb',
	profileName: 'NCBTMB',
	cycleEnd: inDays(days),
	shortfalls: [
		{ category: 'total', missing },
		{ category: 'ethics', missing: 0 }
	],
	courses: [{ slug: 'ethics', title: 'Ethics' }]
});

describe('thresholds', () => {
	it('is due at the smallest threshold reached, not before the first and not after the date', () => {
		expect(thresholdReached(61, [60, 30, 7])).toBeNull();
		expect(thresholdReached(60, [60, 30, 7])).toBe(60);
		expect(thresholdReached(31, [60, 30, 7])).toBe(60);
		expect(thresholdReached(30, [60, 30, 7])).toBe(30);
		expect(thresholdReached(8, [60, 30, 7])).toBe(30);
		expect(thresholdReached(7, [60, 30, 7])).toBe(7);
		expect(thresholdReached(1, [60, 30, 7])).toBe(7);
		expect(thresholdReached(0, [60, 30, 7])).toBeNull();
	});
});

describe('renewal deadline', () => {
	it('names the threshold, the cycle and the user in its key, and lists only real shortfalls', () => {
		const r = renewalReminder(5, renewal(30), now)!;
		expect(r.key).toBe('u5:renewal-deadline:ncbtmb@2027-01-02:d30');
		expect(r.payload).toMatchObject({ threshold: 30, daysLeft: 30, shortfalls: [{ category: 'total', missing: 4 }] });
		expect(renewalReminder(5, renewal(60), now)!.key).toMatch(/:d60$/);
		expect(renewalReminder(5, renewal(7), now)!.key).toMatch(/:d7$/);
	});
	it('sends nothing without a shortfall or outside the thresholds', () => {
		expect(renewalReminder(5, renewal(30, 0), now)).toBeNull();
		expect(renewalReminder(5, renewal(90), now)).toBeNull();
		expect(renewalReminder(5, renewal(-1), now)).toBeNull();
	});
	it('keeps one key for every day between two thresholds (sent once per threshold)', () => {
		const keys = new Set([29, 20, 8].map((d) => renewalReminder(5, renewal(d), now)!.key.replace(/@.*:/, ':')));
		expect(keys.size).toBe(1);
	});
});

describe('certificate expiry, review digest, evaluation', () => {
	const cert = { certificateId: 9, trackTitle: 'Practitioner', trackSlug: 'p', expiresAt: inDays(14) };
	it('expiry at 60 and 14 days', () => {
		expect(expiryReminder(1, cert, now)!.key).toBe('u1:certificate-expiry:certificate9:d14');
		expect(expiryReminder(1, { ...cert, expiresAt: inDays(45) }, now)!.key).toMatch(/:d60$/);
		expect(expiryReminder(1, { ...cert, expiresAt: inDays(61) }, now)).toBeNull();
	});
	it('review digest once per ISO week and only with cards due', () => {
		expect(reviewDigest(1, 0, now)).toBeNull();
		expect(reviewDigest(1, 3, now)!.key).toBe('u1:review-digest:2026-W49');
		expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
		expect(reviewDigest(1, 3, inDays(7))!.key).not.toBe(reviewDigest(1, 3, now)!.key);
	});
	it('evaluation pending from three days after the pass', () => {
		const facts = { courseId: 2, courseSlug: 'pain', courseTitle: 'Pain', passedAt: inDays(-3) };
		expect(evaluationReminder(1, facts, now)!.key).toBe(idempotencyKey(1, 'evaluation-pending', 'course2'));
		expect(evaluationReminder(1, { ...facts, passedAt: inDays(-2.9) }, now)).toBeNull();
	});
});

describe('reporting digest', () => {
	it('counts overdue and due within seven days, weekly, and nothing when the queue is clear', () => {
		const rows = [
			{ status: 'overdue', dueDate: inDays(-1) },
			{ status: 'due', dueDate: inDays(7) },
			{ status: 'due', dueDate: inDays(8) },
			{ status: 'reported', dueDate: inDays(-3) }
		];
		expect(reportingCounts(rows, now)).toEqual({ dueSoon: 1, overdue: 1 });
		expect(reportingDigest(3, { dueSoon: 1, overdue: 1 }, now)!.key).toBe('u3:reporting-digest:2026-W49');
		expect(reportingDigest(3, { dueSoon: 0, overdue: 0 }, now)).toBeNull();
	});
});

describe('texts', () => {
	it('say why, what is missing and how to stop, in text and escaped HTML', () => {
		const r = renewalReminder(5, { ...renewal(30), profileName: 'A<b>' }, now)!;
		const mail = renderReminder(r.payload, { origin: 'https://t.example', unsubscribeUrl: 'https://t.example/unsubscribe/x' });
		expect(mail.text).toContain('Still missing: 4 CE hours in total.');
		expect(mail.text).toContain('Why this mail: your A<b> cycle ends on 2 January 2027');
		expect(mail.text).toContain('https://t.example/courses/ethics');
		expect(mail.html).toContain('A&lt;b&gt;');
		expect(mail.html).toContain('href="https://t.example/unsubscribe/x"');
	});
});
