import { fail, redirect } from '@sveltejs/kit';
import { checkPasswordStrength } from '$lib/server/auth/password';
import { findPasswordReset, redeemPasswordReset } from '$lib/server/auth/password-reset';
import { deleteSessionTokenCookie } from '$lib/server/auth/session';
import { readForm } from '$lib/server/forms';
import { resetSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	return { valid: (await findPasswordReset(params.token)) !== null };
};

export const actions: Actions = {
	default: async ({ request, params, cookies }) => {
		const form = await readForm(request, resetSchema);
		if (!form.ok) return fail(400, { message: form.message });
		const weakness = checkPasswordStrength(form.data.password);
		if (weakness) return fail(400, { message: weakness });
		const userId = await redeemPasswordReset(params.token, form.data.password);
		if (userId === null) return fail(400, { message: 'This reset link has expired or was already used. Ask for a new one.' });
		deleteSessionTokenCookie(cookies);
		redirect(303, '/login?reset=1');
	}
};
