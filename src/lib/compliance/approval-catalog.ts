// Every course's approvals, read from lessons/NN-course/approvals.yaml and checked against the course's content.
// The build runs this (scripts/vite-plugin-lessons.ts) so a bad file fails there; the server runs it again on the
// bundled files, and on an operator's override file (APPROVALS_FILE) when one is configured.

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../content/errors';
import { approvalSchema, checkApprovals, parseApprovals, type Approval } from './approvals';

export interface CourseHours {
	slug: string;
	/** The course folder, e.g. "/lessons/01-science-of-massage". */
	dir: string;
	ceQuarterHours: number;
}

export interface ApprovalCatalog {
	bySlug: Map<string, Approval[]>;
	warnings: string[];
}

/** Approvals per course slug from the lesson files; a course without a file has none. */
export function loadApprovals(files: Record<string, string>, courses: readonly CourseHours[]): ApprovalCatalog {
	const bySlug = new Map<string, Approval[]>();
	const warnings: string[] = [];
	for (const course of courses) {
		const file = `${course.dir}/approvals.yaml`;
		const approvals = file in files ? parseApprovals(file, files[file]) : [];
		warnings.push(...checkApprovals(file, approvals, course.ceQuarterHours));
		bySlug.set(course.slug, approvals);
	}
	return { bySlug, warnings };
}

const overrideSchema = z.strictObject({ courses: z.record(z.string(), z.array(approvalSchema)) });

/**
 * An operator's override file: `courses: { <slug>: [approvals...] }`, replacing the bundled approvals of the courses
 * it names, so a provider can record an approval number without rebuilding. Checked exactly like the bundled ones.
 */
export function applyApprovalOverride(
	catalog: ApprovalCatalog,
	file: string,
	yamlText: string,
	courses: readonly CourseHours[]
): ApprovalCatalog {
	const parsed = overrideSchema.safeParse(parseYaml(yamlText));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ContentError(file, `field "${issue.path.join('.')}": ${issue.message}`);
	}
	const bySlug = new Map(catalog.bySlug);
	const warnings = [...catalog.warnings];
	for (const [slug, approvals] of Object.entries(parsed.data.courses)) {
		const course = courses.find((c) => c.slug === slug);
		if (!course) throw new ContentError(file, `unknown course "${slug}"`);
		warnings.push(...checkApprovals(file, approvals, course.ceQuarterHours));
		bySlug.set(slug, approvals);
	}
	return { bySlug, warnings };
}

export { parseApprovals };
