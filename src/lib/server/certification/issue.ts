// Issuing certificates. A certificate is issued on the server, once per student and track, the moment every
// requirement of the track is met (lessons/tracks.yaml; completing lessons alone never counts). Nothing a student
// can press issues one: this runs after every graded attempt and every finished lesson.
//
// Concurrency: the check and the insert run in one write transaction, and the partial unique index
// certificates_live_idx (one certificate not revoked per user and track) makes a concurrent second insert do
// nothing, so simultaneous completions create exactly one certificate.

import { and, eq, inArray } from 'drizzle-orm';
import { evaluateTrack, certificateExpiry, type CourseProgress as TrackCourseProgress, type TrackEvaluation } from '$lib/certification/track-rules';
import { generateVerificationCode } from '$lib/certification/code';
import type { Track } from '$lib/certification/schema';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { db, table, type Conn, type Tx } from '../db';
import type { Certificate, CertificateCourse } from '../db/schema';
import { catalog } from '../content/catalog';
import { getCoursesProgress, type CourseProgress } from '../progress/course-progress';

export function findTrack(slug: string): Track | null {
	return catalog.tracks.find((t) => t.id === slug) ?? null;
}

export interface TrackStanding {
	track: Track;
	evaluation: TrackEvaluation;
	/** What a certificate issued now would state about each required course (only courses that exist). */
	courses: CertificateCourse[];
}

/** Checks a track's requirements against the student's progress (inside a transaction when conn is one). */
export async function evaluateTrackFor(userId: number, track: Track, conn: Conn = db): Promise<TrackStanding> {
	const rows = await conn
		.select({ id: table.courses.id, slug: table.courses.slug, title: table.courses.title, ceQuarterHours: table.courses.ceQuarterHours })
		.from(table.courses)
		.where(inArray(table.courses.slug, track.requiredCourses));
	const progressOf = await getCoursesProgress(userId, rows.map((r) => r.id), conn);
	const credits = track.minCeHours > 0 ? await courseCredits(userId, conn) : [];
	return standingFrom(track, rows, progressOf, credits);
}

let catalogTitles: Record<string, string> | undefined;

/**
 * evaluateTrackFor on rows already read: `courses` are the track's required courses that exist, `progressOf` has
 * the student's progress in each, `credits` the student's live course entries of the CE ledger.
 */
export function standingFrom(
	track: Track,
	courses: { id: number; slug: string; title: string; ceQuarterHours: number }[],
	progressOf: Map<number, CourseProgress>,
	credits: CourseCredit[]
): TrackStanding {
	const progressBySlug: Record<string, TrackCourseProgress> = {};
	catalogTitles ??= Object.fromEntries(catalog.courses.map((c) => [c.slug, c.title]));
	const titles: Record<string, string> = { ...catalogTitles };
	const stated: CertificateCourse[] = [];
	for (const slug of track.requiredCourses) {
		const course = courses.find((r) => r.slug === slug);
		if (!course) continue;
		titles[slug] = course.title;
		const progress = progressOf.get(course.id)!;
		const lessonsCompleted = progress.lessons.filter((l) => l.completedAt).length;
		const best = progress.finalExam?.best ?? null;
		if (progress.enrolled || lessonsCompleted > 0 || best !== null) {
			progressBySlug[slug] = {
				lessonsCompleted,
				lessonsTotal: progress.lessons.length,
				finalExamBestPercent: best,
				completedAt: progress.completedAt
			};
		}
		stated.push({
			slug,
			title: course.title,
			ceQuarterHours: course.ceQuarterHours,
			finalPercent: best,
			completedAt: progress.completedAt ? progress.completedAt.toISOString() : ''
		});
	}
	const ceHours = track.minCeHours > 0 ? extraCeHours(credits, courses.map((r) => r.id)) : 0;
	const evaluation = evaluateTrack(track, { courses: progressBySlug, ceHours }, titles);
	return { track, evaluation, courses: stated };
}

/** A live (not withdrawn) entry of the student's CE ledger that Touchstone recorded for a completed course. */
export interface CourseCredit {
	courseId: number | null;
	hundredths: number;
}

async function courseCredits(userId: number, conn: Conn): Promise<CourseCredit[]> {
	const rows = await conn
		.select({ courseId: table.ceEntries.courseId, hundredths: table.ceEntries.hundredths, deletedAt: table.ceEntries.deletedAt })
		.from(table.ceEntries)
		.where(and(eq(table.ceEntries.userId, userId), eq(table.ceEntries.source, 'course')));
	return rows.filter((r) => !r.deletedAt);
}

/**
 * CE hours a track's minCeHours may count: hours Touchstone recorded for completed courses outside the track's own
 * courses. Self-reported hours are not verified here, so they never earn a Touchstone certificate.
 */
function extraCeHours(credits: CourseCredit[], trackCourseIds: number[]): number {
	const hundredths = credits
		.filter((r) => r.courseId === null || !trackCourseIds.includes(r.courseId))
		.reduce((sum, r) => sum + r.hundredths, 0);
	return hundredths / 100;
}

async function hasCertificate(executor: Pick<typeof db, 'select'>, userId: number, trackSlug: string): Promise<boolean> {
	const [row] = await executor
		.select({ id: table.certificates.id })
		.from(table.certificates)
		.where(and(eq(table.certificates.userId, userId), eq(table.certificates.trackSlug, trackSlug)))
		.limit(1);
	return !!row;
}

/** Salt for the hashed email in the Open Badge (kept on the certificate so the badge is rebuilt identically). */
export function randomSalt(): string {
	return encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Issues the certificate of every track whose requirements the student now meets and who has never had one for it
 * (a revoked certificate is not silently replaced: reissuing is an admin's decision). Returns what was issued.
 * Inside `tx` when given (the caller's write transaction), otherwise in a transaction of its own.
 */
export async function issueCertificateIfEarned(userId: number, now = new Date(), tx?: Tx): Promise<Certificate[]> {
	const issued: Certificate[] = [];
	for (const track of catalog.tracks) {
		if (await hasCertificate(tx ?? db, userId, track.id)) continue;
		const standing = await evaluateTrackFor(userId, track, tx);
		if (!standing.evaluation.met) continue;
		const certificate = tx ? await insertCertificate(tx, userId, standing, now) : await db.transaction((t) => insertCertificate(t, userId, standing, now));
		if (certificate) issued.push(certificate);
	}
	return issued;
}

async function insertCertificate(tx: Tx, userId: number, { track, courses }: TrackStanding, now: Date): Promise<Certificate | null> {
	if (await hasCertificate(tx, userId, track.id)) return null;
	const [holder] = await tx.select({ name: table.users.name, email: table.users.email }).from(table.users).where(eq(table.users.id, userId));
	if (!holder) return null;
	const completedAt = new Date(Math.max(...courses.map((c) => Date.parse(c.completedAt))));
	const [row] = await tx
		.insert(table.certificates)
		.values({
			code: generateVerificationCode(),
			userId,
			trackSlug: track.id,
			trackTitle: track.title,
			holderName: holder.name,
			holderEmail: holder.email,
			courses,
			ceQuarterHours: courses.reduce((sum, c) => sum + c.ceQuarterHours, 0),
			completedAt,
			issuedAt: now,
			expiresAt: certificateExpiry(now, track.validityMonths),
			credentialSalt: randomSalt()
		})
		.onConflictDoNothing()
		.returning();
	return row ?? null;
}
