// The facts the reminder rules need, read for every verified user at `now`, turned into due reminders by the pure
// rules ($lib/reminders/rules). Read-only; enqueueing is the runner's job.

import { and, eq, gt, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { evaluateCycle } from '$lib/certification/ce-cycles';
import type { CeProfile } from '$lib/certification/schema';
import { evaluationReminder, expiryReminder, renewalReminder, reportingCounts, reportingDigest, reviewDigest, DAY_MS, type DueReminder } from '$lib/reminders/rules';
import { db, table } from '../db';
// Not renewal.ts: it reads the bundled catalog, which `npm run jobs` (plain tsx, no Vite) cannot load.
import { listLedger, toCycleEntries } from '../certification/ledger';
import { countDueCards } from '../review/queue';

const verified = isNotNull(table.users.emailVerifiedAt);

/** "NCBTMB Board Certification renewal (24 CE hours ...), check with your board" → "NCBTMB Board Certification renewal". */
const shortLabel = (label: string) => label.split(/ \(|, check with/)[0];

async function renewalReminders(now: Date, profiles: readonly CeProfile[]): Promise<DueReminder[]> {
	const choices = await db
		.select({ userId: table.ceProfileChoices.userId, profileId: table.ceProfileChoices.profileId, cycleStart: table.ceProfileChoices.cycleStart })
		.from(table.ceProfileChoices)
		.innerJoin(table.users, and(eq(table.users.id, table.ceProfileChoices.userId), verified));
	if (choices.length === 0) return [];
	const courses = await db
		.select({ slug: table.courses.slug, title: table.courses.title, category: table.courses.ceCategory })
		.from(table.courses)
		.where(and(eq(table.courses.active, true), gt(table.courses.ceQuarterHours, 0)))
		.orderBy(table.courses.position);
	const due: DueReminder[] = [];
	for (const userId of new Set(choices.map((c) => c.userId))) {
		const entries = toCycleEntries(await listLedger(userId));
		for (const choice of choices.filter((c) => c.userId === userId)) {
			const profile = profiles.find((p) => p.id === choice.profileId);
			const start = new Date(`${choice.cycleStart}T00:00:00Z`);
			if (!profile || Number.isNaN(start.getTime())) continue;
			const evaluation = evaluateCycle(profile, entries, start, now);
			const short = evaluation.byCategory.filter((c) => c.missing > 0).map((c) => ({ category: c.category, missing: c.missing }));
			const shortfalls = [{ category: 'total', missing: evaluation.missingTotal }, ...short];
			const filling = short.length ? courses.filter((c) => short.some((s) => s.category === c.category)) : courses;
			const facts = {
				profileId: profile.id,
				profileName: shortLabel(profile.label),
				cycleEnd: evaluation.cycleEnd,
				shortfalls,
				courses: filling.map(({ slug, title }) => ({ slug, title }))
			};
			const reminder = renewalReminder(userId, facts, now);
			if (reminder) due.push(reminder);
		}
	}
	return due;
}

async function expiryReminders(now: Date): Promise<DueReminder[]> {
	const rows = await db
		.select({ userId: table.certificates.userId, id: table.certificates.id, trackTitle: table.certificates.trackTitle, trackSlug: table.certificates.trackSlug, expiresAt: table.certificates.expiresAt })
		.from(table.certificates)
		.innerJoin(table.users, and(eq(table.users.id, table.certificates.userId), verified))
		.where(and(isNull(table.certificates.revokedAt), gt(table.certificates.expiresAt, now), lte(table.certificates.expiresAt, new Date(now.getTime() + 61 * DAY_MS))));
	return rows.flatMap((r) => expiryReminder(r.userId, { certificateId: r.id, trackTitle: r.trackTitle, trackSlug: r.trackSlug, expiresAt: r.expiresAt! }, now) ?? []);
}

async function reviewDigests(now: Date): Promise<DueReminder[]> {
	// Opt-in: only users who switched the digest on have a row saying so.
	const rows = await db
		.select({ userId: table.emailPreferences.userId })
		.from(table.emailPreferences)
		.innerJoin(table.users, and(eq(table.users.id, table.emailPreferences.userId), verified))
		.where(and(eq(table.emailPreferences.category, 'review'), eq(table.emailPreferences.enabled, true)));
	const due: DueReminder[] = [];
	for (const { userId } of rows) {
		const reminder = reviewDigest(userId, await countDueCards(userId, now), now);
		if (reminder) due.push(reminder);
	}
	return due;
}

async function evaluationReminders(now: Date): Promise<DueReminder[]> {
	const passedAt = sql<number>`min(${table.attempts.submittedAt})`;
	const rows = await db
		.select({ userId: table.attempts.userId, courseId: table.courses.id, slug: table.courses.slug, title: table.courses.title, passedAt })
		.from(table.attempts)
		.innerJoin(table.quizzes, and(eq(table.quizzes.id, table.attempts.quizId), eq(table.quizzes.kind, 'final')))
		.innerJoin(table.courses, eq(table.courses.id, table.quizzes.courseId))
		.innerJoin(table.users, and(eq(table.users.id, table.attempts.userId), verified))
		.leftJoin(table.courseEvaluations, and(eq(table.courseEvaluations.userId, table.attempts.userId), eq(table.courseEvaluations.courseId, table.courses.id)))
		.where(and(eq(table.attempts.status, 'submitted'), eq(table.attempts.passed, true), isNull(table.courseEvaluations.id)))
		.groupBy(table.attempts.userId, table.courses.id);
	return rows.flatMap(
		(r) => evaluationReminder(r.userId, { courseId: r.courseId, courseSlug: r.slug, courseTitle: r.title, passedAt: new Date(Number(r.passedAt)) }, now) ?? []
	);
}

/** What the collector cannot read itself: both come from bundled content, which `npm run jobs` (plain tsx) lacks. */
export interface ReminderSources {
	/** The CE renewal profiles (lessons/ce-profiles.yaml). */
	profiles: readonly CeProfile[];
	/** The compliance reporting queue; without it (npm run jobs) no reporting digest is enqueued. */
	reportingQueue?: (now: Date) => Promise<readonly { status: string; dueDate: Date }[]>;
}

async function reportingDigests(now: Date, queue: ReminderSources['reportingQueue']): Promise<DueReminder[]> {
	if (!queue) return [];
	const admins = await db
		.select({ id: table.users.id })
		.from(table.users)
		.where(and(eq(table.users.role, 'admin'), verified));
	if (admins.length === 0) return [];
	const counts = reportingCounts(await queue(now), now);
	return admins.flatMap((a) => reportingDigest(a.id, counts, now) ?? []);
}

/** Every reminder due at `now` (already-sent ones included: the idempotency key drops them on enqueue). */
export async function collectDueReminders(now: Date, sources: ReminderSources): Promise<DueReminder[]> {
	const parts = await Promise.all([
		renewalReminders(now, sources.profiles),
		expiryReminders(now),
		reviewDigests(now),
		evaluationReminders(now),
		reportingDigests(now, sources.reportingQueue)
	]);
	return parts.flat();
}
