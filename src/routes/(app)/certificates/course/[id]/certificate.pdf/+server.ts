import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { courseCertificateFileName, findOwnCourseCertificate, renderCourseCertificate } from '$lib/server/course-certificates/documents';
import type { RequestHandler } from './$types';

/** The holder's course Certificate of Achievement. Someone else's, or an unknown id, is a 404. */
export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const certificate = await findOwnCourseCertificate(user.id, Number(params.id));
	if (!certificate) error(404, 'There is no such certificate.');
	if (certificate.revokedAt) error(410, 'This certificate was revoked, so it can no longer be downloaded.');
	const pdf = await renderCourseCertificate(certificate);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${courseCertificateFileName(certificate)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
