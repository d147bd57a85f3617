// The CE-hours ledger. Touchstone writes one entry per completed course (hours computed from the course, never
// typed); students add hours earned elsewhere, which stay marked as self-reported. Hours are stored in hundredths
// of an hour. Entries are never deleted: a student's own self-reported entry can be withdrawn (deletedAt), and a
// withdrawn entry no longer counts anywhere.

import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { CeEntry as CycleEntry } from '$lib/certification/ce-cycles';
import type { CeHourCategory } from '$lib/certification/schema';
import { db, table, type Conn } from '../db';
import { config } from '../env';

/** Quarter hours (courses) to hundredths (ledger). */
export const QUARTER_TO_HUNDREDTHS = 25;

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/**
 * Adds the CE hours of every course the student has completed and not yet been credited for. Idempotent: the
 * unique index on (user, course) for course entries makes a repeated or concurrent call insert nothing new.
 */
export async function recordCourseCredits(userId: number, conn: Conn = db): Promise<number> {
	const completed = await conn
		.select({
			courseId: table.courses.id,
			title: table.courses.title,
			category: table.courses.ceCategory,
			quarterHours: table.courses.ceQuarterHours,
			completedAt: table.enrollments.completedAt
		})
		.from(table.enrollments)
		.innerJoin(table.courses, eq(table.courses.id, table.enrollments.courseId))
		.leftJoin(
			table.ceEntries,
			and(
				eq(table.ceEntries.userId, table.enrollments.userId),
				eq(table.ceEntries.courseId, table.courses.id),
				eq(table.ceEntries.source, 'course')
			)
		)
		.where(and(eq(table.enrollments.userId, userId), isNotNull(table.enrollments.completedAt), isNull(table.ceEntries.id)));
	const rows = completed.filter((c) => c.quarterHours > 0 && c.completedAt);
	if (rows.length === 0) return 0;
	const inserted = await conn
		.insert(table.ceEntries)
		.values(
			rows.map((c) => ({
				userId,
				source: 'course' as const,
				courseId: c.courseId,
				provider: config.PROVIDER_NAME,
				title: c.title,
				earnedOn: isoDay(c.completedAt!),
				hundredths: c.quarterHours * QUARTER_TO_HUNDREDTHS,
				category: c.category,
				selfStudy: true
			}))
		)
		.onConflictDoNothing()
		.returning({ id: table.ceEntries.id });
	return inserted.length;
}

export interface SelfReportedEntryInput {
	provider: string;
	title: string;
	/** YYYY-MM-DD */
	earnedOn: string;
	/** Hours, at most two decimals. */
	hours: number;
	category: CeHourCategory;
	/** Home study rather than live, in-person instruction. */
	selfStudy: boolean;
}

export async function addSelfReportedEntry(userId: number, input: SelfReportedEntryInput): Promise<number> {
	const [row] = await db
		.insert(table.ceEntries)
		.values({
			userId,
			source: 'self-reported',
			courseId: null,
			provider: input.provider,
			title: input.title,
			earnedOn: input.earnedOn,
			hundredths: Math.round(input.hours * 100),
			category: input.category,
			selfStudy: input.selfStudy
		})
		.returning({ id: table.ceEntries.id });
	return row.id;
}

/** Withdraws one of the student's own self-reported entries (kept, marked deleted). False when there is none. */
export async function removeSelfReportedEntry(userId: number, entryId: number): Promise<boolean> {
	const updated = await db
		.update(table.ceEntries)
		.set({ deletedAt: new Date() })
		.where(
			and(
				eq(table.ceEntries.id, entryId),
				eq(table.ceEntries.userId, userId),
				eq(table.ceEntries.source, 'self-reported'),
				isNull(table.ceEntries.deletedAt)
			)
		)
		.returning({ id: table.ceEntries.id });
	return updated.length > 0;
}

export interface LedgerEntry {
	id: number;
	source: 'course' | 'self-reported';
	provider: string;
	title: string;
	earnedOn: string;
	hours: number;
	category: string;
	selfStudy: boolean;
}

/** The student's current entries, newest first. */
export async function listLedger(userId: number): Promise<LedgerEntry[]> {
	const rows = await db
		.select()
		.from(table.ceEntries)
		.where(and(eq(table.ceEntries.userId, userId), isNull(table.ceEntries.deletedAt)))
		.orderBy(desc(table.ceEntries.earnedOn), desc(table.ceEntries.id));
	return rows.map((r) => ({
		id: r.id,
		source: r.source,
		provider: r.provider,
		title: r.title,
		earnedOn: r.earnedOn,
		hours: r.hundredths / 100,
		category: r.category,
		selfStudy: r.selfStudy
	}));
}

/** Ledger entries in the form the renewal-cycle rules take (dates at UTC midnight). */
export function toCycleEntries(entries: readonly LedgerEntry[]): CycleEntry[] {
	return entries.map((e) => ({
		date: new Date(`${e.earnedOn}T00:00:00Z`),
		hours: e.hours,
		category: e.category,
		selfReported: e.source === 'self-reported',
		selfStudy: e.selfStudy
	}));
}
