import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { registerAccount } from '$lib/server/auth/sign-in';
import { UserError } from '$lib/server/errors';
import { echo, readForm } from '$lib/server/forms';
import { registerSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/dashboard');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await readForm(request, registerSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'name', 'email') });
		const { name, email } = form.data;
		try {
			await registerAccount(form.data, { cookies, address: getClientAddress(), previousSessionId: locals.session?.id ?? null });
		} catch (e) {
			if (e instanceof UserError) return fail(e.status, { message: e.message, name, email });
			throw e;
		}
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/dashboard'));
	}
};
