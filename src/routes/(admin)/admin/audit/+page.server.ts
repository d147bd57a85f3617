// The audit log, read-only: this page has a load and no actions, so any POST to it is refused (405), and nothing in
// the app updates or deletes audit rows.
import { auditActionLabels, auditActions, describeAccountlessActor, isAuditAction } from '$lib/audit/actions';
import { listAuditPage, type AuditCursor } from '$lib/server/audit/list';
import { requireAdmin } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

function readId(value: string | null): number | null {
	if (value === null || !/^\d{1,15}$/.test(value)) return null;
	const id = Number(value);
	return id > 0 ? id : null;
}

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const typed = url.searchParams.get('action');
	const action = isAuditAction(typed) ? typed : null;
	const before = readId(url.searchParams.get('before'));
	const after = readId(url.searchParams.get('after'));
	const cursor: AuditCursor = before ? { before } : after ? { after } : null;
	const page = await listAuditPage(action, cursor);
	return {
		action,
		paged: cursor !== null,
		actions: auditActions.map((value) => ({ value, label: auditActionLabels[value] })),
		newer: page.newer,
		older: page.older,
		rows: page.rows.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			action: r.action,
			actionLabel: isAuditAction(r.action) ? auditActionLabels[r.action] : r.action,
			actor: r.actor,
			/** Who acted when no account did: the operator CLI, or an account since deleted. */
			actorless: r.actor ? null : describeAccountlessActor(r.action),
			target: r.target,
			targetLabel: r.targetLabel,
			detail: r.detail,
			summary: r.summary
		}))
	};
};
