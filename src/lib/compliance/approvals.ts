// Course approvals: data an operator keeps beside each course (lessons/NN-course/approvals.yaml). Certificates and
// reports use the approved title and hours, never numbers recomputed from today's text. Pure: parsing, the
// home-study check against the content, and which approval is valid on a date.

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../content/errors';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export const deliveryTypes = ['home-study', 'live', 'webinar'] as const;

export const approvalSchema = z
	.strictObject({
		body: z.enum(['NCBTMB', 'FL', 'GA', 'NY', 'SC', 'TN', 'TX']),
		approvedTitle: z.string().trim().min(1).max(200),
		/** Approved CE hours, in quarter hours' steps (1.25, 2, ...). */
		approvedHours: z.number().positive().max(100).multipleOf(0.25, 'approved hours come in quarter hours'),
		/** The approval or course number the body assigned; empty until the body has approved the course. */
		number: z.string().trim().max(40),
		deliveryType: z.enum(deliveryTypes),
		validFrom: isoDate,
		validTo: isoDate,
		note: z.string().trim().max(400).optional()
	})
	.refine((a) => a.validFrom <= a.validTo, { path: ['validTo'], message: 'is before validFrom' });

export type Approval = z.infer<typeof approvalSchema>;

export const approvalsFileSchema = z.strictObject({ approvals: z.array(approvalSchema) });

/** Parses one course's approvals.yaml; throws a ContentError naming the file, the entry (from 1) and the field. */
export function parseApprovals(file: string, yamlText: string): Approval[] {
	let data: unknown;
	try {
		data = parseYaml(yamlText);
	} catch (e) {
		throw new ContentError(file, `invalid YAML: ${(e as Error).message}`);
	}
	const parsed = approvalsFileSchema.safeParse(data ?? { approvals: [] });
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const [, index, ...field] = issue.path;
		const where = typeof index === 'number' ? `approval ${index + 1}, field "${field.join('.')}"` : 'file';
		throw new ContentError(file, `${where}: ${issue.message}`);
	}
	return parsed.data.approvals;
}

/** Differences smaller than this between approved and computed hours are not worth a warning. */
export const DRIFT_WARNING_HOURS = 0.25;

/**
 * Checks approvals against what the content supports (quarter hours from the home-study rule): an approval
 * claiming more hours than the text supports is an error; one the text has drifted away from is a warning.
 */
export function checkApprovals(file: string, approvals: readonly Approval[], computedQuarterHours: number): string[] {
	const supported = computedQuarterHours / 4;
	const warnings: string[] = [];
	approvals.forEach((a, i) => {
		if (a.approvedHours > supported)
			throw new ContentError(
				file,
				`approval ${i + 1} (${a.body}): ${a.approvedHours} approved hours exceed the ${supported} the content supports ` +
					'under the home-study rule (12,000 words or 60 media minutes per CE)'
			);
		if (supported - a.approvedHours >= DRIFT_WARNING_HOURS)
			warnings.push(
				`${file}: approval ${i + 1} (${a.body}) is for ${a.approvedHours} hours; the content now supports ${supported}. ` +
					'Certificates keep printing the approved hours; ask the body to re-approve if the course changed.'
			);
	});
	return warnings;
}

/** A usable approval: it has a number and `on` (a YYYY-MM-DD day) falls within its dates. */
export function isApprovalValid(a: Approval, on: string): boolean {
	return a.number.trim() !== '' && a.validFrom <= on && on <= a.validTo;
}

/** The NCBTMB approval valid on the day, the one certificates are issued under; null when there is none. */
export function validCertifyingApproval(approvals: readonly Approval[], on: string): Approval | null {
	return approvals.find((a) => a.body === 'NCBTMB' && isApprovalValid(a, on)) ?? null;
}
