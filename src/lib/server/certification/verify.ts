// Looking a certificate up by its verification code, for the public verify page. Only a well-formed code (right
// length, alphabet and check symbol) reaches the database; anything else is "no such certificate".

import { eq } from 'drizzle-orm';
import { certificateStatus, type CertificateStatus } from '$lib/certification/track-rules';
import { normalizeVerificationCode } from '$lib/certification/code';
import { db, table } from '../db';
import type { Certificate } from '../db/schema';

export interface FoundCertificate {
	certificate: Certificate;
	status: CertificateStatus;
}

/** The certificate with this code (typed, pasted or from a URL), with its status at `now`; null when none. */
export async function findCertificateByCode(input: string, now = new Date()): Promise<FoundCertificate | null> {
	const code = normalizeVerificationCode(input);
	if (!code) return null;
	const [certificate] = await db.select().from(table.certificates).where(eq(table.certificates.code, code));
	if (!certificate) return null;
	return { certificate, status: certificateStatus(certificate, now) };
}

/** What the public page may show: the holder, the track and the dates, never the email or the revocation reason. */
export function publicCertificateView({ certificate: c, status }: FoundCertificate) {
	return {
		code: c.code,
		status,
		holderName: c.holderName,
		trackSlug: c.trackSlug,
		trackTitle: c.trackTitle,
		courses: c.courses.map((course) => ({ title: course.title, ceQuarterHours: course.ceQuarterHours })),
		ceQuarterHours: c.ceQuarterHours,
		completedAt: c.completedAt,
		issuedAt: c.issuedAt,
		expiresAt: c.expiresAt,
		revokedAt: c.revokedAt,
		replaced: c.replacedById !== null
	};
}
