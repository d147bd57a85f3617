import { mailStatuses, type MailStatus } from '$lib/reminders/categories';
import { requireAdmin } from '$lib/server/auth/guards';
import { listOutgoingMail } from '$lib/server/reminders/mail-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const asked = url.searchParams.get('status') ?? '';
	const status = (mailStatuses as readonly string[]).includes(asked) ? (asked as MailStatus) : null;
	const { counts, rows } = await listOutgoingMail(status);
	const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : null);
	return {
		status,
		counts,
		rows: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), sentAt: iso(r.sentAt), nextAttemptAt: iso(r.nextAttemptAt) }))
	};
};
