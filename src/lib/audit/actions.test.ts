import { describe, expect, it } from 'vitest';
import { auditActionLabels, auditActions, describeAccountlessActor, isAuditAction, parseAuditTarget } from './actions';

describe('audit actions', () => {
	it('labels every action in words an admin reads, each one different', () => {
		const labels = auditActions.map((action) => auditActionLabels[action]);
		expect(new Set(labels).size).toBe(auditActions.length);
		for (const label of labels) expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)*/);
		for (const action of auditActions) expect(auditActionLabels[action]).not.toContain(action);
	});

	it('recognises only known actions', () => {
		expect(isAuditAction('role.change')).toBe(true);
		expect(isAuditAction('role.delete')).toBe(false);
		expect(isAuditAction('')).toBe(false);
		expect(isAuditAction(null)).toBe(false);
	});

	it('parses typed targets and leaves paths alone', () => {
		expect(parseAuditTarget('user:12')).toEqual({ kind: 'user', id: 12 });
		expect(parseAuditTarget('certificate:3')).toEqual({ kind: 'certificate', id: 3 });
		expect(parseAuditTarget('/admin/users')).toBeNull();
		expect(parseAuditTarget('user:12x')).toBeNull();
		expect(parseAuditTarget('lesson:4')).toBeNull();
		expect(parseAuditTarget(null)).toBeNull();
	});

	it('names the operator CLI as the actor of the events it records, and a deleted account otherwise', () => {
		expect(describeAccountlessActor('user.create')).toBe('Operator CLI (npm run user:create)');
		expect(describeAccountlessActor('role.change')).toBe('Deleted account');
		expect(describeAccountlessActor('admin.denied')).toBe('Deleted account');
	});
});
