// The printable NCBTMB-style certificate. Every field NCBTMB asks an Approved Provider's certificate to show is on
// the page: participant name, each course title, course type (Home Study), completion date, CE hours written as
// "CEs", provider name, Approved Provider number, provider contact, and a signature line. A verification code, the
// verify URL and a QR code for it let anyone check the certificate's current status.
//
// Only the 14 standard PDF fonts are used, so nothing has to be shipped or embedded. They can only draw WinAnsi
// (Windows-1252) characters; anything else is replaced with a close ASCII letter, or "?" when there is none. The
// exact Unicode name still travels in the document metadata and in the signed credential.

import { PDFDocument, PDFFont, PDFImage, PDFPage, rgb, StandardFonts, type Color } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatCeHours } from './format';

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

export const COURSE_TYPE = 'Home Study';

const PAGE = { width: 792, height: 612 } as const; // US Letter, landscape
const INK = rgb(0.13, 0.17, 0.22);
const MUTED = rgb(0.4, 0.45, 0.5);
const ACCENT = rgb(0.17, 0.4, 0.42);
const RULE = rgb(0.78, 0.82, 0.84);

interface Fonts {
	serif: PDFFont;
	serifBold: PDFFont;
	sans: PDFFont;
	sansBold: PDFFont;
}

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
	doc.setKeywords(['Certificate of Achievement', 'continuing education', 'CEs', COURSE_TYPE, input.verificationCode]);
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
	const qrPng = await QRCode.toBuffer(input.verifyUrl, {
		type: 'png',
		...CERTIFICATE_QR,
		color: { dark: '#000000ff', light: '#ffffffff' }
	});
	const qr = await doc.embedPng(qrPng);

	const dateFormat = new Intl.DateTimeFormat('en-US', {
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone: input.timeZone ?? 'UTC'
	});
	const page = doc.addPage([PAGE.width, PAGE.height]);
	const d = new Draw(page, fonts);
	d.frame();

	const cx = PAGE.width / 2;
	d.centered(input.providerName, { y: 552, font: fonts.sans, size: 10.5, color: ACCENT, maxWidth: 640 });
	d.centered('Certificate of Achievement', { y: 508, font: fonts.serif, size: 36, color: INK });
	page.drawLine({ start: { x: cx - 60, y: 494 }, end: { x: cx + 60, y: 494 }, thickness: 0.8, color: ACCENT });
	d.centered('This certifies that', { y: 466, font: fonts.sans, size: 11, color: MUTED });
	d.centered(input.holderName, { y: 432, font: fonts.serif, size: 30, color: INK, maxWidth: 620, minSize: 16 });
	d.centered('has successfully completed and passed the graded assessments of', {
		y: 404,
		font: fonts.sans,
		size: 11,
		color: MUTED
	});
	// The track title is never cut short: it shrinks to fit two lines, and only then takes a third.
	let trackSize = 18;
	let trackLines = d.wrap(input.trackTitle, fonts.serifBold, trackSize, 620);
	while (trackLines.length > 2 && trackSize > 12) {
		trackSize -= 1;
		trackLines = d.wrap(input.trackTitle, fonts.serifBold, trackSize, 620);
	}
	let y = 378;
	for (const line of trackLines) {
		d.centered(line, { y, font: fonts.serifBold, size: trackSize, color: INK });
		y -= trackSize * 1.2;
	}

	const dates =
		`Completed ${dateFormat.format(input.completedAt)}   ·   Issued ${dateFormat.format(input.issuedAt)}` +
		`   ·   Valid through ${dateFormat.format(input.expiresAt)}`;
	const DATES_Y = 152;
	const rest = d.courseTable(input.courses, { top: y - 6, bottom: DATES_Y + 16, total });
	d.centered(dates, { y: DATES_Y, font: fonts.sans, size: 9.5, color: INK, maxWidth: 660 });
	d.footer(input, qr);

	// Courses that do not fit even at the smallest size continue on further pages, never dropped: NCBTMB wants every
	// course title on the certificate.
	let remaining = rest;
	while (remaining.length > 0) {
		const next = doc.addPage([PAGE.width, PAGE.height]);
		const dn = new Draw(next, fonts);
		dn.frame();
		dn.centered('Certificate of Achievement (continued)', { y: 540, font: fonts.serif, size: 22, color: INK });
		dn.centered(`${input.holderName}   ·   ${input.trackTitle}`, {
			y: 514,
			font: fonts.sans,
			size: 10.5,
			color: MUTED,
			maxWidth: 660
		});
		dn.centered(`Verification code ${input.verificationCode}   ·   ${input.verifyUrl}`, {
			y: 70,
			font: fonts.sans,
			size: 9,
			color: MUTED,
			maxWidth: 660
		});
		remaining = dn.courseTable(remaining, { top: 490, bottom: 96, total, atLeastOne: true });
	}

	return doc.save();
}

class Draw {
	private readonly charsets = new Map<PDFFont, Set<number>>();

	constructor(
		private readonly page: PDFPage,
		private readonly fonts: Fonts
	) {}

	frame(): void {
		const { width, height } = PAGE;
		this.page.drawRectangle({ x: 22, y: 22, width: width - 44, height: height - 44, borderColor: ACCENT, borderWidth: 1.4 });
		this.page.drawRectangle({ x: 29, y: 29, width: width - 58, height: height - 58, borderColor: RULE, borderWidth: 0.6 });
	}

	/** Text that the font can encode: unsupported characters become a close ASCII letter or "?". */
	text(raw: string, font: PDFFont): string {
		let charset = this.charsets.get(font);
		if (!charset) {
			charset = new Set(font.getCharacterSet());
			this.charsets.set(font, charset);
		}
		return toWinAnsi(raw, charset);
	}

	centered(
		raw: string,
		o: { y: number; font: PDFFont; size: number; color: Color; maxWidth?: number; minSize?: number }
	): void {
		const text = this.text(raw, o.font);
		const size = this.fit(text, o.font, o.size, o.maxWidth ?? PAGE.width - 120, o.minSize ?? 6);
		const width = o.font.widthOfTextAtSize(text, size);
		this.page.drawText(text, { x: (PAGE.width - width) / 2, y: o.y, font: o.font, size, color: o.color });
	}

	left(raw: string, o: { x: number; y: number; font: PDFFont; size: number; color: Color; maxWidth?: number }): void {
		const text = this.text(raw, o.font);
		const size = o.maxWidth ? this.fit(text, o.font, o.size, o.maxWidth, 5.5) : o.size;
		this.page.drawText(text, { x: o.x, y: o.y, font: o.font, size, color: o.color });
	}

	right(raw: string, o: { x: number; y: number; font: PDFFont; size: number; color: Color; maxWidth?: number }): void {
		const text = this.text(raw, o.font);
		const size = o.maxWidth ? this.fit(text, o.font, o.size, o.maxWidth, 5.5) : o.size;
		const width = o.font.widthOfTextAtSize(text, size);
		this.page.drawText(text, { x: o.x - width, y: o.y, font: o.font, size, color: o.color });
	}

	/** Largest size ≤ `size` (down to `minSize`) at which the text fits `maxWidth`. */
	fit(text: string, font: PDFFont, size: number, maxWidth: number, minSize: number): number {
		const width = font.widthOfTextAtSize(text, size);
		if (width <= maxWidth) return size;
		return Math.max(minSize, Math.floor(((size * maxWidth) / width) * 10) / 10);
	}

	/** Greedy word wrap; a single word wider than the line is broken by characters. */
	wrap(raw: string, font: PDFFont, size: number, maxWidth: number): string[] {
		const words = this.text(raw, font).split(' ').filter(Boolean);
		const lines: string[] = [];
		let line = '';
		for (let word of words) {
			while (font.widthOfTextAtSize(word, size) > maxWidth && word.length > 1) {
				let cut = word.length - 1;
				while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > maxWidth) cut--;
				if (line) lines.push(line);
				lines.push(word.slice(0, cut));
				line = '';
				word = word.slice(cut);
			}
			const candidate = line ? `${line} ${word}` : word;
			if (font.widthOfTextAtSize(candidate, size) <= maxWidth) line = candidate;
			else {
				lines.push(line);
				line = word;
			}
		}
		if (line) lines.push(line);
		return lines.length ? lines : [''];
	}

	/**
	 * Course | Course type | CEs, then the total. Shrinks the type until everything fits between `top` and `bottom`;
	 * returns the courses that still did not fit at the smallest size (the caller puts them on another page).
	 */
	courseTable(
		courses: { title: string; ceHours: number }[],
		o: { top: number; bottom: number; total: string; atLeastOne?: boolean }
	): { title: string; ceHours: number }[] {
		const { sans, sansBold } = this.fonts;
		const left = 126;
		const right = PAGE.width - 126;
		const typeX = right - 170;
		const titleWidth = typeX - left - 16;
		const headerHeight = 16;
		const totalHeight = 20;

		let size = 11;
		let layout = this.layoutRows(courses, size, titleWidth);
		const available = o.top - o.bottom - headerHeight - totalHeight;
		while (layout.height > available && size > 7) {
			size -= 0.5;
			layout = this.layoutRows(courses, size, titleWidth);
		}
		const leading = size * 1.25;
		const gap = size * 0.45;

		let y = o.top - 9;
		this.left('COURSE', { x: left, y, font: sansBold, size: 7.5, color: MUTED });
		this.left('COURSE TYPE', { x: typeX, y, font: sansBold, size: 7.5, color: MUTED });
		this.right('CE HOURS', { x: right, y, font: sansBold, size: 7.5, color: MUTED });
		y -= 5;
		this.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.6, color: RULE });
		y -= leading - 2;

		let drawn = 0;
		for (const row of layout.rows) {
			const rowHeight = row.lines.length * leading + gap;
			// A continuation page always takes at least one row, so a pathologically long title cannot loop forever.
			const mustDraw = o.atLeastOne && drawn === 0;
			if (!mustDraw && y - rowHeight + leading < o.bottom + totalHeight) break;
			row.lines.forEach((line, i) => {
				this.page.drawText(line, { x: left, y: y - i * leading, font: sans, size, color: INK });
			});
			this.left(COURSE_TYPE, { x: typeX, y, font: sans, size, color: INK });
			this.right(formatCeHours(row.ceHours), { x: right, y, font: sans, size, color: INK });
			y -= rowHeight;
			drawn++;
		}
		const rest = courses.slice(drawn);

		y += leading - gap - 4;
		this.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.6, color: RULE });
		y -= 13;
		if (rest.length === 0) {
			this.left('Total', { x: left, y, font: sansBold, size: 10, color: INK });
			this.right(o.total, { x: right, y, font: sansBold, size: 10, color: INK });
		} else {
			this.left(`Continued on the next page (${rest.length} more)`, { x: left, y, font: sans, size: 9, color: MUTED });
		}
		return rest;
	}

	private layoutRows(courses: { title: string; ceHours: number }[], size: number, width: number) {
		const leading = size * 1.25;
		const gap = size * 0.45;
		const rows = courses.map((c) => ({ lines: this.wrap(c.title, this.fonts.sans, size, width), ceHours: c.ceHours }));
		const height = rows.reduce((h, r) => h + r.lines.length * leading + gap, 0);
		return { rows, height };
	}

	footer(input: CertificatePdfInput, qr: PDFImage): void {
		const { sans, sansBold } = this.fonts;
		const x = 72;
		const blockWidth = 250;

		// Signature: a line to sign on, labelled with the provider it signs for.
		this.page.drawLine({ start: { x, y: 122 }, end: { x: x + blockWidth, y: 122 }, thickness: 0.7, color: INK });
		this.left(`Authorized signature, ${input.providerName}`, {
			x,
			y: 110,
			font: sans,
			size: 8.5,
			color: MUTED,
			maxWidth: blockWidth
		});
		this.left(input.providerName, { x, y: 88, font: sansBold, size: 9.5, color: INK, maxWidth: 300 });
		const apNumber = input.providerNumber?.trim();
		this.left(
			apNumber ? `NCBTMB Approved Provider #${apNumber}` : 'NCBTMB approved provider number: not configured',
			{ x, y: 75, font: sans, size: 9, color: apNumber ? INK : rgb(0.62, 0.2, 0.14), maxWidth: 300 }
		);
		this.left(input.providerContact, { x, y: 62, font: sans, size: 9, color: INK, maxWidth: 300 });

		// Verification: code and URL beside a QR code for the URL.
		const qrSize = 92;
		const qrX = PAGE.width - 60 - qrSize;
		const qrY = 46;
		this.page.drawImage(qr, { x: qrX, y: qrY, width: qrSize, height: qrSize });
		const tx = qrX - 8;
		const textWidth = 230;
		this.right('VERIFICATION CODE', { x: tx, y: 118, font: sansBold, size: 7.5, color: MUTED });
		this.right(input.verificationCode, { x: tx, y: 104, font: sansBold, size: 11.5, color: INK, maxWidth: textWidth });
		this.right('Check this certificate’s current status at', { x: tx, y: 86, font: sans, size: 8, color: MUTED });
		const urlLines = this.urlLines(input.verifyUrl, sans, 8.5, textWidth);
		urlLines.forEach((line, i) => this.right(line, { x: tx, y: 74 - i * 11, font: sans, size: 8.5, color: ACCENT }));
	}

	/** A URL on one line if it fits at a legible size, otherwise broken after "/" (or anywhere, as a last resort). */
	private urlLines(url: string, font: PDFFont, size: number, maxWidth: number): string[] {
		const text = this.text(url, font);
		if (font.widthOfTextAtSize(text, size) <= maxWidth) return [text];
		const lines: string[] = [];
		let line = '';
		for (const ch of text) {
			if (font.widthOfTextAtSize(line + ch, size) > maxWidth) {
				const slash = line.lastIndexOf('/');
				if (slash > 0 && slash < line.length - 1) {
					lines.push(line.slice(0, slash + 1));
					line = line.slice(slash + 1);
				} else {
					lines.push(line);
					line = '';
				}
			}
			line += ch;
		}
		if (line) lines.push(line);
		return lines.slice(0, 3);
	}
}

// Letters WinAnsi lacks that Unicode decomposition does not reduce to a base letter.
const ASCII_FALLBACK: Record<string, string> = {
	Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŋ: 'N', ŋ: 'n', Ŧ: 'T', ŧ: 't',
	Ə: 'E', ə: 'e', ĸ: 'k', ŉ: "'n", Ĳ: 'IJ', ĳ: 'ij', Ɖ: 'D', ɖ: 'd', Ø: 'O', ø: 'o',
	'\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2032': "'", '\u2033': '"',
	'\u2264': '<=', '\u2265': '>=', '\u2192': '->', '\u2190': '<-', '\u2248': '~'
};

/**
 * Reduces text to characters in `charset` (the code points a standard font can encode): whitespace collapses to
 * single spaces, invisible format characters go, letters lose accents WinAnsi cannot show (ő → o, Ș → S), a few letters map by hand (Ł → L), and
 * whatever is left (e.g. CJK) becomes "?" so the gap stays visible rather than silently dropped.
 */
export function toWinAnsi(raw: string, charset: ReadonlySet<number>): string {
	let out = '';
	const cleaned = raw
		.normalize('NFC')
		.replace(/\s+/gu, ' ')
		.replace(/[\p{Cc}\p{Cf}]/gu, '') // zero-width and direction marks pasted along with names
		.trim();
	for (const ch of cleaned) {
		const cp = ch.codePointAt(0)!;
		if (charset.has(cp)) {
			out += ch;
			continue;
		}
		const mapped = ASCII_FALLBACK[ch];
		if (mapped !== undefined && [...mapped].every((m) => charset.has(m.codePointAt(0)!))) {
			out += mapped;
			continue;
		}
		const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
		if (base && base !== ch && [...base].every((b) => charset.has(b.codePointAt(0)!))) {
			out += base;
			continue;
		}
		out += '?';
	}
	return out;
}
