// The kinds of event the audit log records, with the labels the admin audit page shows. Pure: no database, so the
// page, the server and the tests share one list.

export const auditActions = [
	'role.change',
	'admin.denied',
	'certificate.revoke',
	'certificate.reissue',
	'quiz.publish',
	'quiz.delete',
	'course.assign',
	'user.create',
	'provider.update',
	'reporting.codes',
	'reporting.report',
	'mail.rotate-key'
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Publishing and unpublishing share 'quiz.publish' (the detail says which); assigning and unassigning share 'course.assign'. */
export const auditActionLabels: Record<AuditAction, string> = {
	'role.change': 'Role changed',
	'admin.denied': 'Admin page refused',
	'certificate.revoke': 'Certificate revoked',
	'certificate.reissue': 'Certificate reissued',
	'quiz.publish': 'Quiz published or unpublished',
	'quiz.delete': 'Quiz deleted',
	'course.assign': 'Instructor assigned or unassigned',
	'user.create': 'Account created by the operator CLI',
	'provider.update': 'Provider details changed',
	'reporting.codes': 'Reporting codes changed',
	'reporting.report': 'Completions marked reported',
	'mail.rotate-key': 'Unsubscribe links revoked'
};

/**
 * Events that no account makes: the operator CLI (`npm run user:create`) records them with no actor. Any other
 * event without an actor was made by an account that has since been deleted.
 */
const operatorActions: readonly string[] = ['user.create'] satisfies AuditAction[];

/** Who acted, in words, when an event has no account behind it. */
export function describeAccountlessActor(action: string): string {
	return operatorActions.includes(action) ? 'Operator CLI (npm run user:create)' : 'Deleted account';
}

export function isAuditAction(value: unknown): value is AuditAction {
	return typeof value === 'string' && (auditActions as readonly string[]).includes(value);
}

/** "user:12" → { kind: 'user', id: 12 }; anything else (a path, free text) → null. */
export function parseAuditTarget(target: string | null): { kind: 'user' | 'course' | 'quiz' | 'certificate'; id: number } | null {
	const m = /^(user|course|quiz|certificate):(\d{1,15})$/.exec(target ?? '');
	if (!m) return null;
	return { kind: m[1] as 'user' | 'course' | 'quiz' | 'certificate', id: Number(m[2]) };
}
