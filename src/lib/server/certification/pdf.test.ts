import {
	decodePDFRawStream,
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFFont,
	PDFName,
	PDFNumber,
	PDFRawStream,
	PDFRef,
	StandardFonts
} from 'pdf-lib';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_QR, renderCertificatePdf, toWinAnsi, type CertificatePdfInput } from './pdf';

const NAME = 'Zoë Ångström-Łukasz 李';
const VERIFY_URL = 'https://learn.example.org/verify/TS-C19P-DABC-MEYW-RV7P-XGB9';

function input(overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput {
	return {
		holderName: NAME,
		trackTitle: 'The Science of Massage: Foundations',
		courses: [
			{ title: 'Pain Science for Massage Therapists', ceHours: 2.5 },
			{ title: 'Fascia: What the Evidence Says', ceHours: 3 }
		],
		completedAt: new Date('2026-03-03T15:00:00Z'),
		issuedAt: new Date('2026-03-04T10:00:00Z'),
		expiresAt: new Date('2028-03-04T10:00:00Z'),
		verificationCode: 'TS-C19P-DABC-MEYW-RV7P-XGB9',
		verifyUrl: VERIFY_URL,
		providerName: 'Touchstone Massage Education',
		providerNumber: '1234',
		providerContact: 'certificates@learn.example.org',
		totalCeHours: 5.5,
		...overrides
	};
}

/** Content streams of a page, inflated. */
function pageStreams(doc: PDFDocument, index: number): Uint8Array[] {
	const contents = doc.getPage(index).node.Contents();
	const items = contents instanceof PDFArray ? contents.asArray() : [contents];
	return items.map((item) => {
		const stream = item instanceof PDFRef ? doc.context.lookup(item) : item;
		if (!(stream instanceof PDFRawStream)) throw new Error('expected a raw content stream after load');
		return decodePDFRawStream(stream).decode();
	});
}

/**
 * The strings a page shows, one per text-showing operator. pdf-lib writes standard-font text as hex strings of
 * WinAnsi (Windows-1252) codes (`<48656C6C6F> Tj`), so decoding those gives back exactly what was drawn.
 */
function pageText(doc: PDFDocument, index = 0): string[] {
	const winAnsi = new TextDecoder('windows-1252');
	const out: string[] = [];
	for (const bytes of pageStreams(doc, index)) {
		const ops = new TextDecoder('latin1').decode(bytes);
		for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
			const hex = m[1];
			const codes = new Uint8Array(hex.length / 2);
			for (let i = 0; i < codes.length; i++) codes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
			out.push(winAnsi.decode(codes));
		}
	}
	return out;
}

function images(doc: PDFDocument, index = 0): PDFRawStream[] {
	const xobjects = doc.getPage(index).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
	if (!xobjects) return [];
	return xobjects
		.values()
		.map((v) => (v instanceof PDFRef ? doc.context.lookup(v) : v))
		.filter((s): s is PDFRawStream => s instanceof PDFRawStream && s.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
}

describe('renderCertificatePdf', () => {
	it('writes a one-page landscape Letter PDF that pdf-lib reads back', async () => {
		const bytes = await renderCertificatePdf(input());
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		expect(doc.getPage(0).getSize()).toEqual({ width: 792, height: 612 });
	});

	it('shows every NCBTMB field, with the name reduced to what the standard fonts can draw', async () => {
		const text = pageText(await PDFDocument.load(await renderCertificatePdf(input())));
		const all = text.join('\n');
		expect(text).toContain('Certificate of Achievement');
		expect(text).toContain('Zoë Ångström-Lukasz ?');
		expect(text).toContain('has successfully completed and passed the graded assessments of');
		expect(text).toContain('The Science of Massage: Foundations');
		expect(text).toContain('Pain Science for Massage Therapists');
		expect(text).toContain('Fascia: What the Evidence Says');
		expect(text.filter((t) => t === 'Home Study')).toHaveLength(2);
		expect(text).toContain('2.5 CEs');
		expect(text).toContain('3 CEs');
		expect(text).toContain('5.5 CEs');
		expect(all).toContain('Completed 3 March 2026');
		expect(all).toContain('Valid through 4 March 2028');
		expect(text).toContain('Touchstone Massage Education');
		expect(text).toContain('NCBTMB Approved Provider #1234');
		expect(text).toContain('certificates@learn.example.org');
		expect(text).toContain('Authorized signature, Touchstone Massage Education');
		expect(text).toContain('TS-C19P-DABC-MEYW-RV7P-XGB9');
		expect(text.join('')).toContain(VERIFY_URL); // a long URL is broken after a "/" onto a second line
		expect(all).not.toMatch(/CEU/i);
	});

	it('keeps the exact Unicode name in the document metadata', async () => {
		const doc = await PDFDocument.load(await renderCertificatePdf(input()), { updateMetadata: false });
		expect(doc.getTitle()).toBe('Certificate of Achievement: The Science of Massage: Foundations');
		expect(doc.getAuthor()).toBe('Touchstone Massage Education');
		expect(doc.getSubject()).toContain(NAME);
		expect(doc.getSubject()).toContain('5.5 CEs');
		expect(doc.getSubject()).toContain(VERIFY_URL);
		expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-04T10:00:00.000Z');
	});

	it('says plainly when the NCBTMB provider number is not configured', async () => {
		const text = pageText(await PDFDocument.load(await renderCertificatePdf(input({ providerNumber: null }))));
		expect(text).toContain('NCBTMB approved provider number: not configured');
		expect(text.join('\n')).not.toContain('Approved Provider #');
	});

	it('embeds a QR code image that encodes the verify URL', async () => {
		const doc = await PDFDocument.load(await renderCertificatePdf(input()));
		const [qr, ...others] = images(doc);
		expect(others).toHaveLength(0);
		expect(qr).toBeDefined();

		const width = qr.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber();
		const height = qr.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber();
		const pixels = decodePDFRawStream(qr).decode();
		const channels = pixels.length / (width * height);
		expect([1, 3]).toContain(channels);

		// Re-derive the symbol and compare it module by module with the centre pixel of each module in the image.
		const { modules } = QRCode.create(VERIFY_URL, { errorCorrectionLevel: CERTIFICATE_QR.errorCorrectionLevel });
		const { margin, scale } = CERTIFICATE_QR;
		expect(width).toBe((modules.size + 2 * margin) * scale);
		expect(height).toBe(width);
		for (let row = 0; row < modules.size; row++) {
			for (let col = 0; col < modules.size; col++) {
				const px = (margin + col) * scale + scale / 2;
				const py = (margin + row) * scale + scale / 2;
				const dark = pixels[(py * width + px) * channels] < 128;
				expect(dark, `module ${row},${col}`).toBe(modules.get(row, col) === 1);
			}
		}
	});

	it('continues a long course list on another page rather than dropping courses', async () => {
		const courses = Array.from({ length: 45 }, (_, i) => ({ title: `Course number ${i + 1}`, ceHours: 1 }));
		const doc = await PDFDocument.load(await renderCertificatePdf(input({ courses, totalCeHours: 45 })));
		expect(doc.getPageCount()).toBeGreaterThan(1);
		const text = Array.from({ length: doc.getPageCount() }, (_, i) => pageText(doc, i)).flat();
		for (let i = 1; i <= 45; i++) expect(text).toContain(`Course number ${i}`);
		expect(text).toContain('45 CEs');
		expect(text).toContain('1 CE');
	});

	it('refuses a total that disagrees with its courses, and an empty course list', async () => {
		await expect(renderCertificatePdf(input({ totalCeHours: 6 }))).rejects.toThrow(/totalCeHours/);
		await expect(renderCertificatePdf(input({ courses: [], totalCeHours: 0 }))).rejects.toThrow(/course/);
	});
});

describe('toWinAnsi', () => {
	let font: PDFFont;
	let charset: Set<number>;
	beforeAll(async () => {
		font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
		charset = new Set(font.getCharacterSet());
	});

	it('keeps what WinAnsi has, strips accents it lacks, maps a few letters, and marks the rest', () => {
		expect(toWinAnsi('Zoë Ångström-Łukasz 李', charset)).toBe('Zoë Ångström-Lukasz ?');
		expect(toWinAnsi('Erdős Ștefan Đorđević', charset)).toBe('Erdos Stefan Dordevic');
		expect(toWinAnsi('Œuvre “quoted” — Müller', charset)).toBe('Œuvre “quoted” — Müller');
	});

	it('collapses whitespace so no control character reaches the font', () => {
		expect(toWinAnsi('  Ana\n\tMaría  ', charset)).toBe('Ana María');
		expect(toWinAnsi('Jo\u200Bhn\u200E Smith\u00AD', charset)).toBe('John Smith');
	});

	it('produces text the font can encode', () => {
		expect(() => font.encodeText(toWinAnsi('李小龍 Łódź 😀 ǅ', charset))).not.toThrow();
	});
});
