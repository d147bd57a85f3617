// Reporting completions to a state's tracking system: when each is due, its status, and the rows of CE Broker's
// documented roster upload (one row per completion, columns A-H). Pure.

import type { Reporting } from './jurisdictions';

const DAY_MS = 86_400_000;

export type ReportStatus = 'due' | 'overdue' | 'reported';
export const reportStatuses: readonly ReportStatus[] = ['due', 'overdue', 'reported'];

/** The last day to report: `days` calendar days after the completion (UTC). */
export function reportDueDate(completedAt: Date, reporting: Pick<Reporting, 'days'>): Date {
	const day = Date.UTC(completedAt.getUTCFullYear(), completedAt.getUTCMonth(), completedAt.getUTCDate());
	return new Date(day + reporting.days * DAY_MS);
}

/** Reported once marked; overdue from the day after the due date; due until then. */
export function reportStatus(dueDate: Date, reportedAt: Date | null, now: Date): ReportStatus {
	if (reportedAt) return 'reported';
	return now.getTime() >= dueDate.getTime() + DAY_MS ? 'overdue' : 'due';
}

export interface RosterSource {
	/** A label naming the row in messages, e.g. "Sam Student, The Science of Massage". */
	label: string;
	providerNumber: string;
	courseNumber: string | null;
	licenceNumber: string;
	completedAt: Date;
	state: string;
	professionCode: string | null;
}

/** A, B, D, E, F, G, H of CE Broker's roster upload (C, the provider's own course id, is left empty when B is given). */
export const ROSTER_COLUMNS = [
	'Provider number',
	'Course number',
	'Provider course id',
	'Publishing number',
	'License number',
	'Completion date',
	'State',
	'Profession'
] as const;

/** MM/DD/YYYY, as US tracking systems read dates. */
export function rosterDate(date: Date): string {
	const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
	const dd = String(date.getUTCDate()).padStart(2, '0');
	return `${mm}/${dd}/${date.getUTCFullYear()}`;
}

/** CE Broker's own prefixes ("50-" provider, "20-" course) are dropped, as the upload format asks. */
const strip = (value: string, prefix: string) => (value.startsWith(prefix) ? value.slice(prefix.length) : value).trim();

export type RosterResult = { ok: true; rows: string[][] } | { ok: false; problems: string[] };

/** The roster rows, or every row that cannot be exported and why (then nothing is exported). */
export function buildRoster(sources: readonly RosterSource[]): RosterResult {
	const problems: string[] = [];
	for (const s of sources) {
		const missing: string[] = [];
		if (!s.providerNumber.trim()) missing.push('the provider number');
		if (!s.courseNumber?.trim()) missing.push(`the CE Broker course number for ${s.state}`);
		if (!s.licenceNumber.trim()) missing.push('the licence number');
		if (!s.professionCode?.trim()) missing.push(`the profession code for ${s.state}`);
		if (missing.length) problems.push(`${s.label}: missing ${missing.join(', ')}`);
	}
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		rows: sources.map((s) => [
			strip(s.providerNumber, '50-'),
			strip(s.courseNumber!, '20-'),
			'',
			'',
			s.licenceNumber.trim(),
			rosterDate(s.completedAt),
			`State=${s.state}`,
			`Profession=${s.professionCode!.trim()}`
		])
	};
}
