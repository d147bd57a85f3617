import { requireUser } from '$lib/server/auth/guards';
import { listUserCertificates } from '$lib/server/certification/certificates';
import { verificationUrl } from '$lib/server/certification/documents';
import { catalog } from '$lib/server/content/catalog';
import { listCourseCertificates } from '$lib/server/course-certificates/list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const [certificates, courseCertificates] = await Promise.all([listUserCertificates(user.id), listCourseCertificates(user.id)]);
	return {
		courseCertificates,
		certificates: certificates.map((c) => ({
			id: c.id,
			code: c.code,
			status: c.status,
			trackSlug: c.trackSlug,
			trackTitle: c.trackTitle,
			holderName: c.holderName,
			ceQuarterHours: c.ceQuarterHours,
			issuedAt: c.issuedAt,
			expiresAt: c.expiresAt,
			revokedAt: c.revokedAt,
			revokedReason: c.revokedReason,
			replaced: c.replacedById !== null,
			verifyUrl: verificationUrl(c.code),
			// The course certificates this track certificate rests on.
			restsOn: courseCertificates.filter((cc) => !cc.revoked && c.courses.some((x) => x.slug === cc.courseSlug)).map((cc) => cc.code)
		})),
		tracks: catalog.tracks.map((t) => ({ slug: t.id, title: t.title }))
	};
};
