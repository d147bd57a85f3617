import { z } from 'zod';
import { reportStatuses, type ReportStatus } from '$lib/compliance/reporting-rules';

// Queue filters (from the address) and the codes form.

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
