import { error, redirect } from '@sveltejs/kit';
import { normalizeVerificationCode } from '$lib/certification/code';
import { findCertificateByCode, publicCertificateView } from '$lib/server/certification/verify';
import { findCourseCertificateByCode } from '$lib/server/course-certificates/verify';
import type { PageServerLoad } from './$types';

const NOT_FOUND = 'No certificate has this verification code. Check the code against the certificate, character by character.';

// Public and unauthenticated; every lookup is throttled per address by handleVerifyThrottle (src/hooks/guards.ts).
// The status is read on every request and never cached, so a revocation shows at once.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });

	const code = normalizeVerificationCode(params.code);
	if (!code) error(404, NOT_FOUND);
	if (code !== params.code) redirect(301, `/verify/${code}`);
	const found = await findCertificateByCode(code);
	// Course certificates share the code space and have their own page.
	if (!found && (await findCourseCertificateByCode(code))) redirect(307, `/verify/course/${code}`);
	if (!found) error(404, NOT_FOUND);
	return { certificate: publicCertificateView(found) };
};
