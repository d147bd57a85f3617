import { error } from '@sveltejs/kit';
import { findCourseCertificateByCode } from '$lib/server/course-certificates/verify';
import type { PageServerLoad } from './$types';

// Public, throttled per address like the track certificate's page (in hooks/guards.ts: a load must not write the
// throttle row); the status is read on every request.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const certificate = await findCourseCertificateByCode(params.code);
	if (!certificate) error(404, 'No certificate has this verification code. Check the code against the certificate, character by character.');
	return { certificate };
};
