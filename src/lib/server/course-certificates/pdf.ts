// The per-course Certificate of Achievement as a one-page PDF. It carries what NCBTMB and the states ask of a
// home-study certificate: participant, licence number(s) where a state requires them (Florida, South Carolina),
// the course title exactly as approved, "Home Study", completion date, the approved hours written "CEs", the CE
// category, the provider's name, number, contact and signature, and a verification code with a QR code.
// Drawn with the track certificate's primitives (pdf-draw.ts), so the same WinAnsi fallback applies.

import { PDFDocument, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDate } from '$lib/format';
import { formatCeHours } from '../certification/format';
import { ACCENT, Draw, INK, MUTED, PAGE, type Fonts } from '../certification/pdf-draw';
import { CERTIFICATE_QR, COURSE_TYPE } from '../certification/pdf';

export interface CourseCertificatePdfInput {
	holderName: string;
	/** "Florida licence MA12345", already chosen by the caller as the states require. */
	licenceLines: string[];
	approvedTitle: string;
	approvalLine: string;
	ceHours: number;
	category: string;
	completedAt: Date;
	issuedAt: Date;
	code: string;
	verifyUrl: string;
	provider: { name: string; number: string | null; contact: string; signatoryName: string | null; signatoryTitle: string | null; signaturePng: Uint8Array | null };
}


export async function renderCourseCertificatePdf(input: CourseCertificatePdfInput): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const hours = formatCeHours(input.ceHours);
	doc.setTitle(`Certificate of Achievement: ${input.approvedTitle}`);
	doc.setAuthor(input.provider.name);
	doc.setSubject(`${input.holderName} completed ${input.approvedTitle} (${COURSE_TYPE}, ${hours}). Verification code ${input.code}: ${input.verifyUrl}`);
	doc.setCreator('Touchstone');
	doc.setProducer('Touchstone');
	doc.setLanguage('en-US');
	doc.setCreationDate(input.issuedAt);
	doc.setModificationDate(input.issuedAt);
	const fonts: Fonts = {
		serif: await doc.embedFont(StandardFonts.TimesRoman),
		serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
		sans: await doc.embedFont(StandardFonts.Helvetica),
		sansBold: await doc.embedFont(StandardFonts.HelveticaBold)
	};
	const qr = await doc.embedPng(await QRCode.toBuffer(input.verifyUrl, { type: 'png', ...CERTIFICATE_QR }));
	const signature = input.provider.signaturePng ? await doc.embedPng(input.provider.signaturePng) : null;

	const page = doc.addPage([PAGE.width, PAGE.height]);
	const d = new Draw(page, fonts);
	const { serif, serifBold, sans, sansBold } = fonts;
	d.frame();
	d.centered(input.provider.name, { y: 552, font: sans, size: 10.5, color: ACCENT, maxWidth: 640 });
	d.centered('Certificate of Achievement', { y: 508, font: serif, size: 36, color: INK });
	d.centered('This certifies that', { y: 470, font: sans, size: 11, color: MUTED });
	d.centered(input.holderName, { y: 438, font: serif, size: 30, color: INK, maxWidth: 620, minSize: 16 });
	let y = 416;
	for (const line of input.licenceLines) {
		d.centered(line, { y, font: sans, size: 11, color: INK, maxWidth: 620 });
		y -= 15;
	}
	d.centered('has completed the home-study course and passed its graded final assessment', { y: y - 6, font: sans, size: 11, color: MUTED });
	y -= 34;
	for (const line of d.wrap(input.approvedTitle, serifBold, 18, 620).slice(0, 2)) {
		d.centered(line, { y, font: serifBold, size: 18, color: INK });
		y -= 22;
	}
	const facts: [string, string][] = [
		['Course type', COURSE_TYPE],
		['Approved hours (CEs)', hours],
		['CE category', input.category],
		['Completed', formatDate(input.completedAt, 'UTC')]
	];
	const colWidth = 150;
	const left = (PAGE.width - colWidth * facts.length) / 2;
	facts.forEach(([label, value], i) => {
		const x = left + i * colWidth;
		d.left(label.toUpperCase(), { x, y: y - 6, font: sansBold, size: 7.5, color: MUTED });
		d.left(value, { x, y: y - 22, font: sans, size: 12, color: INK, maxWidth: colWidth - 10 });
	});
	d.centered(input.approvalLine, { y: y - 46, font: sans, size: 9.5, color: INK, maxWidth: 660 });

	// Signature block: the image when the provider uploaded one, the signatory's name and title under it.
	const x = 72;
	if (signature) {
		const scale = Math.min(200 / signature.width, 40 / signature.height, 1);
		page.drawImage(signature, { x, y: 126, width: signature.width * scale, height: signature.height * scale });
	}
	page.drawLine({ start: { x, y: 122 }, end: { x: x + 250, y: 122 }, thickness: 0.7, color: INK });
	const signatory = [input.provider.signatoryName, input.provider.signatoryTitle].filter(Boolean).join(', ');
	d.left(signatory || `Authorized signature, ${input.provider.name}`, { x, y: 110, font: sans, size: 8.5, color: MUTED, maxWidth: 250 });
	d.left(input.provider.name, { x, y: 88, font: sansBold, size: 9.5, color: INK, maxWidth: 300 });
	d.left(input.provider.number ? `NCBTMB Approved Provider #${input.provider.number}` : 'NCBTMB approved provider number: not configured', {
		x, y: 75, font: sans, size: 9, color: INK, maxWidth: 300
	});
	d.left(input.provider.contact, { x, y: 62, font: sans, size: 9, color: INK, maxWidth: 300 });

	const qrSize = 92;
	const qrX = PAGE.width - 60 - qrSize;
	page.drawImage(qr, { x: qrX, y: 46, width: qrSize, height: qrSize });
	d.right('VERIFICATION CODE', { x: qrX - 8, y: 118, font: sansBold, size: 7.5, color: MUTED });
	d.right(input.code, { x: qrX - 8, y: 104, font: sansBold, size: 11.5, color: INK, maxWidth: 230 });
	d.right('Check this certificate at', { x: qrX - 8, y: 86, font: sans, size: 8, color: MUTED });
	d.urlLines(input.verifyUrl, sans, 8.5, 230).forEach((line, i) => d.right(line, { x: qrX - 8, y: 74 - i * 11, font: sans, size: 8.5, color: ACCENT }));
	return doc.save();
}
