// What a certification track requires, checked against one learner's progress, plus the dates on the certificate
// it leads to. Pure: the caller loads progress from the database and passes it in.
//
// Dates are handled in UTC so the result does not depend on the server's time zone.

import { formatCeHours } from '../format';
import type { Track } from './schema';

export interface CourseProgress {
	lessonsCompleted: number;
	lessonsTotal: number;
	/** Best final-exam score as a percentage (0–100), or null if the final exam has never been submitted. */
	finalExamBestPercent: number | null;
	/** When the course was completed (every lesson done), or null. */
	completedAt: Date | null;
}

export interface TrackProgress {
	/** Progress by course slug; a course missing here has not been started. */
	courses: Record<string, CourseProgress>;
	/** CE hours the learner has earned that this track may count (compared with track.minCeHours). */
	ceHours: number;
}

export type RequirementStatus = 'met' | 'in-progress' | 'not-started';

export interface Requirement {
	/** `course:<slug>` or `ce-hours`. */
	id: string;
	label: string;
	status: RequirementStatus;
	detail: string;
}

export interface TrackEvaluation {
	requirements: Requirement[];
	/** True only when every requirement is met. */
	met: boolean;
}

export type TrackRules = Pick<Track, 'requiredCourses' | 'minFinalExamPercent' | 'minCeHours'>;

function formatPercent(value: number): string {
	return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}


function evaluateCourse(slug: string, title: string, min: number, progress: CourseProgress | undefined): Requirement {
	const id = `course:${slug}`;
	const label = `Complete “${title}” and score at least ${formatPercent(min)} on its final exam`;
	if (!progress) return { id, label, status: 'not-started', detail: 'Not started.' };

	const { lessonsCompleted, lessonsTotal, finalExamBestPercent: best, completedAt } = progress;
	const completed = completedAt !== null;
	const passed = best !== null && best >= min;
	const lessons = completed ? 'Course completed' : `${lessonsCompleted} of ${lessonsTotal} lessons completed`;
	const exam =
		best === null
			? 'final exam not yet taken'
			: `best final exam ${formatPercent(best)}${passed ? '' : ` (needs ${formatPercent(min)})`}`;
	const detail = `${lessons}; ${exam}.`;

	// Completion alone never counts: the final exam must be passed too (and vice versa).
	if (completed && passed) return { id, label, status: 'met', detail };
	const started = completed || lessonsCompleted > 0 || best !== null;
	return { id, label, status: started ? 'in-progress' : 'not-started', detail };
}

/**
 * Checks every requirement of a track. One requirement per required course (met only when the course is
 * completed AND its best final exam is at least minFinalExamPercent; in progress as soon as anything was done),
 * plus a CE-hours requirement when the track's minCeHours is above 0.
 *
 * `courseTitles` (slug → title) only improves the labels; slugs are used when a title is missing.
 */
export function evaluateTrack(
	track: TrackRules,
	progress: TrackProgress,
	courseTitles: Record<string, string> = {}
): TrackEvaluation {
	const requirements = track.requiredCourses.map((slug) =>
		evaluateCourse(
			slug,
			courseTitles[slug] ?? slug,
			track.minFinalExamPercent,
			Object.hasOwn(progress.courses, slug) ? progress.courses[slug] : undefined
		)
	);
	if (track.minCeHours > 0) {
		const earned = Math.max(0, progress.ceHours);
		const status: RequirementStatus =
			earned >= track.minCeHours ? 'met' : earned > 0 ? 'in-progress' : 'not-started';
		requirements.push({
			id: 'ce-hours',
			label: `Earn at least ${formatCeHours(track.minCeHours)}`,
			status,
			detail: `${formatCeHours(earned)} of ${formatCeHours(track.minCeHours)} earned.`
		});
	}
	return { requirements, met: requirements.length > 0 && requirements.every((r) => r.status === 'met') };
}

function assertValidDate(date: Date, name: string): void {
	if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date`);
}

/**
 * Adds calendar months in UTC, keeping the time of day. When the target month is shorter, the day is clamped to
 * its last day: 31 Jan + 1 month = 28 Feb (29 Feb in a leap year), 29 Feb 2024 + 12 months = 28 Feb 2025.
 */
export function addCalendarMonths(date: Date, months: number): Date {
	assertValidDate(date, 'date');
	if (!Number.isInteger(months)) throw new RangeError('months must be a whole number');
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const result = new Date(date.getTime());
	result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
	return result;
}

/**
 * When a certificate issued at `issuedAt` expires: `validityMonths` calendar months later (see
 * addCalendarMonths for month ends). The certificate is valid up to, but not including, this instant.
 */
export function certificateExpiry(issuedAt: Date, validityMonths: number): Date {
	if (!Number.isInteger(validityMonths) || validityMonths < 1)
		throw new RangeError('validityMonths must be a whole number of at least 1');
	return addCalendarMonths(issuedAt, validityMonths);
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

/**
 * A certificate's status at `now`. Revocation wins over everything (a revoked certificate never shows as valid,
 * whatever the dates); otherwise it is expired from `expiresAt` on. `expiresAt: null` means it never expires.
 */
export function certificateStatus(
	certificate: { expiresAt: Date | null; revokedAt: Date | null },
	now: Date
): CertificateStatus {
	if (certificate.revokedAt) return 'revoked';
	if (certificate.expiresAt && now.getTime() >= certificate.expiresAt.getTime()) return 'expired';
	return 'valid';
}
