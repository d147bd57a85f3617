import { describe, expect, it } from 'vitest';
import { checkApprovals, isApprovalValid, parseApprovals, validCertifyingApproval, type Approval } from './approvals';

const approval: Approval = {
	body: 'NCBTMB',
	approvedTitle: 'The Science of Massage',
	approvedHours: 1,
	number: '1234-56',
	deliveryType: 'home-study',
	validFrom: '2026-01-01',
	validTo: '2027-12-31'
};

describe('approvals', () => {
	it('parses a file and names the entry and field of a mistake', () => {
		const yaml = 'approvals:\n  - body: NCBTMB\n    approvedTitle: T\n    approvedHours: 1.1\n    number: ""\n    deliveryType: home-study\n    validFrom: 2026-01-01\n    validTo: 2027-01-01\n';
		expect(() => parseApprovals('a.yaml', yaml)).toThrow('a.yaml: approval 1, field "approvedHours": approved hours come in quarter hours');
		expect(parseApprovals('a.yaml', yaml.replace('1.1', '1.25'))[0].approvedHours).toBe(1.25);
	});

	it('fails when the approved hours exceed what the content supports, warns on drift', () => {
		expect(() => checkApprovals('a.yaml', [{ ...approval, approvedHours: 1.25 }], 4)).toThrow(/1.25 approved hours exceed the 1/);
		expect(checkApprovals('a.yaml', [approval], 4)).toEqual([]);
		expect(checkApprovals('a.yaml', [approval], 6)[0]).toMatch(/content now supports 1.5/);
	});

	it('is valid only with a number and within its dates', () => {
		expect(isApprovalValid(approval, '2026-06-01')).toBe(true);
		expect(isApprovalValid(approval, '2028-01-01')).toBe(false);
		expect(isApprovalValid({ ...approval, number: '' }, '2026-06-01')).toBe(false);
		expect(validCertifyingApproval([{ ...approval, body: 'FL' }], '2026-06-01')).toBeNull();
	});
});
