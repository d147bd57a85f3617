// The 14 standard PDF fonts can only draw WinAnsi (Windows-1252) characters, so every string put on the certificate
// goes through `toWinAnsi` first. The exact Unicode text still travels in the document metadata and the credential.

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
