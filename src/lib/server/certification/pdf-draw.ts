// Page geometry, colours and the text primitives the certificate is drawn with. Every string is passed through
// `toWinAnsi` before it reaches pdf-lib, because the standard fonts cannot encode anything outside WinAnsi.

import { rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { toWinAnsi } from './winansi';

export const PAGE = { width: 792, height: 612 } as const; // US Letter, landscape
export const INK = rgb(0.13, 0.17, 0.22);
export const MUTED = rgb(0.4, 0.45, 0.5);
export const ACCENT = rgb(0.17, 0.4, 0.42);
export const RULE = rgb(0.78, 0.82, 0.84);

export interface Fonts {
	serif: PDFFont;
	serifBold: PDFFont;
	sans: PDFFont;
	sansBold: PDFFont;
}

/** Drawing on one page: positioned, sanitised, shrink-to-fit text. */
export class Draw {
	private readonly charsets = new Map<PDFFont, Set<number>>();

	constructor(
		readonly page: PDFPage,
		readonly fonts: Fonts
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

	/** A URL on one line if it fits at a legible size, otherwise broken after "/" (or anywhere, as a last resort). */
	urlLines(url: string, font: PDFFont, size: number, maxWidth: number): string[] {
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
