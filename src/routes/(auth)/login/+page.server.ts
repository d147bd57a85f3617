import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { verifyPassword } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/session';
import { clearThrottle, isThrottled, refundThrottleSlot, takeThrottleSlot } from '$lib/server/auth/throttle';
import { loginPerAccount, loginPerAddress } from '$lib/server/auth/throttle-policy';
import { getUserByEmail } from '$lib/server/auth/user';
import { echo, readForm } from '$lib/server/forms';
import { loginSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

// Verifying against a real hash when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$/cl+w7YPSudkLGMwavbA3A$kOgQWva8D6MY4I+/Ri9LD1wB/aypxyudTNp1gPAQlOw';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/dashboard'));
	return { reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await readForm(request, loginSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'email') });
		const { email, password } = form.data;

		const addressKey = `login:ip:${getClientAddress()}`;
		const accountKey = `login:email:${email}`;
		const tooMany = () => fail(429, { message: 'Too many attempts. Wait a few minutes, then try again.', email });
		if ((await isThrottled(addressKey)) || (await isThrottled(accountKey))) return tooMany();
		// Each attempt takes its slot before the password is checked, so concurrent guesses cannot exceed the limits.
		if (!(await takeThrottleSlot(addressKey, loginPerAddress))) return tooMany();
		if (!(await takeThrottleSlot(accountKey, loginPerAccount))) {
			await refundThrottleSlot(addressKey, loginPerAddress); // refused before any password check
			return tooMany();
		}

		const user = await getUserByEmail(email);
		const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
		if (!user || !valid) return fail(400, { message: 'Incorrect email or password.', email }); // both slots stay counted

		// Only failures count: a successful login clears the account and gives the address its slot back.
		await clearThrottle(accountKey);
		await refundThrottleSlot(addressKey, loginPerAddress);
		// A login always starts a new session with a new token (no session fixation).
		await startSession(cookies, user.id, locals.session?.id);
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/dashboard'));
	}
};
