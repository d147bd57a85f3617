import { describe, expect, it } from 'vitest';
import type { CourseProgress, TrackProgress } from './track-rules';
import { addCalendarMonths, certificateExpiry, certificateStatus, evaluateTrack } from './track-rules';

const track = {
	requiredCourses: ['science-of-massage', 'safe-practice-on-the-care-team'],
	minFinalExamPercent: 80,
	minCeHours: 0
};

const done = (finalExamBestPercent: number | null = 90): CourseProgress => ({
	lessonsCompleted: 6,
	lessonsTotal: 6,
	finalExamBestPercent,
	completedAt: new Date('2025-03-01T10:00:00Z')
});

const progress = (courses: Record<string, CourseProgress>, ceHours = 0): TrackProgress => ({ courses, ceHours });
const utc = (iso: string) => new Date(iso);

describe('evaluateTrack', () => {
	it('is met when every course is completed and its final exam is at least the minimum', () => {
		const result = evaluateTrack(
			track,
			progress({ 'science-of-massage': done(80), 'safe-practice-on-the-care-team': done(100) })
		);
		expect(result.met).toBe(true);
		expect(result.requirements.map((r) => [r.id, r.status])).toEqual([
			['course:science-of-massage', 'met'],
			['course:safe-practice-on-the-care-team', 'met']
		]);
		expect(result.requirements[0].detail).toBe('Course completed; best final exam 80%.');
	});

	it('never counts completion alone: a completed course below the exam minimum is in progress', () => {
		const result = evaluateTrack(
			track,
			progress({ 'science-of-massage': done(79.5), 'safe-practice-on-the-care-team': done(null) })
		);
		expect(result.met).toBe(false);
		expect(result.requirements[0]).toMatchObject({
			status: 'in-progress',
			detail: 'Course completed; best final exam 79.5% (needs 80%).'
		});
		expect(result.requirements[1]).toMatchObject({
			status: 'in-progress',
			detail: 'Course completed; final exam not yet taken.'
		});
	});

	it('never counts a passed exam without completion', () => {
		const result = evaluateTrack(
			track,
			progress({
				'science-of-massage': { lessonsCompleted: 5, lessonsTotal: 6, finalExamBestPercent: 95, completedAt: null },
				'safe-practice-on-the-care-team': done()
			})
		);
		expect(result.met).toBe(false);
		expect(result.requirements[0]).toMatchObject({
			status: 'in-progress',
			detail: '5 of 6 lessons completed; best final exam 95%.'
		});
	});

	it('distinguishes not started from in progress', () => {
		const result = evaluateTrack(
			track,
			progress({
				'science-of-massage': { lessonsCompleted: 0, lessonsTotal: 6, finalExamBestPercent: null, completedAt: null }
			})
		);
		expect(result.requirements.map((r) => r.status)).toEqual(['not-started', 'not-started']);
		expect(result.requirements[1].detail).toBe('Not started.');
		const started = evaluateTrack(
			track,
			progress({
				'science-of-massage': { lessonsCompleted: 1, lessonsTotal: 6, finalExamBestPercent: null, completedAt: null },
				'safe-practice-on-the-care-team': { lessonsCompleted: 0, lessonsTotal: 5, finalExamBestPercent: 40, completedAt: null }
			})
		);
		expect(started.requirements.map((r) => r.status)).toEqual(['in-progress', 'in-progress']);
	});

	it('uses course titles for labels when given', () => {
		const result = evaluateTrack(track, progress({}), { 'science-of-massage': 'The Science of Massage' });
		expect(result.requirements[0].label).toBe(
			'Complete “The Science of Massage” and score at least 80% on its final exam'
		);
		expect(result.requirements[1].label).toContain('“safe-practice-on-the-care-team”');
	});

	it('does not read inherited properties as progress', () => {
		const result = evaluateTrack({ ...track, requiredCourses: ['constructor'] }, progress({}));
		expect(result.requirements[0].status).toBe('not-started');
	});

	it('adds a CE-hours requirement only when minCeHours is above 0', () => {
		const courses = { 'science-of-massage': done(), 'safe-practice-on-the-care-team': done() };
		expect(evaluateTrack(track, progress(courses)).requirements).toHaveLength(2);
		const withHours = { ...track, minCeHours: 10 };
		const short = evaluateTrack(withHours, progress(courses, 7.5));
		expect(short.met).toBe(false);
		expect(short.requirements[2]).toEqual({
			id: 'ce-hours',
			label: 'Earn at least 10 CE hours',
			status: 'in-progress',
			detail: '7.5 CE hours of 10 CE hours earned.'
		});
		expect(evaluateTrack(withHours, progress(courses, 0)).requirements[2].status).toBe('not-started');
		expect(evaluateTrack(withHours, progress(courses, 10)).met).toBe(true);
	});
});

describe('certificateExpiry', () => {
	it('adds calendar months and keeps the time of day', () => {
		expect(certificateExpiry(utc('2025-03-15T14:30:00Z'), 24)).toEqual(utc('2027-03-15T14:30:00Z'));
		expect(certificateExpiry(utc('2025-11-30T00:00:00Z'), 3)).toEqual(utc('2026-02-28T00:00:00Z'));
	});

	it('clamps to the end of a shorter month', () => {
		expect(certificateExpiry(utc('2025-01-31T09:00:00Z'), 1)).toEqual(utc('2025-02-28T09:00:00Z'));
		expect(certificateExpiry(utc('2024-01-31T09:00:00Z'), 1)).toEqual(utc('2024-02-29T09:00:00Z'));
		expect(certificateExpiry(utc('2025-03-31T00:00:00Z'), 1)).toEqual(utc('2025-04-30T00:00:00Z'));
	});

	it('handles leap days', () => {
		expect(certificateExpiry(utc('2024-02-29T12:00:00Z'), 12)).toEqual(utc('2025-02-28T12:00:00Z'));
		expect(certificateExpiry(utc('2024-02-29T12:00:00Z'), 24)).toEqual(utc('2026-02-28T12:00:00Z'));
		expect(certificateExpiry(utc('2024-02-29T12:00:00Z'), 48)).toEqual(utc('2028-02-29T12:00:00Z'));
	});

	it('does not modify its input and refuses bad arguments', () => {
		const issued = utc('2025-01-31T00:00:00Z');
		certificateExpiry(issued, 1);
		expect(issued).toEqual(utc('2025-01-31T00:00:00Z'));
		expect(() => certificateExpiry(issued, 0)).toThrow(RangeError);
		expect(() => certificateExpiry(issued, 1.5)).toThrow(RangeError);
		expect(() => certificateExpiry(new Date('nope'), 12)).toThrow(RangeError);
	});
});

describe('addCalendarMonths', () => {
	it('goes backwards and across years', () => {
		expect(addCalendarMonths(utc('2025-03-31T00:00:00Z'), -1)).toEqual(utc('2025-02-28T00:00:00Z'));
		expect(addCalendarMonths(utc('2025-12-15T00:00:00Z'), 1)).toEqual(utc('2026-01-15T00:00:00Z'));
		expect(addCalendarMonths(utc('2025-01-15T00:00:00Z'), -13)).toEqual(utc('2023-12-15T00:00:00Z'));
	});
});

describe('certificateStatus', () => {
	const expiresAt = utc('2027-03-15T00:00:00Z');

	it('is valid until the expiry instant and expired from it', () => {
		expect(certificateStatus({ expiresAt, revokedAt: null }, utc('2027-03-14T23:59:59.999Z'))).toBe('valid');
		expect(certificateStatus({ expiresAt, revokedAt: null }, expiresAt)).toBe('expired');
		expect(certificateStatus({ expiresAt, revokedAt: null }, utc('2030-01-01T00:00:00Z'))).toBe('expired');
	});

	it('is revoked whatever the dates', () => {
		const revokedAt = utc('2026-01-01T00:00:00Z');
		expect(certificateStatus({ expiresAt, revokedAt }, utc('2026-06-01T00:00:00Z'))).toBe('revoked');
		expect(certificateStatus({ expiresAt, revokedAt }, utc('2030-01-01T00:00:00Z'))).toBe('revoked');
	});

	it('never expires without an expiry date', () => {
		expect(certificateStatus({ expiresAt: null, revokedAt: null }, utc('2100-01-01T00:00:00Z'))).toBe('valid');
	});
});
