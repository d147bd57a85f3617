import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { logIn } from '$lib/server/auth/sign-in';
import { UserError } from '$lib/server/errors';
import { echo, readForm } from '$lib/server/forms';
import { loginSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/dashboard'));
	return { reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await readForm(request, loginSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'email') });
		const { email, password } = form.data;
		try {
			await logIn(email, password, { cookies, address: getClientAddress(), previousSessionId: locals.session?.id ?? null });
		} catch (e) {
			if (e instanceof UserError) return fail(e.status, { message: e.message, email });
			throw e;
		}
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/dashboard'));
	}
};
