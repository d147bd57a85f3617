import { fail } from '@sveltejs/kit';
import { createPasswordResetToken } from '$lib/server/auth/password-reset';
import { takeThrottleSlot } from '$lib/server/auth/throttle';
import { resetPerAddress } from '$lib/server/auth/throttle-policy';
import { getUserByEmail } from '$lib/server/auth/user';
import { echo, readForm } from '$lib/server/forms';
import { sendMail } from '$lib/server/mail/send';
import { passwordResetMail } from '$lib/server/mail/templates';
import { forgotSchema } from '$lib/validation/account';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = await readForm(request, forgotSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'email') });
		const addressKey = `reset:ip:${getClientAddress()}`;
		if (!(await takeThrottleSlot(addressKey, resetPerAddress))) {
			return fail(429, { message: 'Too many reset requests. Wait a while, then try again.', email: form.data.email });
		}
		const user = await getUserByEmail(form.data.email);
		if (user) {
			const token = await createPasswordResetToken(user.id);
			await sendMail(passwordResetMail(user.email, user.name, token));
		}
		// The same answer whether or not the account exists.
		return { sent: true, email: form.data.email };
	}
};
