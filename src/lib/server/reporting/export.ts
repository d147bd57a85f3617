// Exporting completions in CE Broker's roster upload format (columns A-H, one row per completion) as legacy .xls
// (BIFF8, which the upload asks for) or CSV, and marking an exported batch as reported.
//
// BIFF8 is written with @e965/xlsx: the npm registry's `xlsx` stopped at 0.18.5 (2022, with published advisories),
// and SheetJS now publishes elsewhere; @e965/xlsx republishes the official SheetJS Community Edition builds
// (0.20.3) to npm. No other maintained npm library writes BIFF8. Cells are written as text, never formulas.

import * as XLSX from '@e965/xlsx';
import { toCsv } from '$lib/analytics/csv';
import { buildRoster, type RosterResult } from '$lib/compliance/reporting-rules';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';
import { getProvider } from '../provider/settings';
import { codeKey, codeOf, listReportingCodes } from './codes';
import { reportingQueue, type QueueRow } from './queue';

/** The queue rows with these keys, in queue order (unknown keys are ignored). */
export async function selectedRows(keys: readonly string[]): Promise<QueueRow[]> {
	const wanted = new Set(keys);
	return (await reportingQueue()).filter((r) => wanted.has(r.key));
}

export async function rosterFor(rows: readonly QueueRow[]): Promise<RosterResult> {
	const [provider, codes] = await Promise.all([getProvider(), listReportingCodes()]);
	return buildRoster(
		rows.map((r) => ({
			label: `${r.learner}, ${r.courseTitle} (${r.jurisdiction})`,
			providerNumber: provider.providerNumber ?? '',
			courseNumber: codeOf(codes, 'course', codeKey(r.jurisdiction, r.courseSlug)),
			licenceNumber: r.licenceNumber,
			completedAt: r.completedAt,
			state: r.jurisdiction,
			professionCode: codeOf(codes, 'profession', codeKey(r.jurisdiction, r.profession))
		}))
	);
}

export function rosterXls(rows: string[][]): Uint8Array {
	const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((v) => v)), { cellDates: false });
	// Every cell is text (licence numbers keep leading zeros; nothing is read as a number or a formula).
	for (const ref of Object.keys(sheet)) if (!ref.startsWith('!')) sheet[ref].t = 's';
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, sheet, 'Roster');
	return XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Uint8Array;
}

export function rosterCsv(rows: string[][]): string {
	return toCsv(rows);
}

/** A batch id an admin can quote: R-20261203-151200-3f9a. */
export function newBatchId(now = new Date()): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `R-${stamp}-${crypto.randomUUID().slice(0, 4)}`;
}

/** Marks the rows reported in one batch (rows already reported keep their first batch) and audits it. */
export async function markReported(actorId: number, rows: readonly QueueRow[], now = new Date()): Promise<{ batch: string; marked: number }> {
	const batch = newBatchId(now);
	const marked = await db.transaction(async (tx) => {
		const inserted = await tx
			.insert(table.completionReports)
			.values(rows.map((r) => ({ userId: r.userId, courseId: r.courseId, licenceId: r.licenceId, batch, reportedAt: now, reportedBy: actorId })))
			.onConflictDoNothing()
			.returning({ userId: table.completionReports.userId });
		await recordAudit('reporting.report', actorId, `batch:${batch}`, `${inserted.length} completions marked reported: ${rows.map((r) => r.key).join(', ')}`, tx);
		return inserted.length;
	});
	return { batch, marked };
}
