// The approvals certificates and reports use: the bundled lessons/*/approvals.yaml, replaced per course by the
// operator's APPROVALS_FILE when one is configured. Read once at start; a bad override file stops the server with
// the file and field named, as a bad lesson file stops the build.

import { readFileSync } from 'node:fs';
import { applyApprovalOverride, loadApprovals, type ApprovalCatalog } from '$lib/compliance/approval-catalog';
import { validCertifyingApproval, type Approval } from '$lib/compliance/approvals';
import { catalog } from '../content/catalog';
import { config } from '../env';

const files = import.meta.glob('/lessons/*/approvals.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

const courses = catalog.courses.map((c) => ({ slug: c.slug, dir: c.file.slice(0, -'/index.md'.length), ceQuarterHours: c.ceQuarterHours }));

function load(): ApprovalCatalog {
	const bundled = loadApprovals(files, courses);
	if (!config.APPROVALS_FILE) return bundled;
	return applyApprovalOverride(bundled, config.APPROVALS_FILE, readFileSync(config.APPROVALS_FILE, 'utf8'), courses);
}

export const approvals = load();

export function courseApprovals(slug: string): Approval[] {
	return approvals.bySlug.get(slug) ?? [];
}

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** The approval a certificate for this course would be issued under on `on`; null when it has no valid one. */
export function certifyingApproval(slug: string, on = new Date()): Approval | null {
	return validCertifyingApproval(courseApprovals(slug), isoDay(on));
}
