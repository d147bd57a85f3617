import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { checkPasswordStrength, verifyPassword } from '$lib/server/auth/password';
import { invalidateUserSessions, startSession } from '$lib/server/auth/session';
import { getUserById, updateUserName, updateUserPassword } from '$lib/server/auth/user';
import { echo, readForm } from '$lib/server/forms';
import { changeNameSchema, changePasswordSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const user = requireUser();
	return { account: { name: user.name, email: user.email, role: user.role } };
};

export const actions: Actions = {
	name: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, changeNameSchema);
		if (!form.ok) return fail(400, { name: { message: form.message, ...echo(form.values, 'name') } });
		await updateUserName(user.id, form.data.name);
		return { name: { success: 'Your name has been saved.' } };
	},
	password: async ({ request, cookies }) => {
		const user = requireUser();
		const form = await readForm(request, changePasswordSchema);
		if (!form.ok) return fail(400, { password: { message: form.message } });
		const record = await getUserById(user.id);
		if (!record || !(await verifyPassword(record.passwordHash, form.data.current))) {
			return fail(400, { password: { message: 'Your current password is not correct.' } });
		}
		const weakness = checkPasswordStrength(form.data.password, [record.name, record.email]);
		if (weakness) return fail(400, { password: { message: weakness } });
		await updateUserPassword(user.id, form.data.password);
		await startSession(cookies, user.id);
		return { password: { success: 'Password changed. Every other device has been signed out.' } };
	},
	signOutEverywhere: async ({ cookies }) => {
		const user = requireUser();
		await invalidateUserSessions(user.id);
		await startSession(cookies, user.id);
		return { everywhere: { success: 'Every other device has been signed out.' } };
	}
};
