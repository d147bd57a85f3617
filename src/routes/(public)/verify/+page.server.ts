import { redirect } from '@sveltejs/kit';
import { normalizeVerificationCode } from '$lib/certification/code';
import type { PageServerLoad } from './$types';

// A plain GET form, so it works without JavaScript. A code that is not well formed (wrong length, letters or check
// symbol) is refused here without any lookup; a well-formed one goes to its page, which is throttled.
export const load: PageServerLoad = ({ url, setHeaders }) => {
	setHeaders({ 'x-robots-tag': 'noindex' });
	const typed = url.searchParams.get('code');
	if (typed === null) return { code: '', message: null };
	if (typed.length > 100) return { code: '', message: 'That is too long to be a verification code.' };
	const code = normalizeVerificationCode(typed);
	if (!code) {
		return {
			code: typed,
			message:
				'That is not a valid verification code. Codes look like TS-XXXX-XXXX-XXXX-XXXX-XXXX; check each character against the certificate.'
		};
	}
	redirect(303, `/verify/${code}`);
};
