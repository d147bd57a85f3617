import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { checkPasswordStrength } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/session';
import { isThrottled, takeThrottleSlot } from '$lib/server/auth/throttle';
import { registerPerAddress } from '$lib/server/auth/throttle-policy';
import { createUser } from '$lib/server/auth/user';
import { echo, readForm } from '$lib/server/forms';
import { sendVerificationMail } from '$lib/server/reminders/verification';
import { registerSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/dashboard');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await readForm(request, registerSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'name', 'email') });
		const { name, email, password } = form.data;

		const addressKey = `register:ip:${getClientAddress()}`;
		const tooMany = () => fail(429, { message: 'Too many new accounts from your network. Try again later.', name, email });
		if (await isThrottled(addressKey)) return tooMany();
		const weakness = checkPasswordStrength(password, [name, email, email.split('@')[0], 'touchstone', 'massage']);
		if (weakness) return fail(400, { message: weakness, name, email });

		if (!(await takeThrottleSlot(addressKey, registerPerAddress))) return tooMany();
		const user = await createUser({ email, name, password });
		if (!user) {
			return fail(400, { message: 'An account with this email already exists. Log in, or reset your password.', name, email });
		}
		await startSession(cookies, user.id, locals.session?.id); // the new account gets a new session, never an old one
		// A mail server being down must not lose the account: the link can be sent again from /account/email.
		await sendVerificationMail(user.id).catch((e) => console.error('Verification mail failed:', e));
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/dashboard'));
	}
};
