import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { findOwnCertificate } from '$lib/server/certification/certificates';
import { certificateFileName, signCertificateBadge } from '$lib/server/certification/documents';
import type { RequestHandler } from './$types';

/** The holder's Open Badge: an OpenBadgeCredential signed as a VC-JWT, to import into a wallet or backpack. */
export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const certificate = await findOwnCertificate(user.id, Number(params.id));
	if (!certificate) error(404, 'There is no such certificate.');
	if (certificate.revokedAt) error(410, 'This certificate was revoked, so it can no longer be downloaded.');
	const jwt = await signCertificateBadge(certificate);
	return new Response(jwt, {
		headers: {
			'content-type': 'application/jwt',
			'content-disposition': `attachment; filename="${certificateFileName(certificate, 'jwt')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
