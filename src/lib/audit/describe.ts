// One audit event in words an administrator reads: "Assigned Ines Instructor to The Science of Massage". The ids an
// event stores (its target and any "user:12" in its detail) are resolved to names by the caller, at read time, in
// batched queries; a record that has since been deleted reads "user #12 (deleted)". Pure.

export type AuditRefKind = 'user' | 'course' | 'quiz' | 'certificate';

/** Names of the records events refer to, by kind and id. A certificate's name is "its code, held by Name". */
export type AuditNames = Record<AuditRefKind, Map<number, string>>;

export interface AuditEventText {
	action: string;
	target: string | null;
	detail: string | null;
}

const refPattern = /\b(user|course|quiz|certificate):(\d{1,15})\b/g;

/** Every "kind:id" reference in an event's target and detail, for the batched name lookups. */
export function findAuditRefs(event: AuditEventText): { kind: AuditRefKind; id: number }[] {
	const text = `${event.target ?? ''} ${event.detail ?? ''}`;
	return [...text.matchAll(refPattern)].map((m) => ({ kind: m[1] as AuditRefKind, id: Number(m[2]) }));
}

export function emptyAuditNames(): AuditNames {
	return { user: new Map(), course: new Map(), quiz: new Map(), certificate: new Map() };
}

const possessive = (name: string) => `${name}’s`;
const quoted = (title: string) => `“${title}”`;

/** Describes one event; `names` holds what findAuditRefs asked for (missing ones read as deleted). */
export function describeAuditEvent(event: AuditEventText, names: AuditNames): string {
	const nameOf = (ref: string | null | undefined, deletedLabel?: string): string => {
		const m = /^(user|course|quiz|certificate):(\d{1,15})$/.exec(ref ?? '');
		if (!m) return ref ?? 'an unknown record';
		const kind = m[1] as AuditRefKind;
		const id = Number(m[2]);
		return names[kind].get(id) ?? deletedLabel ?? `${kind} #${id} (deleted)`;
	};
	const detail = event.detail ?? '';
	const target = event.target;
	switch (event.action) {
		case 'course.assign': {
			const m = /^(assigned|unassigned) (user:\d+)$/.exec(detail);
			if (!m) break;
			return m[1] === 'assigned'
				? `Assigned ${nameOf(m[2])} to ${nameOf(target)}`
				: `Unassigned ${nameOf(m[2])} from ${nameOf(target)}`;
		}
		case 'role.change': {
			const m = /^(\w+) -> (\w+)$/.exec(detail);
			if (!m) break;
			return `Changed ${possessive(nameOf(target))} role from ${m[1]} to ${m[2]}`;
		}
		case 'user.create': {
			const role = /^role (\w+)$/.exec(detail)?.[1];
			return `Created ${role === 'admin' || role === 'instructor' ? `an ${role}` : 'an'} account for ${nameOf(target)}`;
		}
		case 'quiz.publish':
			if (detail !== 'published' && detail !== 'unpublished') break;
			return `${detail === 'published' ? 'Published' : 'Unpublished'} the quiz ${quoted(nameOf(target))}`;
		case 'quiz.delete':
			// The detail keeps the title the quiz had when it was deleted.
			return `Deleted the quiz ${quoted(detail || nameOf(target))}`;
		case 'certificate.revoke':
			return `Revoked certificate ${nameOf(target)}${detail ? `. Reason: ${detail}` : ''}`;
		case 'certificate.reissue': {
			const replacement = /^replaced by (certificate:\d+)$/.exec(detail)?.[1];
			return `Reissued certificate ${nameOf(target)}${replacement ? ` as ${nameOf(replacement)}` : ''}`;
		}
		case 'admin.denied':
			return `Was refused the admin page ${target ?? ''}`.trim();
		case 'provider.update':
			return detail ? `Changed the provider details: ${detail}` : 'Changed the provider details';
		case 'reporting.codes':
			return detail ? `Changed the reporting codes: ${detail}` : 'Changed the reporting codes';
		case 'reporting.report':
			return detail ? `Marked ${detail.replace(/ marked reported:/, ' reported:')}` : 'Marked completions reported';
		case 'mail.rotate-key':
			return 'Revoked every unsubscribe link sent before now';
	}
	// An event this page does not know how to phrase: show what was stored, with names for its references.
	const words = [event.action, target ? nameOf(target) : null, detail.replace(refPattern, (ref) => nameOf(ref)) || null];
	return words.filter(Boolean).join(' · ');
}
