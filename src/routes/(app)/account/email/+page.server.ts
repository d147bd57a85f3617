import { fail } from '@sveltejs/kit';
import { categoryInfo, mailCategories, type MailCategory } from '$lib/reminders/categories';
import { requireUser } from '$lib/server/auth/guards';
import { getUserById } from '$lib/server/auth/user';
import { readFormFields } from '$lib/server/forms';
import { readPreferences, savePreferences, type Preferences } from '$lib/server/reminders/preferences';
import { sendVerificationMail } from '$lib/server/reminders/verification';
import { emailPreferencesSchema } from '$lib/validation/email-preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const [record, preferences] = await Promise.all([getUserById(user.id), readPreferences(user.id)]);
	const categories = mailCategories.filter((c) => !categoryInfo[c].adminOnly || user.role === 'admin');
	return { email: user.email, verified: !!record?.emailVerifiedAt, preferences, categories };
};

export const actions: Actions = {
	save: async ({ request }) => {
		const user = requireUser();
		const parsed = emailPreferencesSchema.safeParse(await readFormFields(request));
		if (!parsed.success) return fail(400, { message: 'Those settings could not be read. Please try again.' });
		const on = new Set<MailCategory>(parsed.data.on);
		const prefs = Object.fromEntries(mailCategories.map((c) => [c, on.has(c)])) as Preferences;
		await savePreferences(user.id, prefs);
		return { success: 'Your email settings are saved.' };
	},
	resend: async () => {
		const user = requireUser();
		try {
			const sent = await sendVerificationMail(user.id);
			return { resent: sent ? `A new confirmation link is on its way to ${user.email}.` : 'Your address is already confirmed.' };
		} catch (e) {
			console.error('Verification mail failed:', e);
			return fail(503, { message: 'The mail could not be sent just now. Please try again in a few minutes.' });
		}
	}
};
