import { fail } from '@sveltejs/kit';
import { confirmEmail, findVerification } from '$lib/server/reminders/verification';
import type { Actions, PageServerLoad } from './$types';

// The emailed link opens this page; only the button (a POST) confirms, because loads never write and mail
// scanners open links on their own.
export const load: PageServerLoad = async ({ params }) => {
	return { email: await findVerification(params.token) };
};

export const actions: Actions = {
	default: async ({ params }) => {
		if (!(await confirmEmail(params.token))) {
			return fail(400, { message: 'This link has expired or was already used. Ask for a new one on your Email settings page.' });
		}
		return { confirmed: true };
	}
};
