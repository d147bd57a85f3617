import { error, fail } from '@sveltejs/kit';
import { categoryInfo } from '$lib/reminders/categories';
import { readUnsubscribeLink, unsubscribe } from '$lib/server/reminders/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

// Works without logging in: the signed token names the user and the category. The page only shows what the
// button will do (loads never write); the POST, from the button or a mail client's RFC 8058 one-click request,
// switches the category off. A forged or altered token is a 400 and changes nothing.
export const load: PageServerLoad = async ({ params }) => {
	const link = await readUnsubscribeLink(params.token);
	if (!link) error(400, 'This unsubscribe link is not valid. Open Email settings in your account instead.');
	return { category: categoryInfo[link.category].label };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const category = await unsubscribe(params.token);
		if (!category) return fail(400, { message: 'This unsubscribe link is not valid. Nothing was changed.' });
		return { done: categoryInfo[category].label };
	}
};
