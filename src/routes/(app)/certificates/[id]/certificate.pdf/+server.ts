import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { findOwnCertificate } from '$lib/server/certification/certificates';
import { certificateFileName, renderCertificateFor } from '$lib/server/certification/documents';
import type { RequestHandler } from './$types';

/** The holder's printable certificate. Someone else's certificate, or an unknown id, is a 404. */
export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const certificate = await findOwnCertificate(user.id, Number(params.id));
	if (!certificate) error(404, 'There is no such certificate.');
	if (certificate.revokedAt) error(410, 'This certificate was revoked, so it can no longer be downloaded.');
	const pdf = await renderCertificateFor(certificate);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${certificateFileName(certificate, 'pdf')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
