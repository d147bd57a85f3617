// Documents made from an issued course certificate: the PDF, built from what the row froze at issue plus the
// provider details configured now.

import { and, eq } from 'drizzle-orm';
import { findJurisdiction } from '$lib/compliance/jurisdictions';
import { db, table } from '../db';
import type { CourseCertificate } from '../db/schema';
import { verificationUrl } from '../certification/documents';
import { getProvider } from '../provider/settings';
import { licencesToPrint } from './issue';
import { renderCourseCertificatePdf } from './pdf';

const categoryLabel = (c: string) => c.charAt(0).toUpperCase() + c.slice(1).replace(/-/g, ' ');

export async function renderCourseCertificate(certificate: CourseCertificate): Promise<Uint8Array> {
	const provider = await getProvider();
	return renderCourseCertificatePdf({
		holderName: certificate.holderName,
		licenceLines: licencesToPrint(certificate.licences).map((l) => `${findJurisdiction(l.jurisdiction)?.name ?? l.jurisdiction} licence ${l.number}`),
		approvedTitle: certificate.approvedTitle,
		approvalLine: `Approved by ${certificate.approvalBody}, course approval #${certificate.approvalNumber}`,
		ceHours: certificate.ceQuarterHours / 4,
		category: categoryLabel(certificate.category),
		completedAt: certificate.completedAt,
		issuedAt: certificate.issuedAt,
		code: certificate.code,
		verifyUrl: verificationUrl(certificate.code),
		provider: { ...provider, number: provider.providerNumber }
	});
}

/** One of the learner's own course certificates; null for anyone else's or an unknown id. */
export async function findOwnCourseCertificate(userId: number, id: number): Promise<CourseCertificate | null> {
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const [row] = await db
		.select()
		.from(table.courseCertificates)
		.where(and(eq(table.courseCertificates.id, id), eq(table.courseCertificates.userId, userId)));
	return row ?? null;
}

export function courseCertificateFileName(certificate: CourseCertificate): string {
	return `touchstone-course-certificate-${certificate.code}.pdf`;
}
