import { z } from 'zod';
import { reportStatuses, type ReportStatus } from '$lib/compliance/reporting-rules';

// Queue filters and reporting periods (from the address), and the codes form.

export function readQueueFilter(params: URLSearchParams) {
	const status = params.get('status') ?? '';
	return {
		status: (reportStatuses as readonly string[]).includes(status) ? (status as ReportStatus) : undefined,
		jurisdiction: params.get('jurisdiction') || undefined,
		course: params.get('course') || undefined
	};
}

/** Selected queue rows, as "user-course-licence" keys. */
export const rowKeysSchema = z.array(z.string().regex(/^\d{1,15}-\d{1,15}-\d{1,15}$/)).min(1, 'Select at least one completion.').max(5000);

export const exportFormatSchema = z.enum(['xls', 'csv'], { error: 'Choose .xls or CSV.' });

export const codeValueSchema = z
	.string()
	.trim()
	.max(40, 'A code can be at most 40 characters.')
	.regex(/^[A-Za-z0-9-]*$/, 'Codes use letters, digits and hyphens only.');

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const real = (v: string | null) => !!v && ISO.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** A reporting period from the address (?from=YYYY-MM-DD&to=YYYY-MM-DD); by default the last 12 months. */
export function readPeriod(params: URLSearchParams, now = new Date()): { from: string; to: string } {
	const to = real(params.get('to')) ? params.get('to')! : now.toISOString().slice(0, 10);
	const yearBefore = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
	const from = real(params.get('from')) ? params.get('from')! : yearBefore;
	return from <= to ? { from, to } : { from: to, to: from };
}
