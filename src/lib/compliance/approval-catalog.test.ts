import { describe, expect, it } from 'vitest';
import { applyApprovalOverride, loadApprovals } from './approval-catalog';

const courses = [{ slug: 'science-of-massage', dir: '/lessons/01-science-of-massage', ceQuarterHours: 4 }];
const entry = (hours: number, number = '') =>
	`  - body: NCBTMB\n    approvedTitle: Science\n    approvedHours: ${hours}\n    number: "${number}"\n    deliveryType: home-study\n    validFrom: 2026-01-01\n    validTo: 2027-12-31\n`;

describe('the approval catalog', () => {
	it('reads each course folder and fails the build naming the file when hours exceed the content', () => {
		const file = '/lessons/01-science-of-massage/approvals.yaml';
		expect(loadApprovals({ [file]: `approvals:\n${entry(1)}` }, courses).bySlug.get('science-of-massage')).toHaveLength(1);
		expect(() => loadApprovals({ [file]: `approvals:\n${entry(1.5)}` }, courses)).toThrow(`${file}: approval 1 (NCBTMB): 1.5 approved hours exceed the 1`);
		expect(loadApprovals({}, courses).bySlug.get('science-of-massage')).toEqual([]);
	});

	it('lets an operator file replace a course’s approvals, checked the same way', () => {
		const bundled = loadApprovals({}, courses);
		const merged = applyApprovalOverride(bundled, 'ops.yaml', `courses:\n  science-of-massage:\n${entry(0.75, 'NC-1').replace(/^/gm, '  ')}`, courses);
		expect(merged.bySlug.get('science-of-massage')![0].number).toBe('NC-1');
		expect(merged.warnings[0]).toMatch(/content now supports 1/);
		expect(() => applyApprovalOverride(bundled, 'ops.yaml', 'courses:\n  no-such-course: []\n', courses)).toThrow('ops.yaml: unknown course "no-such-course"');
	});
});
