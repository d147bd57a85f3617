import { error } from '@sveltejs/kit';
import { takeThrottleSlot } from '$lib/server/auth/throttle';
import { verifyPerAddress } from '$lib/server/auth/throttle-policy';
import { findCourseCertificateByCode } from '$lib/server/course-certificates/verify';
import type { PageServerLoad } from './$types';

// Public, throttled per address like the track certificate's page; the status is read on every request.
export const load: PageServerLoad = async ({ params, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	if (!(await takeThrottleSlot(`verify:ip:${getClientAddress()}`, verifyPerAddress)))
		error(429, 'Too many certificate lookups from your network. Wait a minute, then try again.');
	const certificate = await findCourseCertificateByCode(params.code);
	if (!certificate) error(404, 'No certificate has this verification code. Check the code against the certificate, character by character.');
	return { certificate };
};
