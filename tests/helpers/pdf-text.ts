import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * The strings every page of a PDF shows, one per text-showing operator. pdf-lib writes standard-font text as hex
 * strings of WinAnsi codes (`<48656C6C6F> Tj`), so decoding them gives back exactly what was drawn.
 */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
	const doc = await PDFDocument.load(bytes);
	const winAnsi = new TextDecoder('windows-1252');
	const out: string[] = [];
	for (const page of doc.getPages()) {
		const contents = page.node.Contents();
		const items = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
		for (const item of items) {
			const stream = item instanceof PDFRef ? doc.context.lookup(item) : item;
			if (!(stream instanceof PDFRawStream)) continue;
			const ops = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
			for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
				const codes = new Uint8Array(m[1].length / 2);
				for (let i = 0; i < codes.length; i++) codes[i] = parseInt(m[1].slice(i * 2, i * 2 + 2), 16);
				out.push(winAnsi.decode(codes));
			}
		}
	}
	return out;
}
