// The printable NCBTMB-style certificate. Every field NCBTMB asks an Approved Provider's certificate to show is on
// the page: participant name, each course title, course type (Home Study), completion date, CEs (NCBTMB's
// wording, server/certification/format.ts), provider name, Approved Provider number, provider contact, and a signature line. A verification
// code, the verify URL and a QR code for it let anyone check the certificate's current status.
//
// Only the 14 standard PDF fonts are used, so nothing has to be shipped or embedded. They can only draw WinAnsi
// (Windows-1252) characters; anything else is replaced with a close ASCII letter, or "?" when there is none. The
// exact Unicode name still travels in the document metadata and in the signed credential.
//
// This module builds the document (checks, metadata, fonts, QR image); pdf-layout.ts draws the pages, pdf-draw.ts
// holds the text primitives and winansi.ts the character fallback.

import { PDFDocument, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatCeHours } from './format';
import type { Fonts } from './pdf-draw';
import { COURSE_TYPE, drawCertificatePage, drawContinuationPage } from './pdf-layout';

export { COURSE_TYPE } from './pdf-layout';
export { toWinAnsi } from './winansi';

export interface CertificatePdfInput {
	holderName: string;
	trackTitle: string;
	courses: { title: string; ceHours: number }[];
	completedAt: Date;
	issuedAt: Date;
	expiresAt: Date;
	verificationCode: string;
	verifyUrl: string;
	providerName: string;
	providerNumber: string | null;
	providerContact: string;
	totalCeHours: number;
	/** IANA zone the dates are written in; defaults to UTC so a server's zone never shifts a date. */
	timeZone?: string;
}

/** How the QR code is drawn; exported so tests can re-derive and compare the module grid. */
export const CERTIFICATE_QR = { errorCorrectionLevel: 'M', margin: 4, scale: 8 } as const;

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
	if (input.courses.length === 0) throw new RangeError('A certificate needs at least one course');
	const sum = input.courses.reduce((s, c) => s + c.ceHours, 0);
	if (Math.abs(sum - input.totalCeHours) > 0.005) {
		throw new RangeError(`totalCeHours (${input.totalCeHours}) does not match the courses' sum (${sum})`);
	}
	const verifyUrl = new URL(input.verifyUrl);
	if (verifyUrl.protocol !== 'https:' && verifyUrl.protocol !== 'http:') throw new Error('verifyUrl must be http(s)');

	const doc = await PDFDocument.create();
	const total = formatCeHours(input.totalCeHours);
	doc.setTitle(`Certificate of Achievement: ${input.trackTitle}`);
	doc.setAuthor(input.providerName);
	doc.setSubject(
		`${input.holderName} completed and passed the graded assessments of ${input.trackTitle} (${COURSE_TYPE}, ${total}). ` +
			`Verification code ${input.verificationCode}: ${input.verifyUrl}`
	);
	doc.setKeywords(['Certificate of Achievement', 'continuing education', 'CE hours', COURSE_TYPE, input.verificationCode]);
	doc.setCreator('Touchstone');
	doc.setProducer('Touchstone');
	doc.setLanguage('en-US');
	doc.setCreationDate(input.issuedAt);
	doc.setModificationDate(input.issuedAt);

	// Embedding order fixes the PDF object numbers; keep it so the same input keeps giving the same bytes.
	const fonts: Fonts = {
		serif: await doc.embedFont(StandardFonts.TimesRoman),
		serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
		sans: await doc.embedFont(StandardFonts.Helvetica),
		sansBold: await doc.embedFont(StandardFonts.HelveticaBold)
	};
	const qrPng = await QRCode.toBuffer(input.verifyUrl, {
		type: 'png',
		...CERTIFICATE_QR,
		color: { dark: '#000000ff', light: '#ffffffff' }
	});
	const qr = await doc.embedPng(qrPng);

	// Courses that do not fit even at the smallest size continue on further pages, never dropped: NCBTMB wants every
	// course title on the certificate.
	let remaining = drawCertificatePage(doc, fonts, qr, input, total);
	while (remaining.length > 0) remaining = drawContinuationPage(doc, fonts, input, remaining, total);

	return doc.save();
}
