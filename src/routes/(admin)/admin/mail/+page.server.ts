import { fail } from '@sveltejs/kit';
import { mailStatuses, type MailStatus } from '$lib/reminders/categories';
import { requireAdmin } from '$lib/server/auth/guards';
import { listOutgoingMail } from '$lib/server/reminders/mail-list';
import { rotateUnsubscribeKey } from '$lib/server/reminders/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const asked = url.searchParams.get('status') ?? '';
	const status = (mailStatuses as readonly string[]).includes(asked) ? (asked as MailStatus) : null;
	const { counts, rows } = await listOutgoingMail(status);
	return { status, counts, rows };
};

export const actions: Actions = {
	rotateKey: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await request.formData().catch(() => null);
		if (form?.get('confirm') !== 'yes') return fail(400, { message: 'Tick the box to confirm: every unsubscribe link already sent stops working.' });
		await rotateUnsubscribeKey(admin.id);
		return { success: 'New key in use. Unsubscribe links in mail sent before now answer “not valid”; new mail carries new links.' };
	}
};
