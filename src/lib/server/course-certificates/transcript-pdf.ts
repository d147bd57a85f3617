// The transcript as a PDF: portrait Letter pages, one line per certificate under each renewal cycle.

import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import { formatCeHours, formatDate, formatDay } from '$lib/format';
import { Draw, INK, MUTED, type Fonts } from '../certification/pdf-draw';
import type { Transcript } from './transcript';

const WIDTH = 612;
const HEIGHT = 792;

export async function renderTranscriptPdf(t: Transcript, provider: { name: string; number: string | null; contact: string }, now: Date) {
	const doc = await PDFDocument.create();
	doc.setTitle(`CE transcript: ${t.holderName}`);
	doc.setAuthor(provider.name);
	doc.setCreator('Touchstone');
	doc.setCreationDate(now);
	const fonts: Fonts = {
		serif: await doc.embedFont(StandardFonts.TimesRoman),
		serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
		sans: await doc.embedFont(StandardFonts.Helvetica),
		sansBold: await doc.embedFont(StandardFonts.HelveticaBold)
	};
	let page: PDFPage;
	let d: Draw;
	let y = 0;
	const newPage = () => {
		page = doc.addPage([WIDTH, HEIGHT]);
		d = new Draw(page, fonts);
		y = HEIGHT - 60;
	};
	const line = (text: string, o: { bold?: boolean; size?: number; muted?: boolean; x?: number } = {}) => {
		if (y < 60) newPage();
		d.left(text, { x: o.x ?? 54, y, font: o.bold ? fonts.sansBold : fonts.sans, size: o.size ?? 9.5, color: o.muted ? MUTED : INK, maxWidth: WIDTH - 108 });
		y -= (o.size ?? 9.5) * 1.5;
	};
	newPage();
	line('Continuing education transcript', { bold: true, size: 18 });
	line(`${t.holderName} · issued ${formatDate(now, 'UTC')} by ${provider.name}`);
	line(`${provider.number ? `NCBTMB Approved Provider #${provider.number}` : 'NCBTMB approved provider number: not configured'} · ${provider.contact}`, { muted: true });
	y -= 8;
	if (t.groups.length === 0) line('No CE certificates yet.');
	for (const group of t.groups) {
		line(`${group.label}: ${formatCeHours(group.hours)}`, { bold: true, size: 11 });
		for (const r of group.rows) {
			line(`${formatDay(r.completedOn)}  ${r.title} (Home Study), ${formatCeHours(r.hours)}, ${r.category}`, { x: 64 });
			line(`${r.approval} · certificate ${r.code}${r.licences ? ` · licence ${r.licences}` : ''}`, { x: 76, muted: true, size: 8.5 });
		}
		y -= 6;
	}
	return doc.save();
}
