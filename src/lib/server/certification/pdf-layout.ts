// The blocks of the certificate, top to bottom: heading, holder and track, course table, dates, then the footer's
// signature/provider block and verification block with the QR code. Coordinates are PDF points from the bottom-left.
// The order of the draw calls is the order of the page's content stream, so keep it when rearranging code.

import { rgb, type PDFDocument, type PDFImage } from 'pdf-lib';
import { formatDate } from '$lib/format';
import { formatCeHours } from './format';
import { ACCENT, Draw, INK, MUTED, PAGE, RULE, type Fonts } from './pdf-draw';
import type { CertificatePdfInput } from './pdf';

export const COURSE_TYPE = 'Home Study';

type Course = CertificatePdfInput['courses'][number];

/** The certificate's first page; returns the courses that did not fit on it. */
export function drawCertificatePage(
	doc: PDFDocument,
	fonts: Fonts,
	qr: PDFImage,
	input: CertificatePdfInput,
	total: string
): Course[] {
	const dates = datesLine(input);
	const page = doc.addPage([PAGE.width, PAGE.height]);
	const d = new Draw(page, fonts);
	d.frame();

	drawHeader(d, input);
	const y = drawHolder(d, input);
	const DATES_Y = 152;
	const rest = drawCourseTable(d, input.courses, { top: y - 6, bottom: DATES_Y + 16, total });
	d.centered(dates, { y: DATES_Y, font: fonts.sans, size: 9.5, color: INK, maxWidth: 660 });
	drawSignature(d, input);
	drawVerification(d, input, qr);
	return rest;
}

/** A page for courses that did not fit before it; returns those that still do not fit. */
export function drawContinuationPage(
	doc: PDFDocument,
	fonts: Fonts,
	input: CertificatePdfInput,
	courses: Course[],
	total: string
): Course[] {
	const page = doc.addPage([PAGE.width, PAGE.height]);
	const d = new Draw(page, fonts);
	d.frame();
	d.centered('Certificate of Achievement (continued)', { y: 540, font: fonts.serif, size: 22, color: INK });
	d.centered(`${input.holderName}   ·   ${input.trackTitle}`, {
		y: 514,
		font: fonts.sans,
		size: 10.5,
		color: MUTED,
		maxWidth: 660
	});
	d.centered(`Verification code ${input.verificationCode}   ·   ${input.verifyUrl}`, {
		y: 70,
		font: fonts.sans,
		size: 9,
		color: MUTED,
		maxWidth: 660
	});
	return drawCourseTable(d, courses, { top: 490, bottom: 96, total, atLeastOne: true });
}

function datesLine(input: CertificatePdfInput): string {
	const day = (d: Date) => formatDate(d, input.timeZone ?? 'UTC');
	return `Completed ${day(input.completedAt)}   ·   Issued ${day(input.issuedAt)}   ·   Valid through ${day(input.expiresAt)}`;
}

function drawHeader(d: Draw, input: CertificatePdfInput): void {
	const { serif, sans } = d.fonts;
	const cx = PAGE.width / 2;
	d.centered(input.providerName, { y: 552, font: sans, size: 10.5, color: ACCENT, maxWidth: 640 });
	d.centered('Certificate of Achievement', { y: 508, font: serif, size: 36, color: INK });
	d.page.drawLine({ start: { x: cx - 60, y: 494 }, end: { x: cx + 60, y: 494 }, thickness: 0.8, color: ACCENT });
}

/** Holder name and track title; returns the baseline below the last title line. */
function drawHolder(d: Draw, input: CertificatePdfInput): number {
	const { serif, serifBold, sans } = d.fonts;
	d.centered('This certifies that', { y: 466, font: sans, size: 11, color: MUTED });
	d.centered(input.holderName, { y: 432, font: serif, size: 30, color: INK, maxWidth: 620, minSize: 16 });
	d.centered('has successfully completed and passed the graded assessments of', {
		y: 404,
		font: sans,
		size: 11,
		color: MUTED
	});
	// The track title is never cut short: it shrinks to fit two lines, and only then takes a third.
	let trackSize = 18;
	let trackLines = d.wrap(input.trackTitle, serifBold, trackSize, 620);
	while (trackLines.length > 2 && trackSize > 12) {
		trackSize -= 1;
		trackLines = d.wrap(input.trackTitle, serifBold, trackSize, 620);
	}
	let y = 378;
	for (const line of trackLines) {
		d.centered(line, { y, font: serifBold, size: trackSize, color: INK });
		y -= trackSize * 1.2;
	}
	return y;
}

/**
 * Course | Course type | CEs, then the total. Shrinks the type until everything fits between `top` and `bottom`;
 * returns the courses that still did not fit at the smallest size (the caller puts them on another page).
 */
function drawCourseTable(
	d: Draw,
	courses: Course[],
	o: { top: number; bottom: number; total: string; atLeastOne?: boolean }
): Course[] {
	const { sans, sansBold } = d.fonts;
	const left = 126;
	const right = PAGE.width - 126;
	const typeX = right - 170;
	const titleWidth = typeX - left - 16;
	const headerHeight = 16;
	const totalHeight = 20;

	let size = 11;
	let layout = layoutRows(d, courses, size, titleWidth);
	const available = o.top - o.bottom - headerHeight - totalHeight;
	while (layout.height > available && size > 7) {
		size -= 0.5;
		layout = layoutRows(d, courses, size, titleWidth);
	}
	const leading = size * 1.25;
	const gap = size * 0.45;

	let y = o.top - 9;
	d.left('COURSE', { x: left, y, font: sansBold, size: 7.5, color: MUTED });
	d.left('COURSE TYPE', { x: typeX, y, font: sansBold, size: 7.5, color: MUTED });
	d.right('CE HOURS', { x: right, y, font: sansBold, size: 7.5, color: MUTED });
	y -= 5;
	d.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.6, color: RULE });
	y -= leading - 2;

	let drawn = 0;
	for (const row of layout.rows) {
		const rowHeight = row.lines.length * leading + gap;
		// A continuation page always takes at least one row, so a pathologically long title cannot loop forever.
		const mustDraw = o.atLeastOne && drawn === 0;
		if (!mustDraw && y - rowHeight + leading < o.bottom + totalHeight) break;
		row.lines.forEach((line, i) => {
			d.page.drawText(line, { x: left, y: y - i * leading, font: sans, size, color: INK });
		});
		d.left(COURSE_TYPE, { x: typeX, y, font: sans, size, color: INK });
		d.right(formatCeHours(row.ceHours), { x: right, y, font: sans, size, color: INK });
		y -= rowHeight;
		drawn++;
	}
	const rest = courses.slice(drawn);

	y += leading - gap - 4;
	d.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.6, color: RULE });
	y -= 13;
	if (rest.length === 0) {
		d.left('Total', { x: left, y, font: sansBold, size: 10, color: INK });
		d.right(o.total, { x: right, y, font: sansBold, size: 10, color: INK });
	} else {
		d.left(`Continued on the next page (${rest.length} more)`, { x: left, y, font: sans, size: 9, color: MUTED });
	}
	return rest;
}

function layoutRows(d: Draw, courses: Course[], size: number, width: number) {
	const leading = size * 1.25;
	const gap = size * 0.45;
	const rows = courses.map((c) => ({ lines: d.wrap(c.title, d.fonts.sans, size, width), ceHours: c.ceHours }));
	const height = rows.reduce((h, r) => h + r.lines.length * leading + gap, 0);
	return { rows, height };
}

/** Signature: a line to sign on, labelled with the provider it signs for, then the provider's details. */
function drawSignature(d: Draw, input: CertificatePdfInput): void {
	const { sans, sansBold } = d.fonts;
	const x = 72;
	const blockWidth = 250;

	d.page.drawLine({ start: { x, y: 122 }, end: { x: x + blockWidth, y: 122 }, thickness: 0.7, color: INK });
	d.left(`Authorized signature, ${input.providerName}`, {
		x,
		y: 110,
		font: sans,
		size: 8.5,
		color: MUTED,
		maxWidth: blockWidth
	});
	d.left(input.providerName, { x, y: 88, font: sansBold, size: 9.5, color: INK, maxWidth: 300 });
	const apNumber = input.providerNumber?.trim();
	d.left(
		apNumber ? `NCBTMB Approved Provider #${apNumber}` : 'NCBTMB approved provider number: not configured',
		{ x, y: 75, font: sans, size: 9, color: apNumber ? INK : rgb(0.62, 0.2, 0.14), maxWidth: 300 }
	);
	d.left(input.providerContact, { x, y: 62, font: sans, size: 9, color: INK, maxWidth: 300 });
}

/** Verification: code and URL beside a QR code for the URL. */
function drawVerification(d: Draw, input: CertificatePdfInput, qr: PDFImage): void {
	const { sans, sansBold } = d.fonts;
	const qrSize = 92;
	const qrX = PAGE.width - 60 - qrSize;
	const qrY = 46;
	d.page.drawImage(qr, { x: qrX, y: qrY, width: qrSize, height: qrSize });
	const tx = qrX - 8;
	const textWidth = 230;
	d.right('VERIFICATION CODE', { x: tx, y: 118, font: sansBold, size: 7.5, color: MUTED });
	d.right(input.verificationCode, { x: tx, y: 104, font: sansBold, size: 11.5, color: INK, maxWidth: textWidth });
	d.right('Check this certificate’s current status at', { x: tx, y: 86, font: sans, size: 8, color: MUTED });
	const urlLines = d.urlLines(input.verifyUrl, sans, 8.5, textWidth);
	urlLines.forEach((line, i) => d.right(line, { x: tx, y: 74 - i * 11, font: sans, size: 8.5, color: ACCENT }));
}
